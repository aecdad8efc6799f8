package no.samhandling.referral.consents;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import no.samhandling.events.consent.ConsentCoverage;
import no.samhandling.events.consent.ConsentExpired;
import no.samhandling.events.consent.ConsentGranted;
import no.samhandling.events.consent.ConsentLimited;
import no.samhandling.events.consent.ConsentWithdrawn;
import no.samhandling.events.consent.SubjectErased;
import no.samhandling.personaldata.PersonalDataCipher;
import no.samhandling.platform.web.ProblemException;
import no.samhandling.platform.web.Problems;

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
    private static final String PENDING_GUARDIANS = "pendingGuardianPseudonyms";
    private static final String PENDING_ATTEMPTS = "pendingAttempts";
    private static final String PENDING_NEXT_ATTEMPT_AT = "pendingNextAttemptAt";
    private static final Logger log = LoggerFactory.getLogger(ConsentDirectory.class);

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
     * @param pendingGuardians pseudonyms of guardians whose logins consent-service could not give yet
     * @param pendingAttempts how often they were asked for in vain
     */
    public record KnownConsent(String id, String municipality, String subjectId, List<String> arenaIds, List<String> parties,
            LocalDate validFrom, LocalDate validTo, State state, List<String> guardianUserIds, String purposeCode,
            List<String> pendingGuardians, int pendingAttempts) {

        /** Whether the consent lets the arena, with all its services, discuss the child by name on that day: the shared rule. */
        public boolean covers(String arenaId, List<String> arenaParties, LocalDate day) {
            return new ConsentCoverage(state == State.ACTIVE, arenaIds, parties, validFrom, validTo).covers(arenaId, arenaParties, day);
        }
    }

    private final MongoTemplate mongo;
    private final PersonalDataCipher cipher;
    private final GuardianLogins guardianLogins;
    private final Clock clock;

    ConsentDirectory(MongoTemplate mongo, PersonalDataCipher cipher, GuardianLogins guardianLogins, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        this.cipher = cipher;
        this.guardianLogins = guardianLogins;
        mongo.getCollection(COLLECTION).createIndex(Indexes.ascending("subjectId"));
        mongo.getCollection(COLLECTION).createIndex(Indexes.ascending(PENDING_NEXT_ATTEMPT_AT));
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
                guardiansOf(event),
                Updates.set("purposeCode", event.purposeCode()),
                Updates.set("state", State.ACTIVE.name())));
    }

    /**
     * The guardians' logins, or, while consent-service cannot say which logins the pseudonyms stand for, the logins
     * already known and the pseudonyms kept for {@link PendingGuardians} to ask about again. The consent is usable at
     * once either way; only a guardian's own access to the case waits.
     */
    private Bson guardiansOf(ConsentGranted event) {
        try {
            return Updates.combine(
                    Updates.set("guardianUserIds", guardianLogins.behind(event.municipality(), event.subjectId(), event.guardianUserIds())),
                    Updates.unset(PENDING_GUARDIANS), Updates.unset(PENDING_ATTEMPTS), Updates.unset(PENDING_NEXT_ATTEMPT_AT));
        } catch (GuardianLogins.Unavailable down) {
            log.warn("Consent {} is kept without its guardians' logins for now, and they are asked for again: {}", event.aggregateId(),
                    down.getMessage());
            return Updates.combine(
                    Updates.set("guardianUserIds", GuardianLogins.loginsIn(event.guardianUserIds())),
                    Updates.set(PENDING_GUARDIANS, GuardianLogins.pseudonymsIn(event.guardianUserIds())),
                    Updates.set(PENDING_ATTEMPTS, 0),
                    Updates.set(PENDING_NEXT_ATTEMPT_AT, Date.from(clock.instant())));
        }
    }

    /**
     * The consent with all its guardians, asking consent-service now if some are still unknown: a case must not be
     * taken with a guardian missing, since the case keeps the guardians it was taken with.
     *
     * @throws ProblemException 503 when consent-service cannot say now
     */
    public KnownConsent withGuardiansKnown(KnownConsent consent) {
        if (consent.pendingGuardians().isEmpty()) {
            return consent;
        }
        try {
            learnGuardians(consent, guardianLogins.behind(consent.municipality(), consent.subjectId(), consent.pendingGuardians()));
        } catch (GuardianLogins.Unavailable | IllegalStateException notNow) {
            log.warn("consent-service did not say who the guardians of consent {} are: {}", consent.id(), notNow.getMessage());
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, Problems.type("consent-service-unavailable"),
                    "referral.consent-guardians-unavailable", null, Map.of());
        }
        return find(consent.municipality(), consent.id()).orElseThrow();
    }

    /**
     * Asks consent-service again for the guardians of consents kept without them, those due first, each failure
     * doubling the wait from {@code initialWait} up to {@code maxWait}.
     *
     * @return how many consents learned their guardians
     */
    int askAgainForGuardians(Instant now, int batchSize, Duration initialWait, Duration maxWait) {
        List<KnownConsent> due = new ArrayList<>();
        mongo.getCollection(COLLECTION)
                .find(Filters.and(Filters.exists(PENDING_GUARDIANS), Filters.lte(PENDING_NEXT_ATTEMPT_AT, Date.from(now))))
                .sort(Sorts.ascending(PENDING_NEXT_ATTEMPT_AT)).limit(batchSize)
                .forEach(found -> due.add(consent(found)));
        int learned = 0;
        for (KnownConsent consent : due) {
            try {
                learnGuardians(consent, guardianLogins.behind(consent.municipality(), consent.subjectId(), consent.pendingGuardians()));
                learned++;
            } catch (GuardianLogins.Unavailable | IllegalStateException notNow) {
                int attempts = consent.pendingAttempts() + 1;
                mongo.getCollection(COLLECTION).updateOne(Filters.and(Filters.eq("_id", consent.id()), Filters.exists(PENDING_GUARDIANS)),
                        Updates.combine(Updates.set(PENDING_ATTEMPTS, attempts),
                                Updates.set(PENDING_NEXT_ATTEMPT_AT, Date.from(now.plus(backoff(attempts, initialWait, maxWait))))));
                if (notNow instanceof IllegalStateException) {
                    // An answer that refuses does not heal by waiting, but the consent must not lose its guardians either.
                    log.error("consent-service refused to name the guardians of consent {}; asked again after attempt {}", consent.id(),
                            attempts);
                }
            }
        }
        return learned;
    }

    long pendingGuardianCount() {
        return mongo.getCollection(COLLECTION).countDocuments(Filters.exists(PENDING_GUARDIANS));
    }

    /** {@code initialWait} doubled per failed attempt, never more than {@code maxWait}. */
    static Duration backoff(int attempts, Duration initialWait, Duration maxWait) {
        Duration wait = initialWait;
        for (int i = 1; i < attempts && wait.compareTo(maxWait) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxWait) > 0 ? maxWait : wait;
    }

    /** Only while they are still asked for: an erased child's consent is gone and stays gone. */
    private void learnGuardians(KnownConsent consent, List<String> logins) {
        mongo.getCollection(COLLECTION).updateOne(Filters.and(Filters.eq("_id", consent.id()), Filters.exists(PENDING_GUARDIANS)),
                Updates.combine(Updates.addEachToSet("guardianUserIds", logins),
                        Updates.unset(PENDING_GUARDIANS), Updates.unset(PENDING_ATTEMPTS), Updates.unset(PENDING_NEXT_ATTEMPT_AT)));
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
                found.getString("purposeCode"), found.getList(PENDING_GUARDIANS, String.class, List.of()),
                found.getInteger(PENDING_ATTEMPTS, 0));
    }
}
