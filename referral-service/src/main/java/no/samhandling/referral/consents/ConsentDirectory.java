package no.samhandling.referral.consents;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import no.samhandling.events.consent.ConsentCoverage;
import no.samhandling.events.consent.ConsentExpired;
import no.samhandling.events.consent.ConsentGranted;
import no.samhandling.events.consent.ConsentLimited;
import no.samhandling.events.consent.ConsentWithdrawn;
import no.samhandling.events.consent.SubjectErased;
import no.samhandling.personaldata.PersonalDataCipher;

/**
 * What referral-service knows of consents, from consent.events: which arenas and services a
 * consent covers, for how long, and whether it still holds. consent-service owns the consent and
 * the child's identity; this is only what the gate needs. A consent that ended never comes back,
 * so a redelivered or late grant cannot reopen it. Once the child is erased its consents are gone from
 * here, and a late event about them is not stored again: this service's tombstone for the child in
 * {@code subject_keys} says so.
 */
@Component
public class ConsentDirectory {

    static final String COLLECTION = "consent_directory";

    /** The state of one consent. */
    public enum State {
        ACTIVE,
        WITHDRAWN,
        EXPIRED
    }

    /**
     * One consent as the gate sees it.
     *
     * @param guardianUserIds login ids of the guardians who gave it, learned from consent-service ({@link GuardianLogins})
     * @param purposeCode what the consent is for, the legal basis of the case's personal data; null when granted
     *                    before it was kept
     */
    public record KnownConsent(String id, String municipality, String subjectId, List<String> arenaIds, List<String> parties,
            LocalDate validFrom, LocalDate validTo, State state, List<String> guardianUserIds, String purposeCode) {

        /** Whether the consent lets the arena, with all its services, discuss the child by name on that day: the shared rule. */
        public boolean covers(String arenaId, List<String> arenaParties, LocalDate day) {
            return new ConsentCoverage(state == State.ACTIVE, arenaIds, parties, validFrom, validTo).covers(arenaId, arenaParties, day);
        }
    }

    private final MongoTemplate mongo;
    private final PersonalDataCipher cipher;
    private final GuardianLogins guardianLogins;

    ConsentDirectory(MongoTemplate mongo, PersonalDataCipher cipher, GuardianLogins guardianLogins) {
        this.mongo = mongo;
        this.cipher = cipher;
        this.guardianLogins = guardianLogins;
        mongo.getCollection(COLLECTION).createIndex(Indexes.ascending("subjectId"));
    }

    public void on(ConsentGranted event) {
        if (cipher.isErased(event.subjectId())) {
            return;
        }
        upsertWhileActive(event.aggregateId(), Updates.combine(
                Updates.set("municipality", event.municipality()),
                Updates.set("subjectId", event.subjectId()),
                Updates.set("arenaIds", event.arenaIds()),
                Updates.set("parties", event.parties()),
                Updates.set("validFrom", date(event.validFrom())),
                Updates.set("validTo", date(event.validTo())),
                Updates.set("guardianUserIds", guardianLogins.behind(event.municipality(), event.subjectId(), event.guardianUserIds())),
                Updates.set("purposeCode", event.purposeCode()),
                Updates.set("state", State.ACTIVE.name())));
    }

    public void on(ConsentLimited event) {
        if (cipher.isErased(event.subjectId())) {
            return;
        }
        upsertWhileActive(event.aggregateId(), Updates.combine(
                Updates.set("municipality", event.municipality()),
                Updates.set("subjectId", event.subjectId()),
                Updates.set("arenaIds", event.arenaIds()),
                Updates.set("parties", event.parties()),
                Updates.set("validTo", date(event.validTo()))));
    }

    public void on(ConsentWithdrawn event) {
        end(event.aggregateId(), event.municipality(), event.subjectId(), State.WITHDRAWN);
    }

    public void on(ConsentExpired event) {
        end(event.aggregateId(), event.municipality(), event.subjectId(), State.EXPIRED);
    }

    /**
     * Forgets every consent for the child, with its guardians' login ids: nothing here may tie them to the
     * child any more. Call it after the child's key is erased, so a late event finds the tombstone.
     */
    public void on(SubjectErased event) {
        mongo.getCollection(COLLECTION).deleteMany(Filters.eq("subjectId", event.aggregateId()));
    }

    public Optional<KnownConsent> find(String municipality, String consentId) {
        Document found = mongo.getCollection(COLLECTION)
                .find(Filters.and(Filters.eq("_id", consentId), Filters.eq("municipality", municipality))).first();
        return Optional.ofNullable(found).map(ConsentDirectory::consent);
    }

    private void upsertWhileActive(String consentId, Bson update) {
        // An ended consent keeps its end: the filter misses it and the upsert's insert hits its _id.
        try {
            mongo.getCollection(COLLECTION).updateOne(
                    Filters.and(Filters.eq("_id", consentId), Filters.nin("state", State.WITHDRAWN.name(), State.EXPIRED.name())),
                    update, new UpdateOptions().upsert(true));
        } catch (com.mongodb.MongoWriteException endedAlready) {
            if (endedAlready.getError().getCategory() != com.mongodb.ErrorCategory.DUPLICATE_KEY) {
                throw endedAlready;
            }
        }
    }

    private void end(String consentId, String municipality, String subjectId, State state) {
        if (cipher.isErased(subjectId)) {
            return;
        }
        mongo.getCollection(COLLECTION).updateOne(Filters.eq("_id", consentId),
                Updates.combine(Updates.set("municipality", municipality), Updates.set("subjectId", subjectId),
                        Updates.set("state", state.name())),
                new UpdateOptions().upsert(true));
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.from(day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
    }

    private static LocalDate day(Date date) {
        return date == null ? null : date.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
    }

    private static KnownConsent consent(Document found) {
        LocalDate validFrom = day(found.getDate("validFrom"));
        return new KnownConsent(found.getString("_id"), found.getString("municipality"), found.getString("subjectId"),
                found.getList("arenaIds", String.class, List.of()), found.getList("parties", String.class, List.of()),
                validFrom == null ? LocalDate.MAX : validFrom, day(found.getDate("validTo")),
                State.valueOf(found.getString("state")), found.getList("guardianUserIds", String.class, List.of()),
                found.getString("purposeCode"));
    }
}
