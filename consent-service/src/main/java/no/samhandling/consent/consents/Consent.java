package no.samhandling.consent.consents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.data.mongodb.core.mapping.Document;

import no.samhandling.events.consent.ConsentCoverage;
import no.samhandling.events.consent.ConsentExpired;
import no.samhandling.events.consent.ConsentGiver;
import no.samhandling.events.consent.ConsentGranted;
import no.samhandling.events.consent.ConsentLimited;
import no.samhandling.events.consent.ConsentWithdrawer;
import no.samhandling.events.consent.ConsentWithdrawn;
import no.samhandling.platform.events.AggregateRoot;
import no.samhandling.platform.web.ProblemException;

/**
 * Consent to discuss one child by name, within a scope and a period. It comes into force only
 * when everyone the rules require has consented; until then it is pending. In force it can be
 * limited, and it ends when withdrawn or when its last day has passed. A refusal is kept as well.
 *
 * <pre>
 * PENDING → GRANTED → LIMITED → WITHDRAWN | EXPIRED
 * PENDING → REFUSED | WITHDRAWN | EXPIRED;  any → ERASED (the child was erased)
 * </pre>
 */
@Document("consents")
class Consent extends AggregateRoot {

    enum Status {
        PENDING,
        GRANTED,
        LIMITED,
        REFUSED,
        WITHDRAWN,
        EXPIRED,
        ERASED;

        boolean inForce() {
            return this == GRANTED || this == LIMITED;
        }
    }

    /** The child; null once it is erased, so that the consent's bare record ties its id to nobody. */
    private String subjectId;
    /**
     * The id the child goes by on the topics ({@code Subject.topicId}), which the consent's events carry; absent in
     * consents recorded before topic ids (their events carried the child's id), and once the child is erased.
     */
    private String subjectTopicId;
    private String legalArea;
    private Scope scope;
    private LocalDate validFrom;
    private LocalDate validTo;
    private List<Decision> decisions;
    private boolean youthDecidesAlone;
    private Requirement.Awaiting awaiting;
    private ConsentGiver givenBy;
    private Status status;
    private Instant recordedAt;
    private String recordedBy;
    private Instant grantedAt;
    private Withdrawal withdrawal;
    private Instant endedAt;
    private List<Limitation> limitations;

    /** Who withdrew, on what evidence, recorded by whom (the guardian themselves in the guardian view). */
    record Withdrawal(ConsentWithdrawer withdrawnBy, String guardianId, Evidence evidence, Instant withdrawnAt, String recordedBy) {

        Withdrawal withoutEvidenceReference() {
            return new Withdrawal(withdrawnBy, guardianId, evidence == null ? null : evidence.withoutReference(), withdrawnAt, recordedBy);
        }
    }

    /** A narrowing, with what held before it. */
    record Limitation(Instant limitedAt, String recordedBy, Scope previousScope, LocalDate previousValidTo) {
    }

    Consent() {
    }

    static Consent request(String municipality, String subjectId, String subjectTopicId, String legalArea, Scope scope,
            LocalDate validFrom, LocalDate validTo, List<Decision> consents, Requirement requirement, String recordedBy, Instant now) {
        Consent consent = started(municipality, subjectId, subjectTopicId, legalArea, scope, validFrom, validTo, recordedBy, now);
        consent.status = Status.PENDING;
        consent.decisions = List.copyOf(consents);
        consent.evaluate(requirement, now);
        return consent;
    }

    static Consent refusal(String municipality, String subjectId, String subjectTopicId, String legalArea, Scope scope,
            List<Decision> refusals, Requirement requirement, String recordedBy, Instant now) {
        Consent consent = started(municipality, subjectId, subjectTopicId, legalArea, scope, null, null, recordedBy, now);
        consent.status = Status.REFUSED;
        consent.decisions = List.copyOf(refusals);
        consent.youthDecidesAlone = requirement.youthDecidesAlone();
        consent.endedAt = now;
        return consent;
    }

    private static Consent started(String municipality, String subjectId, String subjectTopicId, String legalArea, Scope scope,
            LocalDate validFrom, LocalDate validTo, String recordedBy, Instant now) {
        Consent consent = new Consent();
        consent.id = UUID.randomUUID().toString();
        consent.municipality = municipality;
        consent.subjectId = subjectId;
        consent.subjectTopicId = subjectTopicId;
        consent.legalArea = legalArea;
        consent.scope = scope;
        consent.validFrom = validFrom;
        consent.validTo = validTo;
        consent.recordedAt = now;
        consent.recordedBy = recordedBy;
        consent.limitations = List.of();
        return consent;
    }

    /** More consents for a pending consent; it comes into force once they complete it. */
    void addConsents(List<Decision> consents, Requirement requirement, Instant now) {
        requireStatus(Status.PENDING);
        List<Decision> all = new ArrayList<>(decisions);
        for (Decision consent : consents) {
            if (all.stream().noneMatch(existing -> existing.sameDecider(consent))) {
                all.add(consent);
            }
        }
        decisions = List.copyOf(all);
        evaluate(requirement, now);
    }

    /** A refusal by someone whose consent was asked for ends a pending consent. */
    void refuse(List<Decision> refusals, Instant now) {
        requireStatus(Status.PENDING);
        List<Decision> all = new ArrayList<>(decisions);
        all.removeIf(existing -> refusals.stream().anyMatch(existing::sameDecider));
        all.addAll(refusals);
        decisions = List.copyOf(all);
        status = Status.REFUSED;
        awaiting = null;
        endedAt = now;
    }

    /**
     * Narrows the consent; the new scope and period must lie within the old ones (checked by the
     * caller, which names the offending field). Whatever falls outside must stop at once.
     */
    void limit(Scope narrower, LocalDate newValidTo, String recordedBy, Instant now) {
        requireInForce();
        List<Limitation> all = new ArrayList<>(limitations);
        all.add(new Limitation(now, recordedBy, scope, validTo));
        limitations = List.copyOf(all);
        scope = narrower;
        validTo = newValidTo;
        status = Status.LIMITED;
        raise(new ConsentLimited(UUID.randomUUID(), now, municipality, id, onTopics(), scope.arenaIds(), scope.parties(),
                scope.purposeCode(), validTo));
    }

    /** Withdrawn by a guardian or the youth; only a consent that was in force is announced. */
    void withdraw(Withdrawal withdrawal) {
        if (status != Status.PENDING && !status.inForce()) {
            throw invalidTransition();
        }
        boolean wasInForce = status.inForce();
        this.withdrawal = withdrawal;
        status = Status.WITHDRAWN;
        awaiting = null;
        endedAt = withdrawal.withdrawnAt();
        if (wasInForce) {
            raise(new ConsentWithdrawn(UUID.randomUUID(), withdrawal.withdrawnAt(), municipality, id, onTopics(),
                    withdrawal.withdrawnBy()));
        }
    }

    /** After its last day a consent ends by itself; true when this one just did. */
    boolean expireIfEnded(LocalDate today, Instant now) {
        if (validTo == null || !today.isAfter(validTo) || (status != Status.PENDING && !status.inForce())) {
            return false;
        }
        boolean wasInForce = status.inForce();
        status = Status.EXPIRED;
        awaiting = null;
        endedAt = now;
        if (wasInForce) {
            raise(new ConsentExpired(UUID.randomUUID(), now, municipality, id, onTopics(), validTo));
        }
        return true;
    }

    /**
     * The child was erased: the consent stays as a bare record, and what could name the child goes, with the child's
     * ids: its events on the topics carry the consent's id, so the record must not lead from it to the child.
     */
    void erase(Instant now) {
        status = Status.ERASED;
        subjectId = null;
        subjectTopicId = null;
        awaiting = null;
        decisions = decisions.stream().map(Decision::withoutEvidenceReference).toList();
        if (withdrawal != null) {
            withdrawal = withdrawal.withoutEvidenceReference();
        }
        if (endedAt == null) {
            endedAt = now;
        }
    }

    /** The child's id on the topics, which the events carry. */
    private String onTopics() {
        return subjectTopicId == null ? subjectId : subjectTopicId;
    }

    /** Whether it lets the arena, with every service in it, discuss the child on that day: the shared rule. */
    boolean covers(String arenaId, List<String> arenaParties, LocalDate day) {
        return coverage().covers(arenaId, arenaParties, day);
    }

    /** What the shared coverage rule judges: in force is granted or limited, and not ended since. */
    ConsentCoverage coverage() {
        return new ConsentCoverage(status.inForce(), scope.arenaIds(), scope.parties(), validFrom, validTo);
    }

    private void evaluate(Requirement requirement, Instant now) {
        youthDecidesAlone = requirement.youthDecidesAlone();
        Set<String> consentingGuardians = decisions.stream()
                .filter(d -> d.party() == Decision.Party.GUARDIAN && d.consents())
                .map(Decision::guardianId)
                .collect(Collectors.toSet());
        boolean youthConsented = decisions.stream().anyMatch(d -> d.party() == Decision.Party.YOUTH && d.consents());
        if (!requirement.metBy(youthConsented, consentingGuardians)) {
            awaiting = requirement.awaiting(youthConsented, consentingGuardians);
            return;
        }
        awaiting = null;
        status = Status.GRANTED;
        grantedAt = now;
        givenBy = requirement.youthDecidesAlone() ? ConsentGiver.YOUTH : ConsentGiver.GUARDIANS;
        List<String> guardianLogins = requirement.youthDecidesAlone() ? List.of() : requirement.loginsOf(consentingGuardians);
        raise(new ConsentGranted(UUID.randomUUID(), now, municipality, id, onTopics(), scope.arenaIds(), scope.parties(),
                scope.purposeCode(), validFrom, validTo, givenBy, guardianLogins));
    }

    /** Only a consent in force can be limited; checked before the new scope is, so the status is what the caller hears. */
    void requireInForce() {
        if (!status.inForce()) {
            throw invalidTransition();
        }
    }

    private void requireStatus(Status required) {
        if (status != required) {
            throw invalidTransition();
        }
    }

    private ProblemException invalidTransition() {
        return ProblemException.invalidTransition("consent.invalid-transition", status.name(), status.name());
    }

    String subjectId() {
        return subjectId;
    }

    String legalArea() {
        return legalArea;
    }

    Scope scope() {
        return scope;
    }

    LocalDate validFrom() {
        return validFrom;
    }

    LocalDate validTo() {
        return validTo;
    }

    List<Decision> decisions() {
        return decisions;
    }

    boolean youthDecidesAlone() {
        return youthDecidesAlone;
    }

    Requirement.Awaiting awaiting() {
        return awaiting;
    }

    ConsentGiver givenBy() {
        return givenBy;
    }

    Status status() {
        return status;
    }

    Instant recordedAt() {
        return recordedAt;
    }

    String recordedBy() {
        return recordedBy;
    }

    Instant grantedAt() {
        return grantedAt;
    }

    Withdrawal withdrawal() {
        return withdrawal;
    }

    Instant endedAt() {
        return endedAt;
    }

    List<Limitation> limitations() {
        return limitations;
    }
}
