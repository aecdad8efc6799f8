package no.samhandling.referral.intake;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.mongodb.core.mapping.Document;

import no.samhandling.events.referral.AnonymisationReason;
import no.samhandling.events.referral.DiscussionBasis;
import no.samhandling.events.referral.IntakePath;
import no.samhandling.events.referral.PreventionLevel;
import no.samhandling.events.referral.ReferralAccepted;
import no.samhandling.events.referral.ReferralAnonymised;
import no.samhandling.events.referral.ReferralClosed;
import no.samhandling.events.referral.ReferralDiscussed;
import no.samhandling.events.referral.ReferralEscalated;
import no.samhandling.events.referral.ReferralReturned;
import no.samhandling.events.referral.ReferralScheduled;
import no.samhandling.events.referral.ReferralSubmitted;
import no.samhandling.events.referral.ReferralWithdrawn;
import no.samhandling.events.referral.Theme;
import no.samhandling.events.referral.WithdrawingParty;
import no.samhandling.platform.web.ProblemException;

import java.util.Set;

import no.samhandling.platform.events.AggregateRoot;

/** A concern registered into an arena. */
@Document("referrals")
class Referral extends AggregateRoot {

    /** submitted → accepted | returned → scheduled → discussed → follow-up → closed; escalated; withdrawn. */
    enum Status {
        SUBMITTED,
        ACCEPTED,
        RETURNED,
        SCHEDULED,
        DISCUSSED,
        FOLLOW_UP,
        CLOSED,
        ESCALATED,
        WITHDRAWN;

        boolean isOpen() {
            return this != RETURNED && this != CLOSED && this != ESCALATED && this != WITHDRAWN;
        }
    }

    /**
     * The steps a referral takes after intake, each from the statuses that allow it: one rule for
     * taking a step and for offering it on a page.
     */
    enum Step {
        ACCEPT(Status.SUBMITTED),
        RETURN(Status.SUBMITTED),
        /** Again from SCHEDULED: a referral whose meeting was called off goes to another. */
        SCHEDULE(Status.ACCEPTED, Status.SCHEDULED),
        ESCALATE(Status.ACCEPTED, Status.SCHEDULED, Status.DISCUSSED, Status.FOLLOW_UP),
        CLOSE(Status.DISCUSSED, Status.FOLLOW_UP),
        WITHDRAW(Status.SUBMITTED, Status.ACCEPTED, Status.SCHEDULED, Status.DISCUSSED, Status.FOLLOW_UP);

        private final Set<Status> from;

        Step(Status first, Status... more) {
            this.from = java.util.EnumSet.of(first, more);
        }

        boolean allowedFrom(Status status) {
            return from.contains(status);
        }
    }

    private String arenaId;
    private String referrerSubject;
    private String referrerUnit;
    private String referrerUnitType;
    private DiscussionBasis basis;
    private String ageBand;
    private List<String> themes;
    private PreventionLevel preventionLevel;
    private List<SubmitReferral.MeasureTried> measuresTried;
    private String description;
    private boolean guardiansAttend;
    private Status status;
    private Instant submittedAt;
    private String meetingId;
    private String reasonCode;
    private String reasonText;
    private String outcomeCode;
    private java.time.LocalDate followUpDate;
    private String escalatedFrom;
    private String escalatedTo;
    private List<String> guardianUserIds;
    private IntakePath path;
    private String subjectId;
    private String consentId;
    private PersonalData personalData;
    private Instant anonymisedAt;
    private AnonymisationReason anonymisationReason;
    /** When the case left its arena's process: returned, closed, escalated or withdrawn. */
    private Instant endedAt;

    Referral() {
    }

    static Referral submitAnonymous(String municipality, String referrerSubject, SubmitReferral request, Instant now) {
        return anonymous(municipality, referrerSubject, request, now, false);
    }

    private static Referral anonymous(String municipality, String referrerSubject, SubmitReferral request, Instant submittedAt,
            boolean historic) {
        Referral referral = submitted(municipality, referrerSubject, request, submittedAt);
        referral.basis = DiscussionBasis.ANONYMOUS;
        referral.measuresTried = List.copyOf(request.measuresTried());
        referral.description = request.description();
        referral.raiseSubmitted(submittedAt, historic);
        return referral;
    }

    /**
     * An anonymous case of the demo data's history, dated in the past: submitted then, and, when it
     * was concluded, closed then. A case concluded before the platform was used has no record of the
     * steps between (they happened in meetings outside it), so it is closed straight from its submission.
     * Only {@link DemoHistory} makes these, and only outside production. Its submission is marked as
     * history, so that nobody is told of a case months old as if it were new.
     */
    static Referral historic(String municipality, String referrerSubject, SubmitReferral request, Instant submittedAt,
            Instant closedAt, String closeReasonCode) {
        Referral referral = anonymous(municipality, referrerSubject, request, submittedAt, true);
        if (closedAt != null) {
            referral.end(Status.CLOSED, closedAt);
            referral.reasonCode = closeReasonCode;
            referral.raise(new ReferralClosed(UUID.randomUUID(), closedAt, municipality, referral.id, referral.arenaId, closeReasonCode));
        }
        return referral;
    }

    /**
     * A case about a named child under a consent. The identity and the free text are kept only
     * sealed; the event carries the opaque subject and consent ids, never the data.
     */
    static Referral submitNamed(String municipality, String referrerSubject, SubmitReferral request, String subjectId,
            String consentId, List<String> guardianUserIds, PersonalData personalData, Instant now) {
        Referral referral = submitted(municipality, referrerSubject, request, now);
        referral.basis = DiscussionBasis.NAMED;
        referral.measuresTried = List.of();
        referral.subjectId = subjectId;
        referral.consentId = consentId;
        referral.guardianUserIds = List.copyOf(guardianUserIds);
        referral.personalData = personalData;
        referral.raiseSubmitted(now);
        return referral;
    }

    private static Referral submitted(String municipality, String referrerSubject, SubmitReferral request, Instant now) {
        Referral referral = new Referral();
        referral.id = UUID.randomUUID().toString();
        referral.municipality = municipality;
        referral.arenaId = request.arenaId();
        referral.referrerSubject = referrerSubject;
        referral.referrerUnit = request.referrerUnit();
        referral.referrerUnitType = request.referrerUnitType().name();
        referral.ageBand = request.ageBand();
        referral.themes = request.themes().stream().distinct().map(Theme::name).toList();
        referral.preventionLevel = request.preventionLevel();
        referral.guardiansAttend = request.guardiansAttend();
        referral.path = request.requestedBy() == null || request.requestedBy() == SubmitReferral.RequestedBy.STAFF
                ? IntakePath.STAFF : IntakePath.GUARDIAN_OR_YOUTH_REQUEST;
        referral.status = Status.SUBMITTED;
        referral.submittedAt = now;
        return referral;
    }

    private void raiseSubmitted(Instant now) {
        raiseSubmitted(now, false);
    }

    private void raiseSubmitted(Instant at, boolean historic) {
        raise(new ReferralSubmitted(UUID.randomUUID(), at, municipality, id, arenaId, basis, subjectId, consentId, ageBand,
                referrerUnitType, themes, preventionLevel, path, guardiansAttend, referrerSubject, escalatedFrom, historic));
    }

    /** The same concern, brought to the arena the first one escalates to; its id is derived so a retry finds it. */
    Referral escalateTo(String targetArenaId, String coordinator, Instant now) {
        require(Step.ESCALATE);
        Referral escalated = new Referral();
        escalated.id = UUID.nameUUIDFromBytes(("escalation|" + id + "|" + targetArenaId).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        escalated.municipality = municipality;
        escalated.arenaId = targetArenaId;
        escalated.referrerSubject = coordinator;
        escalated.referrerUnit = referrerUnit;
        escalated.referrerUnitType = referrerUnitType;
        escalated.basis = basis;
        escalated.ageBand = ageBand;
        escalated.themes = themes;
        escalated.preventionLevel = preventionLevel;
        escalated.measuresTried = measuresTried;
        escalated.description = description;
        escalated.guardiansAttend = guardiansAttend;
        escalated.path = path;
        escalated.subjectId = subjectId;
        escalated.consentId = consentId;
        escalated.guardianUserIds = guardianUserIds;
        escalated.personalData = personalData;
        escalated.status = Status.SUBMITTED;
        escalated.submittedAt = now;
        escalated.escalatedFrom = id;
        escalated.raiseSubmitted(now);
        end(Status.ESCALATED, now);
        escalatedTo = escalated.id;
        raise(new ReferralEscalated(UUID.randomUUID(), now, municipality, id, arenaId, targetArenaId, escalated.id));
        return escalated;
    }

    void accept(String coordinator, Instant now) {
        require(Step.ACCEPT);
        status = Status.ACCEPTED;
        raise(new ReferralAccepted(UUID.randomUUID(), now, municipality, id, arenaId, coordinator));
    }

    /** Back to the referrer with a reason, for example that measures must be tried locally first (Melhus). */
    void returnToReferrer(String reasonCode, String reasonText, String coordinator, Instant now) {
        require(Step.RETURN);
        end(Status.RETURNED, now);
        this.reasonCode = reasonCode;
        this.reasonText = reasonText;
        raise(new ReferralReturned(UUID.randomUUID(), now, municipality, id, arenaId, reasonCode, coordinator));
    }

    /** On a meeting's agenda; a referral whose meeting was called off can be scheduled to another. */
    void scheduleTo(String meetingId, Instant now) {
        require(Step.SCHEDULE);
        status = Status.SCHEDULED;
        this.meetingId = meetingId;
        raise(new ReferralScheduled(UUID.randomUUID(), now, municipality, id, arenaId, meetingId));
    }

    /** From the meeting's minutes; with a follow-up date the case stays open for follow-up. */
    boolean discussed(String meetingId, String outcomeCode, boolean hasAssignment, java.time.LocalDate followUpDate, Instant now) {
        if (status != Status.SCHEDULED || !meetingId.equals(this.meetingId)) {
            return false;
        }
        this.outcomeCode = outcomeCode;
        this.followUpDate = followUpDate;
        status = followUpDate != null ? Status.FOLLOW_UP : Status.DISCUSSED;
        raise(new ReferralDiscussed(UUID.randomUUID(), now, municipality, id, arenaId, meetingId, outcomeCode, hasAssignment, followUpDate));
        return true;
    }

    void close(String reasonCode, Instant now) {
        require(Step.CLOSE);
        end(Status.CLOSED, now);
        this.reasonCode = reasonCode;
        raise(new ReferralClosed(UUID.randomUUID(), now, municipality, id, arenaId, reasonCode));
    }

    void withdraw(WithdrawingParty party, Instant now) {
        require(Step.WITHDRAW);
        end(Status.WITHDRAWN, now);
        raise(new ReferralWithdrawn(UUID.randomUUID(), now, municipality, id, arenaId, party));
    }

    /**
     * The case loses its link to the child: the sealed data and the subject are dropped. It goes on
     * anonymously where the arena takes anonymous cases, and is withdrawn where it does not.
     *
     * @return false when there was nothing to anonymise (already done, or never named)
     */
    boolean anonymise(AnonymisationReason reason, boolean arenaTakesAnonymousCases, Instant now) {
        if (!isNamed()) {
            return false;
        }
        boolean continues = arenaTakesAnonymousCases && status.isOpen();
        personalData = null;
        subjectId = null;
        guardianUserIds = List.of();
        anonymisedAt = now;
        anonymisationReason = reason;
        if (!continues && status.isOpen()) {
            end(Status.WITHDRAWN, now);
        }
        raise(new ReferralAnonymised(UUID.randomUUID(), now, municipality, id, arenaId, reason, continues));
        return true;
    }

    private void end(Status ending, Instant now) {
        status = ending;
        endedAt = now;
    }

    /**
     * Whether the referrer may still open the personal data: while the case is open, and for the grace period
     * after it ended (Normen: access lasts as long as the need). A case that ended before the end was recorded
     * counts from its submission.
     */
    boolean referrerMayStillRead(Instant now, java.time.Duration grace) {
        if (status.isOpen()) {
            return true;
        }
        Instant ended = endedAt == null ? submittedAt : endedAt;
        return now.isBefore(ended.plus(grace));
    }

    /** Whether the case left its process before the instant; one that ended before the end was recorded counts from its submission. */
    boolean endedBefore(Instant instant) {
        return !status.isOpen() && (endedAt == null ? submittedAt : endedAt).isBefore(instant);
    }

    /** Named and still linked to the child. */
    boolean isNamed() {
        return basis == DiscussionBasis.NAMED && anonymisedAt == null;
    }

    String consentId() {
        return consentId;
    }

    String subjectId() {
        return subjectId;
    }

    PersonalData personalData() {
        return personalData;
    }

    boolean submittedBy(String subject) {
        return referrerSubject.equals(subject);
    }

    /** Whether the user is one of the child's guardians, as the consent names them; never for an anonymous case. */
    boolean hasGuardian(String userId) {
        return guardianUserIds != null && guardianUserIds.contains(userId);
    }

    String arenaId() {
        return arenaId;
    }

    private void require(Step step) {
        if (!step.allowedFrom(status)) {
            throw invalidTransition();
        }
    }

    /** The steps its status allows now. */
    Set<Step> possibleSteps() {
        Set<Step> steps = java.util.EnumSet.noneOf(Step.class);
        for (Step step : Step.values()) {
            if (step.allowedFrom(status)) {
                steps.add(step);
            }
        }
        return steps;
    }

    private ProblemException invalidTransition() {
        return ProblemException.invalidTransition("referral.invalid-transition", status.name(), status.name());
    }

    ReferralView view() {
        return new ReferralView(id, arenaId, basis, path, isNamed(), anonymisedAt != null, referrerUnit, referrerUnitType, ageBand,
                themes, preventionLevel, measuresTried, description, guardiansAttend, status.name(), submittedAt, meetingId,
                reasonCode, reasonText, outcomeCode, followUpDate, escalatedFrom, escalatedTo);
    }
}
