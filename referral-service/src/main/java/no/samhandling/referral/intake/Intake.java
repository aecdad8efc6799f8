package no.samhandling.referral.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import no.samhandling.events.arena.DiscussionMode;
import no.samhandling.personaldata.NationalIdNumber;
import no.samhandling.personaldata.PersonalDataCipher;
import no.samhandling.personaldata.Sealed;
import no.samhandling.personaldata.SubjectErasedException;
import no.samhandling.platform.access.Relation;
import no.samhandling.platform.events.AggregateStore;
import no.samhandling.platform.events.AggregateStores;
import no.samhandling.platform.security.Caller;
import no.samhandling.platform.web.ProblemException;
import no.samhandling.platform.web.Problems;
import no.samhandling.referral.arenas.ArenaDirectory;
import no.samhandling.referral.consents.ConsentDirectory;
import no.samhandling.referral.meetings.MeetingDirectory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives concerns: anonymous ones, and named ones under a consent, whose personal data is stored
 * only sealed and opened only audited, for a purpose that fits the reader ({@link ReadPurpose}), and by
 * the referrer only until a while after the case ended ({@link ReferrerAccess}). Free text that would identify the child never gets this far
 * ({@code @NoIdentifiers} on {@link SubmitReferral}).
 */
@Service
@EnableConfigurationProperties(ReferrerAccess.class)
class Intake {

    static final int LIST_LIMIT = 500;

    private final AggregateStore<Referral> referrals;
    private final ArenaDirectory arenas;
    private final NeedToKnow needToKnow;
    private final ConsentGate gate;
    private final PersonalDataCipher cipher;
    private final JsonMapper json;
    private final ReferrerAccess access;
    private final MeetingDirectory meetings;
    private final Clock clock;

    Intake(AggregateStores stores, ArenaDirectory arenas, NeedToKnow needToKnow, ConsentGate gate, PersonalDataCipher cipher,
            JsonMapper json, ReferrerAccess access, MeetingDirectory meetings, Clock clock) {
        this.referrals = stores.of(Referral.class);
        this.arenas = arenas;
        this.needToKnow = needToKnow;
        this.gate = gate;
        this.cipher = cipher;
        this.json = json;
        this.access = access;
        this.meetings = meetings;
        this.clock = clock;
    }

    ReferralView submitReferral(Caller caller, SubmitReferral request) {
        ArenaDirectory.KnownArena arena = checkIntakeRules(caller.municipality(), request);
        if (request.named()) {
            return submitNamed(caller, request, arena);
        }
        if (request.consentId() != null) {
            throw ProblemException.invalid("subject", "referral.subject-required-with-consent");
        }
        if (request.requestedBy() != null && request.requestedBy() != SubmitReferral.RequestedBy.STAFF) {
            // Alta's path II: the guardians or the youth ask themselves and hand in a consent form with it.
            throw ProblemException.invalid("subject", "referral.request-needs-consent");
        }
        Referral referral = Referral.submitAnonymous(caller.municipality(), caller.subject(), request, clock.instant());
        return referrals.save(referral).view();
    }

    /**
     * The demo data's history of anonymous cases, each dated as the request says ({@link DemoHistory}).
     * Every case is checked against its arena's intake rules before any is stored, so a refusal stores
     * none; the refusal names the case's field, as {@code referrals[3].referral.arenaId}.
     */
    List<ReferralView> importHistory(Caller caller, List<DemoHistory.HistoricReferral> history) {
        for (int i = 0; i < history.size(); i++) {
            SubmitReferral request = history.get(i).referral();
            String prefix = "referrals[" + i + "].referral.";
            if (request.named() || request.consentId() != null
                    || request.requestedBy() != null && request.requestedBy() != SubmitReferral.RequestedBy.STAFF) {
                throw ProblemException.invalid(prefix + "subject", "referral.history-anonymous-only");
            }
            try {
                checkIntakeRules(caller.municipality(), request);
            } catch (ProblemException refused) {
                throw new ProblemException(refused.status(), refused.type(), refused.messageKey(), refused.arguments(),
                        Map.of("field", prefix + refused.properties().get("field")));
            }
        }
        return history.stream()
                .map(item -> Referral.historic(caller.municipality(), caller.subject(), item.referral(), item.submittedAt(),
                        item.closedAt(), item.closeReasonCode()))
                .map(referral -> referrals.save(referral).view())
                .toList();
    }

    /**
     * A named case: the consent must cover the arena, and the child's identity and the free text
     * are sealed under the child's key before anything is stored.
     */
    private ReferralView submitNamed(Caller caller, SubmitReferral request, ArenaDirectory.KnownArena arena) {
        SubmitReferral.Subject subject = request.subject();
        if (subject.birthDate() == null && subject.nationalId() == null) {
            throw ProblemException.invalid("subject.birthDate", "referral.subject-birth-date-or-national-id");
        }
        if (subject.nationalId() != null) {
            LocalDate fromNumber = NationalIdNumber.birthDateOf(subject.nationalId())
                    .orElseThrow(() -> ProblemException.invalid("subject.nationalId", "referral.national-id-invalid"));
            if (subject.birthDate() != null && !subject.birthDate().equals(fromNumber)) {
                throw ProblemException.invalid("subject.birthDate", "referral.birth-date-mismatch");
            }
        }
        if (request.consentId() == null) {
            throw ProblemException.invalid("consentId", "referral.consent-required-for-named");
        }
        ConsentDirectory.KnownConsent covering = gate.requireCovering(caller.municipality(), request.consentId(), arena);
        gate.requireConsentsChild(caller.municipality(), covering, subject);
        ConsentDirectory.KnownConsent consent = gate.withGuardiansKnown(covering);
        String subjectId = consent.subjectId();
        PersonalData personalData;
        try {
            personalData = new PersonalData(
                    seal(caller, subjectId, PersonalData.NAME, subject.name()),
                    seal(caller, subjectId, PersonalData.BIRTH_DATE, subject.birthDate() == null ? null : subject.birthDate().toString()),
                    seal(caller, subjectId, PersonalData.NATIONAL_ID, subject.nationalId()),
                    seal(caller, subjectId, PersonalData.DESCRIPTION, request.description()),
                    seal(caller, subjectId, PersonalData.MEASURES_TRIED, json.writeValueAsString(request.measuresTried())));
        } catch (SubjectErasedException erased) {
            throw ProblemException.invalid("consentId", "referral.consent-does-not-cover");
        }
        Referral referral = Referral.submitNamed(caller.municipality(), caller.subject(), request, subjectId, consent.id(),
                consent.guardianUserIds(), personalData, clock.instant());
        return referrals.save(referral).view();
    }

    private Sealed seal(Caller caller, String subjectId, String purpose, String plaintext) {
        return plaintext == null ? null : cipher.seal(caller.municipality(), subjectId, purpose, plaintext);
    }

    /**
     * Opens a named case's personal data for one reader and purpose. The read is written to the
     * access log first; a reader the log cannot record gets nothing.
     */
    PersonalDataView openPersonalData(Caller caller, String id, ReadPurpose purpose) {
        Referral referral = referrals.find(caller.municipality(), id).orElseThrow(() -> needToKnow.unknownCase(caller, id));
        Relation relation = needToKnow.requireReader(caller, referral);
        if (!purpose.fits(relation)) {
            needToKnow.logRefusedPurpose(caller, referral, purpose);
            throw new ProblemException(HttpStatus.FORBIDDEN, Problems.FORBIDDEN, "referral.purpose-not-yours",
                    new Object[] {purpose.name()}, Map.of("field", "purpose"));
        }
        if (relation == Relation.REFERRER && !referral.referrerMayStillRead(clock.instant(), access.referrerAccessAfterEnd())) {
            needToKnow.logRefusedPurpose(caller, referral, purpose);
            throw new ProblemException(HttpStatus.FORBIDDEN, Problems.FORBIDDEN, "referral.referrer-access-ended", null, Map.of());
        }
        if (!referral.isNamed()) {
            throw ProblemException.conflict("referral.no-personal-data");
        }
        gate.requireStillCovered(referral, referral.arenaId());
        needToKnow.logRead(caller, relation, referral, purpose);
        PersonalData data = referral.personalData();
        String subjectId = referral.subjectId();
        String measures = open(subjectId, data.measuresTried());
        String birthDate = open(subjectId, data.birthDate());
        return new PersonalDataView(referral.id(), open(subjectId, data.name()),
                birthDate == null ? null : LocalDate.parse(birthDate), open(subjectId, data.nationalId()),
                open(subjectId, data.description()),
                measures == null ? List.of() : List.of(json.readValue(measures, SubmitReferral.MeasureTried[].class)));
    }

    private String open(String subjectId, Sealed sealed) {
        if (sealed == null) {
            return null;
        }
        return cipher.open(subjectId, sealed).orElseThrow(() -> ProblemException.conflict("referral.no-personal-data"));
    }

    /** The case, to those who need to know it; to anyone else it does not exist, and the attempt is logged. */
    ReferralView find(Caller caller, String id) {
        Referral referral = referrals.find(caller.municipality(), id).orElseThrow(() -> needToKnow.unknownCase(caller, id));
        needToKnow.requireReader(caller, referral);
        return referral.view();
    }

    /**
     * The case with the caller's relation to it and the steps its status allows, for a page that
     * offers only those; the steps check again when taken. To anyone else it does not exist, and the
     * attempt is logged.
     */
    SeenCase see(Caller caller, String id) {
        Referral referral = referrals.find(caller.municipality(), id).orElseThrow(() -> needToKnow.unknownCase(caller, id));
        Relation relation = needToKnow.requireReader(caller, referral);
        java.util.Set<Referral.Step> steps = referral.possibleSteps();
        List<MeetingDirectory.KnownMeeting> coming = relation == Relation.ARENA_COORDINATOR && steps.contains(Referral.Step.SCHEDULE)
                ? meetings.coming(referral.municipality(), referral.arenaId(), clock.instant()) : List.of();
        return new SeenCase(referral.view(), relation, steps, coming);
    }

    /**
     * A case as its page shows it to one caller.
     *
     * @param comingMeetings for the arena's coordinator while the case can be scheduled: the arena's coming meetings
     */
    record SeenCase(ReferralView referral, Relation relation, java.util.Set<Referral.Step> steps,
            List<MeetingDirectory.KnownMeeting> comingMeetings) {
    }

    /** The referrals of every arena the caller sits in, newest first; those in one of {@code statuses}, or all. */
    List<ReferralView> ofMyArenas(Caller caller, java.util.Collection<Referral.Status> statuses) {
        List<String> arenaIds = needToKnow.arenasOf(caller);
        if (arenaIds.isEmpty()) {
            return List.of();
        }
        Criteria criteria = Criteria.where("municipality").is(caller.municipality()).and("arenaId").in(arenaIds);
        if (!statuses.isEmpty()) {
            criteria = criteria.and("status").in(statuses);
        }
        Query query = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "submittedAt")).limit(LIST_LIMIT);
        return referrals.find(query).stream().map(Referral::view).toList();
    }

    /** An arena's referrals for its coordinator and members, newest first; without an arena, the caller's own. */
    List<ReferralView> list(Caller caller, String arenaId, Referral.Status status) {
        Criteria criteria = Criteria.where("municipality").is(caller.municipality());
        if (arenaId != null) {
            needToKnow.requireArenaMember(caller, arenaId);
            criteria = criteria.and("arenaId").is(arenaId);
        } else {
            criteria = criteria.and("referrerSubject").is(caller.subject());
        }
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        Query query = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "submittedAt")).limit(LIST_LIMIT);
        return referrals.find(query).stream().map(Referral::view).toList();
    }

    /**
     * The arenas a concern like this may be registered into, by title: active, taking its kind of
     * case and the referrer's kind of unit (the same rules {@link #submitReferral} applies), and for
     * children of the age band's ages. What staff choose from on the intake page.
     */
    List<ArenaDirectory.KnownArena> arenasTaking(Caller caller, String ageBand, String referrerUnitType, boolean named) {
        int[] ages = ageBand == null ? null : AGE_BANDS.get(ageBand);
        return arenas.active(caller.municipality()).stream()
                .filter(arena -> intakeRefusal(arena, referrerUnitType, named).isEmpty())
                .filter(arena -> ages == null || arena.servesAges(ages[0], ages[1]))
                .toList();
    }

    /** The ages, in whole years from and to, of each age band a referral may give. */
    static final java.util.Map<String, int[]> AGE_BANDS = java.util.Map.of(
            "0-5", new int[] {0, 5}, "6-12", new int[] {6, 12}, "13-15", new int[] {13, 15},
            "16-18", new int[] {16, 18}, "19-25", new int[] {19, 25});

    /**
     * The arena's own rules, as its catalogue entry states them: it must exist and be active, take
     * the kind of case (anonymous, named under consent), and admit the referrer's kind of unit.
     * Measures tried are required for every referral.
     */
    private ArenaDirectory.KnownArena checkIntakeRules(String municipality, SubmitReferral request) {
        ArenaDirectory.KnownArena arena = arenas.find(municipality, request.arenaId())
                .orElseThrow(() -> ProblemException.invalid("arenaId", "referral.arena-unknown", request.arenaId()));
        Optional<ProblemException> refusal = intakeRefusal(arena, request.referrerUnitType().name(), request.named());
        if (refusal.isPresent()) {
            throw refusal.get();
        }
        return arena;
    }

    /** Why the arena does not take this case, naming the field; empty when it does. */
    private static Optional<ProblemException> intakeRefusal(ArenaDirectory.KnownArena arena, String referrerUnitType, boolean named) {
        if (!arena.active()) {
            return Optional.of(ProblemException.invalid("arenaId", "referral.arena-retired"));
        }
        if (arena.discussionMode() == DiscussionMode.CONSENT_REQUIRED && !named) {
            return Optional.of(ProblemException.invalid("arenaId", "referral.arena-requires-consent"));
        }
        if (arena.discussionMode() == DiscussionMode.ANONYMOUS_ONLY && named) {
            return Optional.of(ProblemException.invalid("subject", "referral.arena-anonymous-only"));
        }
        if (referrerUnitType != null && !arena.admits(referrerUnitType)) {
            return Optional.of(ProblemException.invalid("referrerUnitType", "referral.unit-may-not-register",
                    String.join(", ", arena.whoMayRegister())));
        }
        return Optional.empty();
    }
}
