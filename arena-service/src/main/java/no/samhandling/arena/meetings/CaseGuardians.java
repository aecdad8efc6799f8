package no.samhandling.arena.meetings;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;

import no.samhandling.arena.catalogue.ArenaLookup;
import no.samhandling.events.consent.ConsentCoverage;
import no.samhandling.events.consent.ConsentExpired;
import no.samhandling.events.consent.ConsentGranted;
import no.samhandling.events.consent.ConsentLimited;
import no.samhandling.events.consent.ConsentWithdrawn;
import no.samhandling.events.consent.SubjectErased;
import no.samhandling.events.referral.AnonymisationReason;
import no.samhandling.events.referral.DiscussionBasis;
import no.samhandling.events.referral.ReferralAnonymised;
import no.samhandling.events.referral.ReferralScheduled;
import no.samhandling.events.referral.ReferralSubmitted;
import no.samhandling.events.referral.ReferralWithdrawn;
import no.samhandling.personaldata.PersonalDataCipher;
import no.samhandling.platform.events.AggregateStore;
import no.samhandling.platform.events.AggregateStores;

/**
 * Guardians take part in a meeting for their own child's case, and only while that case's consent
 * allows it: the case is named, the referrer said the guardians attend, and its consent covers the
 * arena with every service in it today ({@link ConsentCoverage}, the rule referral-service's gate
 * applies too). What that takes is kept from referral.events and consent.events (opaque ids only);
 * when any of it stops holding, the guardians are no longer invited to coming meetings.
 */
@Service
class CaseGuardians {

    static final String CASES = "guardian_cases";
    static final String CONSENTS = "guardian_consents";

    private final MongoTemplate mongo;
    private final AggregateStore<Meeting> meetings;
    private final ArenaLookup arenas;
    private final NamedCases namedCases;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    CaseGuardians(MongoTemplate mongo, AggregateStores stores, ArenaLookup arenas, NamedCases namedCases, PersonalDataCipher cipher,
            Clock clock) {
        this.mongo = mongo;
        this.meetings = stores.of(Meeting.class);
        this.arenas = arenas;
        this.namedCases = namedCases;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** A named case whose guardians attend; every other case never brings guardians, nor does a case of an erased child. */
    void on(ReferralSubmitted event) {
        if (event.basis() != DiscussionBasis.NAMED || !event.guardiansAttend() || cipher.isErased(event.subjectId())) {
            return;
        }
        mongo.getCollection(CASES).replaceOne(Filters.eq("_id", event.aggregateId()),
                new Document("_id", event.aggregateId()).append("municipality", event.municipality())
                        .append("consentId", event.consentId()).append("subjectId", event.subjectId()),
                new ReplaceOptions().upsert(true));
    }

    void on(ReferralScheduled event) {
        refresh(event.municipality(), event.aggregateId());
    }

    /** referral-service anonymises each case of an erased child: then nothing here may tie the case to its guardians. */
    void on(ReferralAnonymised event) {
        forget(event.municipality(), event.aggregateId());
        if (event.reason() == AnonymisationReason.SUBJECT_ERASED) {
            forgetInEveryMeeting(event.municipality(), event.aggregateId());
        }
    }

    void on(ReferralWithdrawn event) {
        forget(event.municipality(), event.aggregateId());
    }

    /**
     * A consent of a child erased meanwhile (a late or replayed event) is not taken in again: the child's tombstone in
     * {@code subject_keys} says so.
     */
    void on(ConsentGranted event) {
        if (cipher.isErased(event.subjectId())) {
            return;
        }
        mongo.getCollection(CONSENTS).replaceOne(Filters.eq("_id", event.aggregateId()),
                new Document("_id", event.aggregateId()).append("municipality", event.municipality())
                        .append("subjectId", event.subjectId()).append("arenaIds", event.arenaIds()).append("parties", event.parties())
                        .append("validFrom", date(event.validFrom())).append("validTo", date(event.validTo()))
                        .append("guardianUserIds", event.guardianUserIds()).append("active", true),
                new ReplaceOptions().upsert(true));
        refreshConsent(event.municipality(), event.aggregateId());
    }

    void on(ConsentLimited event) {
        mongo.getCollection(CONSENTS).updateOne(Filters.eq("_id", event.aggregateId()),
                Updates.combine(Updates.set("arenaIds", event.arenaIds()), Updates.set("parties", event.parties()),
                        Updates.set("validTo", date(event.validTo()))));
        refreshConsent(event.municipality(), event.aggregateId());
    }

    void on(ConsentWithdrawn event) {
        end(event.municipality(), event.aggregateId());
    }

    void on(ConsentExpired event) {
        end(event.municipality(), event.aggregateId());
    }

    /**
     * The child's consents go, with its guardians' pseudonyms, and so do its cases here: coming meetings stop
     * inviting the guardians (a new version of the invitation), and every meeting, held ones too, loses them and
     * what its minutes say of the case in words. referral-service's ReferralAnonymised for each case does the same,
     * whichever arrives first. Last, the child's key here is destroyed, leaving a tombstone: minutes sealed under it
     * can never be read again, and a late event about the child is not taken in.
     */
    void on(SubjectErased event) {
        String subjectId = event.aggregateId();
        Set<String> referralIds = new LinkedHashSet<>(namedCases.casesOf(subjectId));
        mongo.getCollection(CASES).find(Filters.eq("subjectId", subjectId)).map(found -> found.getString("_id")).into(referralIds);
        mongo.getCollection(CONSENTS).deleteMany(Filters.eq("subjectId", subjectId));
        for (String referralId : referralIds) {
            forget(event.municipality(), referralId);
            forgetInEveryMeeting(event.municipality(), referralId);
        }
        namedCases.forgetChild(subjectId);
        cipher.erase(subjectId);
    }

    private void forgetInEveryMeeting(String municipality, String referralId) {
        Query holdingTheCase = Query.query(Criteria.where("municipality").is(municipality)
                .orOperator(Criteria.where("participants.referralId").is(referralId), Criteria.where("minutes.referralId").is(referralId)));
        for (Meeting meeting : meetings.find(holdingTheCase)) {
            if (meeting.forgetErasedCase(referralId)) {
                meetings.save(meeting);
            }
        }
    }

    private void end(String municipality, String consentId) {
        mongo.getCollection(CONSENTS).updateOne(Filters.eq("_id", consentId), Updates.set("active", false));
        refreshConsent(municipality, consentId);
    }

    private void forget(String municipality, String referralId) {
        mongo.getCollection(CASES).deleteOne(Filters.eq("_id", referralId));
        refresh(municipality, referralId);
    }

    private void refreshConsent(String municipality, String consentId) {
        mongo.getCollection(CASES).find(Filters.eq("consentId", consentId)).map(found -> found.getString("_id"))
                .into(new java.util.ArrayList<>())
                .forEach(referralId -> refresh(municipality, referralId));
    }

    /** Sets the guardians of the case on every coming meeting that has it on its agenda. */
    private void refresh(String municipality, String referralId) {
        Instant now = clock.instant();
        Query coming = Query.query(Criteria.where("municipality").is(municipality)
                .and("status").is(Meeting.Status.SCHEDULED.name())
                .and("agenda.referralId").is(referralId)
                .and("startsAt").gt(now));
        for (Meeting meeting : meetings.find(coming)) {
            if (meeting.inviteGuardians(referralId, guardiansAllowed(referralId, meeting.arenaId()), now)) {
                meetings.save(meeting);
            }
        }
    }

    private List<String> guardiansAllowed(String referralId, String arenaId) {
        Document linked = mongo.getCollection(CASES).find(Filters.eq("_id", referralId)).first();
        if (linked == null || linked.getString("consentId") == null) {
            return List.of();
        }
        Document consent = mongo.getCollection(CONSENTS).find(Filters.eq("_id", linked.getString("consentId"))).first();
        List<String> arenaParties = arenas.partiesOf(linked.getString("municipality"), arenaId).orElse(null);
        if (consent == null || arenaParties == null) {
            return List.of();
        }
        // A consent stored before its services were kept has none, and so covers no arena with services.
        ConsentCoverage coverage = new ConsentCoverage(Boolean.TRUE.equals(consent.getBoolean("active")),
                consent.getList("arenaIds", String.class, List.of()), consent.getList("parties", String.class, List.of()),
                day(consent.getDate("validFrom")), day(consent.getDate("validTo")));
        if (!coverage.covers(arenaId, arenaParties, ConsentCoverage.today(clock))) {
            return List.of();
        }
        return consent.getList("guardianUserIds", String.class, List.of());
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.from(day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
    }

    private static LocalDate day(Date date) {
        return date == null ? null : date.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
    }
}
