package no.samhandling.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
import no.samhandling.reporting.testdata.EventMother;

/** Exactly-once effect of a batch against a MongoDB wire server, through redeliveries and crashes. */
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
        store = new ProjectionStore(mongo, Duration.ofDays(30));
        store.prepare(GENERATION);
        batch = EventMother.year("1547", 2026, 60, 3, 5L);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aRedeliveredBatchChangesNothing() {
        store.write(GENERATION, batch);
        Map<String, Object> once = store.contents(GENERATION);

        assertThat(store.write(GENERATION, batch)).isZero();
        assertThat(store.contents(GENERATION)).isEqualTo(once);
    }

    @Test
    void aJournalLeftBeforeAnyCounterChangedIsCompletedOnceByTheNextBatch() {
        Map<String, Object> expected = projectedOnceElsewhere();
        Changes changes = FigureProjection.project(batch, Map.of());
        mongo.getCollection(GENERATION.journal()).insertOne(ProjectionStore.journal(batch, changes));

        store.write(GENERATION, batch);

        assertThat(store.contents(GENERATION)).isEqualTo(expected);
        assertThat(mongo.getCollection(GENERATION.journal()).countDocuments()).isZero();
    }

    @Test
    void aJournalLeftAfterItsCountersChangedIsNotCountedTwice() {
        Map<String, Object> expected = projectedOnceElsewhere();
        Changes changes = FigureProjection.project(batch, Map.of());
        Document journal = ProjectionStore.journal(batch, changes);
        // Crash after the counters were written but before the events were marked and the journal
        // deleted: the journal is still there and the whole batch is delivered again.
        store.complete(GENERATION, journal, false);
        mongo.getCollection(GENERATION.journal()).insertOne(journal);
        mongo.getCollection(GENERATION.processed()).deleteMany(new Document());

        assertThat(store.write(GENERATION, batch)).as("the redelivered batch is all marked by the recovery").isZero();

        assertThat(store.contents(GENERATION)).isEqualTo(expected);
        assertThat(mongo.getCollection(GENERATION.journal()).countDocuments()).isZero();
    }

    /** The figures of the batch projected once into another database. */
    private Map<String, Object> projectedOnceElsewhere() {
        ProjectionStore other = new ProjectionStore(new MongoTemplate(client, "reference"), Duration.ofDays(30));
        other.prepare(GENERATION);
        other.write(GENERATION, batch);
        return other.contents(GENERATION);
    }
}
