package no.samhandling.referral.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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
    private final Clock clock;

    Intake(AggregateStores stores, ArenaDirectory arenas, NeedToKnow needToKnow, ConsentGate gate, PersonalDataCipher cipher,
            JsonMapper json, ReferrerAccess access, Clock clock) {
        this.referrals = stores.of(Referral.class);
        this.arenas = arenas;
        this.needToKnow = needToKnow;
        this.gate = gate;
        this.cipher = cipher;
        this.json = json;
        this.access = access;
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
        ConsentDirectory.KnownConsent consent = gate.requireCovering(caller.municipality(), request.consentId(), arena);
        gate.requireConsentsChild(caller.municipality(), consent, subject);
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
     * The arena's own rules, as its catalogue entry states them: it must exist and be active, take
     * the kind of case (anonymous, named under consent), and admit the referrer's kind of unit.
     * Measures tried are required for every referral.
     */
    private ArenaDirectory.KnownArena checkIntakeRules(String municipality, SubmitReferral request) {
        ArenaDirectory.KnownArena arena = arenas.find(municipality, request.arenaId())
                .orElseThrow(() -> ProblemException.invalid("arenaId", "referral.arena-unknown", request.arenaId()));
        if (!arena.active()) {
            throw ProblemException.invalid("arenaId", "referral.arena-retired");
        }
        if (arena.discussionMode() == DiscussionMode.CONSENT_REQUIRED && !request.named()) {
            throw ProblemException.invalid("arenaId", "referral.arena-requires-consent");
        }
        if (arena.discussionMode() == DiscussionMode.ANONYMOUS_ONLY && request.named()) {
            throw ProblemException.invalid("subject", "referral.arena-anonymous-only");
        }
        if (!arena.admits(request.referrerUnitType().name())) {
            throw ProblemException.invalid("referrerUnitType", "referral.unit-may-not-register", String.join(", ", arena.whoMayRegister()));
        }
        return arena;
    }
}
