package no.samhandling.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** The dedup state against a MongoDB wire server: it only moves forward, and its window stays bounded. */
class WatermarksTest {

    private static final String TOPIC = "referral.events";

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private Watermarks watermarks;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        mongo = new MongoTemplate(client, "test");
        watermarks = new Watermarks(mongo, 100);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void knowsTheHighestAppliedOffsetAndTheEventsAppliedRecentlyPerGroup() {
        watermarks.advance("g", TOPIC, 0, 7, List.of("a", "b"));
        watermarks.advance("g", TOPIC, 0, 9, List.of("c"));

        assertThat(watermarks.applied("g", TOPIC, 0)).isEqualTo(9);
        assertThat(watermarks.applied("g", TOPIC, 1)).isEqualTo(-1);
        assertThat(watermarks.applied("other", TOPIC, 0)).isEqualTo(-1);
        assertThat(watermarks.recentlyApplied("g", List.of("a", "c", "new"))).containsExactlyInAnyOrder("a", "c");
        assertThat(watermarks.recentlyApplied("other", List.of("a"))).isEmpty();
    }

    @Test
    void neverMovesBack() {
        watermarks.advance("g", TOPIC, 0, 9, List.of("a"));

        watermarks.advance("g", TOPIC, 0, 4, List.of("late"));
        watermarks.raiseToCommitted("g", Map.of(new TopicPartition(TOPIC, 0), 3L));

        assertThat(watermarks.applied("g", TOPIC, 0)).isEqualTo(9);
    }

    @Test
    void forgetsTheIdsOfEventsThatFellOutOfTheWindowSoItsFootprintStaysBounded() {
        LongStream.range(0, 1_000).forEach(offset -> watermarks.advance("g", TOPIC, 0, offset, List.of("e" + offset)));

        assertThat(watermarks.recentlyApplied("g", List.of("e905", "e999"))).containsExactlyInAnyOrder("e905", "e999");
        assertThat(watermarks.recentlyApplied("g", List.of("e0", "e500", "e799"))).isEmpty();
        assertThat(mongo.getCollection(Watermarks.RECENT).countDocuments()).isLessThanOrEqualTo(200);
        assertThat(mongo.getCollection(Watermarks.COLLECTION).countDocuments()).isEqualTo(1);
    }

    @Test
    void risesToJustBelowTheCommittedOffsetAndRemembersAReplayWithoutMoving() {
        watermarks.raiseToCommitted("g", Map.of(new TopicPartition(TOPIC, 2), 40L));
        watermarks.remember("g", TOPIC, 2, "replayed");

        assertThat(watermarks.applied("g", TOPIC, 2)).isEqualTo(39);
        assertThat(watermarks.recentlyApplied("g", List.of("replayed"))).containsExactly("replayed");
    }

    @Test
    void forgetsAGroupEntirely() {
        watermarks.advance("g", TOPIC, 0, 9, List.of("a"));
        watermarks.advance("kept", TOPIC, 0, 9, List.of("b"));

        watermarks.forget("g");

        assertThat(watermarks.applied("g", TOPIC, 0)).isEqualTo(-1);
        assertThat(watermarks.recentlyApplied("g", List.of("a"))).isEmpty();
        assertThat(watermarks.recentlyApplied("kept", List.of("b"))).containsExactly("b");
    }
}
