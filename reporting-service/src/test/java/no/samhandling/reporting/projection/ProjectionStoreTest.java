package no.samhandling.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import no.samhandling.events.DomainEvent;
import no.samhandling.platform.events.BatchProjection.Batch;
import no.samhandling.reporting.testdata.EventMother;
import no.samhandling.reporting.testdata.LeadershipTransition;

/**
 * The projection's part of exactly-once effect against a MongoDB wire server: a planned batch
 * applied again after a crash (the engine's journal recovery) changes nothing more, wherever the
 * crash left it, and batches of other partitions in between do not confuse it; a leadership item
 * is counted once whichever topic's batch brings it first.
 */
class ProjectionStoreTest {

    private static final Generation GENERATION = new Generation(1);

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private ProjectionStore store;
    private List<DomainEvent> batch;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        mongo = new MongoTemplate(client, "test");
        store = new ProjectionStore(mongo, GENERATION);
        store.prepare();
        batch = EventMother.year("1547", 2026, 60, 3, 5L);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aBatchAppliedAgainChangesNothing() {
        Document plan = store.plan(batch);
        store.apply(new Batch("referral_events-0", 41, false), plan);
        Map<String, Object> once = store.contents();

        store.apply(new Batch("referral_events-0", 41, true), plan);

        assertThat(store.contents()).isEqualTo(once).isEqualTo(projectedOnceElsewhere());
    }

    @Test
    void aBatchWhoseCountersWerePartlyWrittenIsCompletedOnce() {
        Document plan = store.plan(batch);
        // Crash after half of the counters were written: recovery applies the whole plan again.
        List<Document> increments = plan.getList("increments", Document.class);
        store.apply(new Batch("referral_events-0", 41, false),
                new Document(plan).append("increments", increments.subList(0, increments.size() / 2)));

        store.apply(new Batch("referral_events-0", 41, true), plan);

        assertThat(store.contents()).isEqualTo(projectedOnceElsewhere());
    }

    @Test
    void anotherPartitionsBatchesInBetweenDoNotHideWhatARecoveredBatchStillHasToDo() {
        List<DomainEvent> other = EventMother.year("1547", 2026, 60, 3, 9L);
        Document plan = store.plan(batch);
        List<Document> increments = plan.getList("increments", Document.class);
        store.apply(new Batch("referral_events-0", 41, false),
                new Document(plan).append("increments", increments.subList(0, increments.size() / 2)));
        // Another instance projects another partition into the same counters, many times over.
        for (int round = 0; round < 30; round++) {
            store.apply(new Batch("referral_events-1", round, false), store.plan(other.subList(round, round + 1)));
        }

        store.apply(new Batch("referral_events-0", 41, true), plan);

        ProjectionStore reference = referenceStore();
        reference.apply(new Batch("referral_events-0", 41, false), reference.plan(batch));
        for (int round = 0; round < 30; round++) {
            reference.apply(new Batch("referral_events-1", round, false), reference.plan(other.subList(round, round + 1)));
        }
        assertThat(counters(store)).isEqualTo(counters(reference));
    }

    @Test
    void aLaterBatchOfTheSameStreamIsApplied() {
        store.apply(new Batch("referral_events-0", 41, false), store.plan(batch.subList(0, 30)));

        store.apply(new Batch("referral_events-0", 42, false), store.plan(batch.subList(30, batch.size())));

        assertThat(store.contents()).isEqualTo(projectedOnceElsewhere());
    }

    @Test
    void aLeadershipItemWhoseHistoryAndCopyArriveOnTwoTopicsAtOnceIsCountedOnce() {
        List<DomainEvent> truth = LeadershipTransition.items("1547", 2026, 30, 3L);
        // The items' history on referral.events, and a copy of it replayed into leadership.events.
        List<DomainEvent> history = LeadershipTransition.acrossCutOver(truth, EventMother.at(2027, 1, 1));
        // Two instances plan their partitions' batches before either applies.
        Document fromHistory = store.plan(history);
        Document fromCopy = store.plan(truth);
        store.apply(new Batch("referral_events-0", 7, false), fromHistory);
        store.apply(new Batch("leadership_events-2", 3, false), fromCopy);
        // And the first is applied again after a crash.
        store.apply(new Batch("referral_events-0", 7, true), fromHistory);
        // A later copy of the same items counts nothing either.
        store.apply(new Batch("leadership_events-1", 9, false), store.plan(truth));

        assertThat(counters(store)).isEqualTo(new java.util.TreeMap<>(ProjectedCounters.of(truth)));
    }

    /** The figures of the batch projected once into another database. */
    private Map<String, Object> projectedOnceElsewhere() {
        ProjectionStore other = referenceStore();
        other.apply(new Batch("referral_events-0", 0, false), other.plan(batch));
        return other.contents();
    }

    private ProjectionStore referenceStore() {
        ProjectionStore other = new ProjectionStore(new MongoTemplate(client, "reference-" + System.nanoTime()), GENERATION);
        other.prepare();
        return other;
    }

    private static Map<String, Object> counters(ProjectionStore store) {
        Map<String, Object> contents = new java.util.TreeMap<>(store.contents());
        contents.keySet().removeIf(key -> key.startsWith("case ") || key.startsWith("arena ") || key.startsWith("counted item "));
        return contents;
    }
}
