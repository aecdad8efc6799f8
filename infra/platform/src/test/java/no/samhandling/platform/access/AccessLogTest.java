package no.samhandling.platform.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import no.samhandling.platform.security.Caller;
import no.samhandling.platform.security.Role;
import no.samhandling.platform.test.MutableClock;
import no.samhandling.platform.web.ProblemException;

/** The access log's guarantees: a chain that shows any change, removal or reordering, no forks under concurrency, fail closed. */
class AccessLogTest {

    static final String AUKRA = "1547";
    static final String MELHUS = "5028";
    static final ResourceKind CASE = new ResourceKind("referral", "Sak");

    MongoServer server;
    MongoClient client;
    MongoTemplate mongo;
    final KeyedChildLinks links = new KeyedChildLinks();
    AccessLog log;
    /** A clock the retention tests move on by years, and a log that keeps to it. */
    MutableClock years;
    AccessLog pruning;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/?serverSelectionTimeoutMS=1000");
        mongo = new MongoTemplate(client, "referral-service");
        log = new AccessLog(mongo, "referral-service", Clock.fixed(Instant.parse("2026-11-20T09:15:00.123456Z"), ZoneOffset.UTC),
                links);
        years = MutableClock.at(Instant.parse("2020-01-10T10:00:00Z"));
        pruning = new AccessLog(mongo, "referral-service", years, AccessLogRetention.defaults(), links);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void eachEntryHoldsTheHashOfTheOneBeforeAndTheChainChecksOut() {
        List<AccessLogEntry> written = appendReads(AUKRA, 5);

        assertThat(written).extracting(AccessLogEntry::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(written.getFirst().previousHash()).isEqualTo(AccessLogEntry.GENESIS);
        for (int i = 1; i < written.size(); i++) {
            assertThat(written.get(i).previousHash()).isEqualTo(written.get(i - 1).hash());
        }
        assertThat(written.getFirst().at()).isEqualTo(Instant.parse("2026-11-20T09:15:00.123Z"));
        ChainCheck check = log.verify(AUKRA);
        assertThat(check.intact()).isTrue();
        assertThat(check.entries()).isEqualTo(5);
        assertThat(check.lastHash()).isEqualTo(written.getLast().hash());
        List<AccessLogEntry> read = log.between(AUKRA, Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-11-21T00:00:00Z"));
        assertThat(read).extracting(AccessLogEntry::hash).containsExactlyElementsOf(written.stream().map(AccessLogEntry::hash).toList());
        assertThat(read).extracting(AccessLogEntry::subjectId).containsExactly("child-0", "child-1", "child-2", "child-3", "child-4");
    }

    @Test
    void anEntryAboutAChildStoresTheChildTheCaseAndAGuardiansLoginOnlyUnderTheChildsKey() {
        Access access = new Access(log);
        String caseId = UUID.randomUUID().toString();
        access.read(new Caller("kari-guardian", AUKRA, Set.of(Role.GUARDIAN)), Relation.GUARDIAN, CASE.of(caseId).about("child-1"),
                "GUARDIAN_ACCESS");
        access.read(new Caller("ola-coordinator", AUKRA, Set.of(Role.COORDINATOR)), Relation.ARENA_COORDINATOR,
                CASE.of(caseId).about("child-1"), "MEETING");
        access.refused(new Caller("kari-guardian", AUKRA, Set.of(Role.GUARDIAN)), CASE.of(caseId).about("child-1"));
        access.refused(new Caller("per-member", AUKRA, Set.of(Role.MEMBER)), CASE.of(caseId).about("child-1"));

        assertThat(storedText()).doesNotContain("child-1", caseId, "kari-guardian").contains("ola-coordinator", "per-member");
        assertThat(log.readsOf("child-1")).extracting(AccessLogEntry::userId, AccessLogEntry::resourceId, AccessLogEntry::subjectId)
                .containsExactly(tuple("kari-guardian", caseId, "child-1"), tuple("ola-coordinator", caseId, "child-1"));
        assertThat(log.between(AUKRA, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")))
                .extracting(AccessLogEntry::userId, AccessLogEntry::outcome, AccessLogEntry::resourceId, AccessLogEntry::subjectId)
                .containsExactly(tuple("kari-guardian", Outcome.READ, caseId, "child-1"), tuple("ola-coordinator", Outcome.READ, caseId, "child-1"),
                        tuple("kari-guardian", Outcome.REFUSED, caseId, "child-1"), tuple("per-member", Outcome.REFUSED, caseId, "child-1"));
    }

    @Test
    void onceTheChildsKeyIsGoneNothingInTheLogLeadsToItAndTheChainStillChecksOut() {
        String caseId = UUID.randomUUID().toString();
        String otherCase = UUID.randomUUID().toString();
        log.append(AUKRA, "kari-guardian", Relation.GUARDIAN, Outcome.READ, CASE.of(caseId).about("child-1"), "GUARDIAN_ACCESS");
        log.append(AUKRA, "ola-coordinator", Relation.ARENA_COORDINATOR, Outcome.READ, CASE.of(caseId).about("child-1"), "MEETING");
        log.append(AUKRA, "ola-coordinator", Relation.ARENA_COORDINATOR, Outcome.READ, CASE.of(otherCase).about("child-2"), "MEETING");
        log.append(AUKRA, "ola-coordinator", Relation.ARENA_COORDINATOR, Outcome.READ, CASE.of("anonymous-case"), "MEETING");
        String pseudonym = links.existingPseudonym("child-1").orElseThrow();

        links.erase("child-1");

        assertThat(log.readsOf("child-1")).isEmpty();
        assertThat(log.readsOf("child-2")).extracting(AccessLogEntry::resourceId).containsExactly(otherCase);
        assertThat(log.between(AUKRA, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")))
                .extracting(AccessLogEntry::userId, AccessLogEntry::resourceId, AccessLogEntry::subjectId)
                .containsExactly(tuple(AccessLogEntry.ERASED, AccessLogEntry.ERASED, pseudonym),
                        tuple("ola-coordinator", AccessLogEntry.ERASED, pseudonym), tuple("ola-coordinator", otherCase, "child-2"),
                        tuple("ola-coordinator", "anonymous-case", null));
        assertThat(links.childOf(pseudonym)).isEmpty();
        assertThat(log.verify(AUKRA).intact()).isTrue();
        assertThat(log.verify(AUKRA).entries()).isEqualTo(4);
    }

    @Test
    void aReadAboutAChildAlreadyErasedHereIsLoggedWithoutAnyIdOfIt() {
        links.erase("child-1");

        log.append(AUKRA, "kari-guardian", Relation.GUARDIAN, Outcome.READ, CASE.of("case-1").about("child-1"), "GUARDIAN_ACCESS");
        log.append(AUKRA, "per-member", null, Outcome.REFUSED, CASE.of("case-1").about("child-1"), null);

        assertThat(storedText()).doesNotContain("child-1", "case-1", "kari-guardian");
        assertThat(log.between(AUKRA, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")))
                .extracting(AccessLogEntry::userId, AccessLogEntry::resourceId, AccessLogEntry::subjectId)
                .containsExactly(tuple(AccessLogEntry.ERASED, AccessLogEntry.ERASED, null), tuple("per-member", AccessLogEntry.ERASED, null));
        assertThat(log.verify(AUKRA).intact()).isTrue();
    }

    @Test
    void entriesOfAnErasedChildArePrunedLikeAnyOtherAndTheChainChecksOutFromTheCheckpoint() {
        pruning.append(AUKRA, "kari-guardian", Relation.GUARDIAN, Outcome.READ, CASE.of("case-1").about("child-1"), "GUARDIAN_ACCESS");
        pruning.append(AUKRA, "ola-coordinator", Relation.ARENA_COORDINATOR, Outcome.READ, CASE.of("case-1").about("child-1"), "MEETING");
        links.erase("child-1");
        years.advance(Duration.ofDays(6 * 365));
        appendReads(pruning, AUKRA, 1);

        assertThat(pruning.prune()).isEqualTo(2);
        assertThat(pruning.verify(AUKRA).intact()).isTrue();
        assertThat(pruning.verify(AUKRA).pruned()).isEqualTo(2);
    }

    @Test
    void entriesWrittenBeforeIdsWereSealedAreStillFoundByTheChildsIdAndShownAsWritten() {
        AccessLog before = new AccessLog(mongo, "referral-service", Clock.systemUTC(), PLAIN);
        before.append(AUKRA, "kari-guardian", Relation.GUARDIAN, Outcome.READ, CASE.of("case-1").about("child-1"), "GUARDIAN_ACCESS");
        log.append(AUKRA, "kari-guardian", Relation.GUARDIAN, Outcome.READ, CASE.of("case-2").about("child-1"), "GUARDIAN_ACCESS");

        assertThat(log.readsOf("child-1")).extracting(AccessLogEntry::resourceId).containsExactlyInAnyOrder("case-1", "case-2");
        assertThat(log.verify(AUKRA).intact()).isTrue();
    }

    @Test
    void aServiceWithoutKeysLogsNoReadAboutAChildButStillThoseAboutNone() {
        AccessLog withoutKeys = new AccessLog(mongo, "reporting-service", Clock.systemUTC(), ChildLinks.NONE);

        assertThatThrownBy(() -> withoutKeys.append(AUKRA, "ola", Relation.ARENA_MEMBER, Outcome.READ, CASE.of("case-1").about("child-1"),
                "MEETING")).isInstanceOfSatisfying(ProblemException.class,
                        problem -> assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
        assertThat(withoutKeys.append(AUKRA, "ola", Relation.ARENA_MEMBER, Outcome.READ, CASE.of("case-1"), "MEETING").resourceId())
                .isEqualTo("case-1");
        assertThat(storedText()).doesNotContain("child-1");
    }

    @Test
    void aChangedEntryBreaksTheChainThere() {
        appendReads(AUKRA, 5);

        entries().updateOne(Filters.eq("sequence", 3L), Updates.set("userId", "someone-else"));

        assertBrokenAt(3, ChainCheck.Problem.ALTERED);
    }

    @Test
    void aChangedEntryWhoseHashWasRecomputedBreaksTheLinkToTheNext() {
        List<AccessLogEntry> written = appendReads(AUKRA, 5);
        AccessLogEntry third = written.get(2);
        AccessLogEntry forged = AccessLogEntry.next(third.service(), third.municipality(), 3, third.at(), "someone-else",
                third.relation(), third.outcome(), third.resourceKind(), third.resourceId(), third.subjectId(), third.purpose(),
                third.previousHash());

        entries().updateOne(Filters.eq("sequence", 3L), Updates.combine(Updates.set("userId", "someone-else"), Updates.set("hash", forged.hash())));

        assertBrokenAt(4, ChainCheck.Problem.LINK_BROKEN);
    }

    @Test
    void aRemovedEntryIsMissing() {
        appendReads(AUKRA, 5);

        entries().deleteOne(Filters.eq("sequence", 3L));

        assertBrokenAt(3, ChainCheck.Problem.MISSING);
    }

    @Test
    void entriesRemovedFromTheEndAreNoticedByTheHead() {
        appendReads(AUKRA, 5);

        entries().deleteOne(Filters.eq("sequence", 5L));
        entries().deleteOne(Filters.eq("sequence", 4L));

        assertBrokenAt(4, ChainCheck.Problem.TRUNCATED);
    }

    @Test
    void reorderedEntriesBreakTheChain() {
        appendReads(AUKRA, 5);

        entries().updateOne(Filters.eq("sequence", 2L), Updates.set("sequence", -3L));
        entries().updateOne(Filters.eq("sequence", 3L), Updates.set("sequence", 2L));
        entries().updateOne(Filters.eq("sequence", -3L), Updates.set("sequence", 3L));

        assertBrokenAt(2, ChainCheck.Problem.ALTERED);
    }

    @Test
    void entriesSwappedWholeBreakTheLink() {
        appendReads(AUKRA, 5);
        Document second = entries().find(Filters.eq("sequence", 2L)).first();
        Document third = entries().find(Filters.eq("sequence", 3L)).first();

        // Everything of the two entries traded places, hashes included; only their keys and sequence numbers stay.
        for (Document entry : List.of(second, third)) {
            entry.remove("_id");
            entry.remove("sequence");
        }
        entries().updateOne(Filters.eq("sequence", 2L), new Document("$set", third));
        entries().updateOne(Filters.eq("sequence", 3L), new Document("$set", second));

        assertBrokenAt(2, ChainCheck.Problem.ALTERED);
    }

    @Test
    void eachMunicipalityHasItsOwnChain() {
        appendReads(AUKRA, 3);
        appendReads(MELHUS, 2);

        entries().updateOne(Filters.and(Filters.eq("municipality", MELHUS), Filters.eq("sequence", 1L)), Updates.set("purpose", "X"));

        assertThat(log.verify(AUKRA).intact()).isTrue();
        assertThat(log.verify(AUKRA).entries()).isEqualTo(3);
        assertThat(log.verify(MELHUS).firstBrokenSequence()).isEqualTo(1L);
    }

    @Test
    void concurrentAppendsFromTwoInstancesNeverForkTheChain() throws Exception {
        AccessLog otherInstance = new AccessLog(mongo, "referral-service", Clock.systemUTC(), links);
        int threads = 8;
        int each = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<AccessLogEntry>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            AccessLog instance = t % 2 == 0 ? log : otherInstance;
            String user = "user-" + t;
            results.add(pool.submit(() -> {
                start.await();
                List<AccessLogEntry> mine = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    mine.add(instance.append(AUKRA, user, Relation.ARENA_MEMBER, Outcome.READ, CASE.of(UUID.randomUUID().toString()),
                            "MEETING"));
                }
                return mine;
            }));
        }
        start.countDown();
        Set<Long> sequences = new HashSet<>();
        for (Future<List<AccessLogEntry>> result : results) {
            for (AccessLogEntry entry : result.get(60, TimeUnit.SECONDS)) {
                assertThat(sequences.add(entry.sequence())).as("sequence %d written once", entry.sequence()).isTrue();
            }
        }
        pool.shutdown();

        assertThat(sequences).hasSize(threads * each);
        assertThat(entries().countDocuments()).isEqualTo(threads * each);
        ChainCheck check = log.verify(AUKRA);
        assertThat(check.intact()).as(check.toString()).isTrue();
        assertThat(check.entries()).isEqualTo(threads * each);
    }

    @Test
    void aHeadLeftBehindByAnAppenderThatDiedIsMovedOn() {
        appendReads(AUKRA, 3);
        // As if the appender of entry 3 died after writing it and before moving the head.
        AccessLogEntry second = log.between(AUKRA, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")).get(1);
        mongo.getCollection(AccessLog.HEADS).updateOne(Filters.eq("_id", second.chain()),
                Updates.combine(Updates.set("sequence", 2L), Updates.set("hash", second.hash())));

        AccessLogEntry fourth = appendReads(AUKRA, 1).getFirst();

        assertThat(fourth.sequence()).isEqualTo(4L);
        assertThat(log.verify(AUKRA).intact()).isTrue();
    }

    @Test
    void failsClosedWhenTheLogCannotBeWritten() {
        server.shutdownNow();

        assertThatThrownBy(() -> appendReads(AUKRA, 1))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(problem.type().toString()).isEqualTo("urn:samhandling:problem:access-log-unavailable");
                });
    }

    @Test
    void aRefusalIsLoggedAndAnswersNotFound() {
        Access access = new Access(log);
        Caller stranger = new Caller("stranger", AUKRA, Set.of(Role.MEMBER));
        String caseId = UUID.randomUUID().toString();

        ProblemException refusal = access.refused(stranger, CASE.of(caseId).about("child-1"));
        ProblemException unknown = access.unknown(stranger, CASE, "010203 12345");
        ProblemException relationMissing = org.junit.jupiter.api.Assertions.assertThrows(ProblemException.class,
                () -> access.require(stranger, CASE.of(caseId), Optional.empty()));

        assertThat(List.of(refusal, unknown, relationMissing)).allSatisfy(problem -> {
            assertThat(problem.status()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(problem.arguments()[0]).isEqualTo("Sak");
        });
        List<AccessLogEntry> logged = log.between(AUKRA, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
        assertThat(logged).extracting(AccessLogEntry::outcome).containsOnly(Outcome.REFUSED);
        assertThat(logged).extracting(AccessLogEntry::resourceId).containsExactly(caseId, Access.NOT_AN_ID, caseId);
        assertThat(logged.getFirst().subjectId()).isEqualTo("child-1");
        assertThat(logged).extracting(AccessLogEntry::relation).containsOnlyNulls();
        assertThat(log.readsOf("child-1")).isEmpty();
    }

    @Test
    void entriesPastTheirRetentionArePrunedAndTheRestStillChecksOutFromTheCheckpoint() {
        List<AccessLogEntry> written = oldAndRecentEntries(3, 2);
        List<AccessLogEntry> old = written.subList(0, 3);
        List<AccessLogEntry> kept = written.subList(3, 5);

        assertThat(pruning.prune()).isEqualTo(3);

        assertThat(entries().countDocuments(Filters.eq("municipality", AUKRA))).isEqualTo(2);
        assertThat(entries().countDocuments(Filters.eq("municipality", MELHUS))).as("written in the same days as the kept ones").isEqualTo(1);
        ChainCheck check = pruning.verify(AUKRA);
        assertThat(check.intact()).as(check.toString()).isTrue();
        assertThat(check.entries()).isEqualTo(2);
        assertThat(check.pruned()).isEqualTo(3);
        assertThat(check.lastHash()).isEqualTo(kept.getLast().hash());
        assertThat(checkpoints().find(Filters.eq("_id", old.getLast().chain())).first())
                .containsEntry("sequence", 3L).containsEntry("hash", old.getLast().hash()).containsEntry("pruned", 3L);
        assertThat(pruning.prune()).as("nothing more is due").isZero();

        AccessLogEntry next = appendReads(pruning, AUKRA, 1).getFirst();
        assertThat(next.sequence()).isEqualTo(6L);
        assertThat(pruning.verify(AUKRA).intact()).isTrue();
        assertThat(pruning.verify(AUKRA).entries()).isEqualTo(3);
    }

    @Test
    void eachPurposeKeepsItsOwnPeriodAndAnEntryAlsoWaitsForTheOlderOnes() {
        MutableClock clock = MutableClock.at(Instant.parse("2020-01-10T10:00:00Z"));
        // As the environment names them: SAMHANDLING_ACCESSLOG_RETENTION_KEEP_DEFAULT, ..._KEEP_GUARDIAN_ACCESS.
        AccessLogRetention retention = new AccessLogRetention(java.util.Map.of("default", Period.ofYears(1), "guardian.access",
                Period.ofYears(3)), Duration.ofHours(24), 100);
        AccessLog pruning = new AccessLog(mongo, "referral-service", clock, retention, links);
        appendReads(pruning, AUKRA, 2);
        pruning.append(AUKRA, "guardian", Relation.GUARDIAN, Outcome.READ, CASE.of("case-1").about("child-1"), "GUARDIAN_ACCESS");
        appendReads(pruning, AUKRA, 2);
        clock.advance(Duration.ofDays(2 * 365));

        assertThat(pruning.prune()).as("the guardian's read is kept three years, and so is what came after it").isEqualTo(2);
        clock.advance(Duration.ofDays(370));
        assertThat(pruning.prune()).isEqualTo(3);
        assertThat(pruning.verify(AUKRA).intact()).isTrue();
        assertThat(pruning.verify(AUKRA).pruned()).isEqualTo(5);
    }

    @Test
    void anAlteredEntryAfterPruningStillBreaksTheChainAndIsNeverPrunedAway() {
        oldAndRecentEntries(5, 3);
        assertThat(pruning.prune()).isEqualTo(5);

        entries().updateOne(Filters.eq("sequence", 7L), Updates.set("userId", "someone-else"));

        assertBrokenAt(pruning, 7, ChainCheck.Problem.ALTERED, 1);
        years.advance(Duration.ofDays(3650));
        assertThat(pruning.prune()).as("Aukra's entry 6, not the altered 7 or what follows it; and Melhus' one").isEqualTo(2);
        assertBrokenAt(pruning, 7, ChainCheck.Problem.ALTERED, 0);
    }

    @Test
    void aChangedOrRemovedCheckpointBreaksTheChain() {
        List<AccessLogEntry> old = oldAndRecentEntries(3, 2).subList(0, 3);
        pruning.prune();
        String chain = old.getLast().chain();
        Document original = checkpoints().find(Filters.eq("_id", chain)).first();

        // A field changed: the checkpoint's seal no longer holds.
        checkpoints().updateOne(Filters.eq("_id", chain), Updates.set("pruned", 1L));
        assertBrokenAt(pruning, 3, ChainCheck.Problem.ALTERED, 0);
        assertThat(pruning.prune()).as("nothing is pruned past a checkpoint that does not hold").isZero();

        // Another hash, sealed again: the first entry kept does not link to it.
        AccessLogEntry forged = AccessLogEntry.next(old.getLast().service(), AUKRA, 3, old.getLast().at(), "someone-else",
                Relation.ARENA_COORDINATOR, Outcome.READ, "referral", "x", null, null, old.get(1).hash());
        replaceCheckpoint(chain, AccessLogCheckpoint.after(forged, 3));
        assertBrokenAt(pruning, 4, ChainCheck.Problem.LINK_BROKEN, 0);

        // Gone: the chain seems to start at entry 4, and entry 1 is missing.
        checkpoints().deleteOne(Filters.eq("_id", chain));
        assertBrokenAt(pruning, 1, ChainCheck.Problem.MISSING, 0);

        checkpoints().insertOne(original);
        assertThat(pruning.verify(AUKRA).intact()).isTrue();
    }

    @Test
    void aCheckpointThatHidesEntriesYoungerThanTheRetentionIsRefused() {
        List<AccessLogEntry> written = appendReads(AUKRA, 5);

        // Someone removes the first three of today's entries and writes a consistent, sealed checkpoint for them.
        replaceCheckpoint(written.get(2).chain(), AccessLogCheckpoint.after(written.get(2), 3));
        entries().deleteMany(Filters.lte("sequence", 3L));

        assertBrokenAt(log, 3, ChainCheck.Problem.MISSING, 0);
    }

    @Test
    void aRunThatStoppedAfterItsCheckpointIsFinishedByTheNext() {
        List<AccessLogEntry> old = oldAndRecentEntries(3, 2).subList(0, 3);
        // As if the run stored its checkpoint and stopped before removing the entries.
        replaceCheckpoint(old.getLast().chain(), AccessLogCheckpoint.after(old.getLast(), 3));

        assertThat(pruning.verify(AUKRA).intact()).isTrue();
        assertThat(pruning.verify(AUKRA).entries()).isEqualTo(2);
        assertThat(pruning.prune()).isZero();
        assertThat(entries().countDocuments(Filters.eq("municipality", AUKRA))).isEqualTo(2);
        assertThat(pruning.verify(AUKRA).intact()).isTrue();
    }

    /**
     * Writes {@code old} entries, then {@code recent} entries (and one of Melhus) 400 days later, and moves the
     * clock on until the old ones are past the default five years and the recent ones are not.
     */
    private List<AccessLogEntry> oldAndRecentEntries(int old, int recent) {
        List<AccessLogEntry> written = new ArrayList<>(appendReads(pruning, AUKRA, old));
        years.advance(Duration.ofDays(400));
        written.addAll(appendReads(pruning, AUKRA, recent));
        appendReads(pruning, MELHUS, 1);
        years.advance(Duration.ofDays(365 * 5 - 200));
        return written;
    }

    private void replaceCheckpoint(String chain, AccessLogCheckpoint checkpoint) {
        checkpoints().replaceOne(Filters.eq("_id", chain), new Document("_id", chain).append("sequence", checkpoint.sequence())
                .append("hash", checkpoint.hash()).append("at", java.util.Date.from(checkpoint.at()))
                .append("pruned", checkpoint.pruned()).append("seal", checkpoint.seal()),
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    private List<AccessLogEntry> appendReads(AccessLog target, String municipality, int count) {
        List<AccessLogEntry> written = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            written.add(target.append(municipality, "coordinator", Relation.ARENA_COORDINATOR, Outcome.READ,
                    CASE.of(UUID.randomUUID().toString()).about("child-" + i), "INTAKE_ASSESSMENT"));
        }
        return written;
    }

    private void assertBrokenAt(AccessLog target, long sequence, ChainCheck.Problem problem, long checked) {
        ChainCheck check = target.verify(AUKRA);
        assertThat(check.intact()).as(check.toString()).isFalse();
        assertThat(check.firstBrokenSequence()).as(check.toString()).isEqualTo(sequence);
        assertThat(check.problem()).as(check.toString()).isEqualTo(problem);
        assertThat(check.entries()).as(check.toString()).isEqualTo(checked);
    }

    private com.mongodb.client.MongoCollection<Document> checkpoints() {
        return mongo.getCollection(AccessLog.CHECKPOINTS);
    }

    private List<AccessLogEntry> appendReads(String municipality, int count) {
        List<AccessLogEntry> written = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            written.add(log.append(municipality, "coordinator", Relation.ARENA_COORDINATOR, Outcome.READ,
                    CASE.of(UUID.randomUUID().toString()).about("child-" + i), "INTAKE_ASSESSMENT"));
        }
        return written;
    }

    private void assertBrokenAt(long sequence, ChainCheck.Problem problem) {
        ChainCheck check = log.verify(AUKRA);
        assertThat(check.intact()).isFalse();
        assertThat(check.firstBrokenSequence()).isEqualTo(sequence);
        assertThat(check.problem()).isEqualTo(problem);
        assertThat(check.entries()).isEqualTo(sequence - 1);
    }

    /** Every stored access-log document, as text: what someone reading the database sees. */
    private String storedText() {
        StringBuilder text = new StringBuilder();
        for (String collection : List.of(AccessLog.ENTRIES, AccessLog.HEADS, AccessLog.CHECKPOINTS)) {
            mongo.getCollection(collection).find().forEach(document -> text.append(document.toJson()).append('\n'));
        }
        return text.toString();
    }

    /** The log as it was written before ids about a child were sealed: everything as it is. */
    private static final ChildLinks PLAIN = new ChildLinks() {

        @Override
        public Optional<String> pseudonym(String municipality, String subjectId) {
            return Optional.of(subjectId);
        }

        @Override
        public Optional<String> existingPseudonym(String subjectId) {
            return Optional.of(subjectId);
        }

        @Override
        public Optional<String> childOf(String pseudonym) {
            return Optional.empty();
        }

        @Override
        public Optional<String> seal(String municipality, String subjectId, String purpose, String value) {
            return Optional.of(value);
        }

        @Override
        public Optional<String> open(String subjectId, String stored) {
            return Optional.ofNullable(stored);
        }
    };

    private com.mongodb.client.MongoCollection<Document> entries() {
        return mongo.getCollection(AccessLog.ENTRIES);
    }
}
