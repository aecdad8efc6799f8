package no.samhandling.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ContextConfiguration;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.Topics;
import no.samhandling.events.referral.DiscussionBasis;
import no.samhandling.events.referral.IntakePath;
import no.samhandling.events.referral.PreventionLevel;
import no.samhandling.events.referral.ReferralSubmitted;
import no.samhandling.platform.test.ServiceTest;
import no.samhandling.platform.test.TestProducer;
import no.samhandling.platform.test.TopicProbe;
import no.samhandling.platform.testapp.TestApplication;

/** The consumer engine's batch mode, with a counting projection that crashes and a poisoned event. */
@ServiceTest
@ContextConfiguration(classes = TestApplication.class)
class BatchConsumerTest {

    static final String DEAD_LETTERS = "referral.events.platform-test.dlq";

    @Autowired
    EventConsumers consumers;

    @Autowired
    CloudEventCodec codec;

    @Autowired
    MongoTemplate mongo;

    // The context's own broker: the bootstrap-servers property is JVM-wide and names the broker of the last context started.
    @Autowired
    KafkaConnectionDetails kafka;

    TestProducer producer;
    String run;
    CountingProjection projection;
    BatchConsumer consumer;

    @BeforeEach
    void start() {
        producer = new TestProducer(brokers());
        run = UUID.randomUUID().toString().substring(0, 8);
        projection = new CountingProjection(mongo, "batch_counts_" + run);
        consumer = consumers.batch("platform-test.batch-" + run, List.of(Topics.REFERRAL_EVENTS), projection, 50);
    }

    @AfterEach
    void stop() {
        consumer.stop();
        producer.close();
    }

    @Test
    void projectsEveryEventOnceThroughACrashMidBatchAndARe_send() {
        List<ReferralSubmitted> events = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            events.add(submitted(i % 2 == 0 ? "even-" + run : "odd-" + run));
        }
        events.forEach(event -> producer.send(codec.toRecord(event)));
        producer.send(codec.toRecord(events.get(3)));
        projection.crashOnce.set(true);

        consumer.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> projection.count("even-" + run) + projection.count("odd-" + run) == 20
                && mongo.getCollection(Journals.COLLECTION).countDocuments(Filters.eq("group", consumer.group())) == 0);
        assertThat(projection.crashed).isTrue();
        assertThat(projection.count("even-" + run)).isEqualTo(10);
        assertThat(projection.count("odd-" + run)).isEqualTo(10);
    }

    @Test
    void deadLettersOnlyTheEventThatFailsAndAnInvalidRecordAndGoesOn() {
        ReferralSubmitted before = submitted("fine-" + run);
        ReferralSubmitted poisoned = submitted(CountingProjection.POISON);
        ReferralSubmitted after = submitted("fine-" + run);
        ProducerRecord<String, byte[]> garbage = new ProducerRecord<>(Topics.REFERRAL_EVENTS, "garbage-" + run,
                "not an event".getBytes(StandardCharsets.UTF_8));
        producer.send(codec.toRecord(before));
        producer.send(codec.toRecord(poisoned));
        producer.send(garbage);
        producer.send(codec.toRecord(after));

        consumer.start();

        try (TopicProbe probe = new TopicProbe(brokers(), DEAD_LETTERS)) {
            List<ConsumerRecord<String, byte[]>> dead = probe.awaitRecord(record -> garbage.key().equals(record.key()), Duration.ofSeconds(30));
            probe.awaitRecord(record -> poisoned.eventId().toString().equals(TopicProbe.header(record, "ce_id")), Duration.ofSeconds(30));
            assertThat(dead).noneMatch(record -> before.eventId().toString().equals(TopicProbe.header(record, "ce_id"))
                    || after.eventId().toString().equals(TopicProbe.header(record, "ce_id")));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> projection.count("fine-" + run) == 2);
    }

    @Test
    void replaysADeadLetteredEventOnceAfterItsCauseWasFixed() {
        ReferralSubmitted poisoned = submitted(CountingProjection.POISON);
        producer.send(codec.toRecord(poisoned));
        consumer.start();
        ConsumerRecord<String, byte[]> dead;
        try (TopicProbe probe = new TopicProbe(brokers(), DEAD_LETTERS)) {
            dead = probe.awaitRecord(record -> poisoned.eventId().toString().equals(TopicProbe.header(record, "ce_id")),
                    Duration.ofSeconds(30)).stream()
                    .filter(record -> poisoned.eventId().toString().equals(TopicProbe.header(record, "ce_id"))).findFirst().orElseThrow();
        }
        projection.poisonCured = true;

        ReplayOutcome first = consumer.replay(Topics.REFERRAL_EVENTS, 0, "dlq-0@" + dead.offset(), dead.headers(), dead.value());
        ReplayOutcome second = consumer.replay(Topics.REFERRAL_EVENTS, 0, "dlq-0@" + dead.offset() + "-again", dead.headers(), dead.value());

        assertThat(first).isEqualTo(ReplayOutcome.APPLIED);
        assertThat(second).isEqualTo(ReplayOutcome.ALREADY_APPLIED);
        assertThat(projection.count(CountingProjection.POISON)).isEqualTo(1);
    }

    private static ReferralSubmitted submitted(String arenaId) {
        return new ReferralSubmitted(UUID.randomUUID(), Instant.now(), "1547", UUID.randomUUID().toString(), arenaId,
                DiscussionBasis.ANONYMOUS, null, null, "6-12", "SCHOOL", List.of("ABSENCE"), PreventionLevel.YELLOW, IntakePath.STAFF, false);
    }

    /** Counts referrals per arena, idempotent per batch as the engine asks; can crash half-way, once. */
    static final class CountingProjection implements BatchProjection {

        static final String POISON = "arena-whose-events-cannot-be-projected";

        final AtomicBoolean crashOnce = new AtomicBoolean();
        volatile boolean crashed;
        volatile boolean poisonCured;
        private final MongoTemplate mongo;
        private final String collection;

        CountingProjection(MongoTemplate mongo, String collection) {
            this.mongo = mongo;
            this.collection = collection;
        }

        @Override
        public Document plan(List<DomainEvent> events) {
            Map<String, Integer> counts = new HashMap<>();
            for (DomainEvent event : events) {
                if (event instanceof ReferralSubmitted submitted) {
                    if (POISON.equals(submitted.arenaId()) && !poisonCured) {
                        throw new IllegalStateException("cannot project this one");
                    }
                    counts.merge(submitted.arenaId(), 1, Integer::sum);
                }
            }
            return new Document(counts.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> (Object) e.getValue())));
        }

        @Override
        public void apply(Batch batch, Document plan) {
            int written = 0;
            for (Map.Entry<String, Object> count : plan.entrySet()) {
                if (crashOnce.get() && written == plan.size() / 2 && plan.size() > 1) {
                    crashOnce.set(false);
                    crashed = true;
                    throw new IllegalStateException("crashed half-way through a batch");
                }
                try {
                    mongo.getCollection(collection).updateOne(
                            new Document("_id", count.getKey()).append("applied." + batch.stream(),
                                    new Document("$not", new Document("$gte", batch.position()))),
                            Updates.combine(Updates.inc("count", (Integer) count.getValue()), Updates.set("applied." + batch.stream(), batch.position())),
                            new UpdateOptions().upsert(true));
                } catch (MongoWriteException alreadyApplied) {
                    assertThat(ErrorCategory.fromErrorCode(alreadyApplied.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY);
                }
                written++;
            }
        }

        long count(String arenaId) {
            Document counter = mongo.getCollection(collection).find(Filters.eq("_id", arenaId)).first();
            return counter == null ? 0 : ((Number) counter.get("count")).longValue();
        }
    }

    private String brokers() {
        return String.join(",", kafka.getBootstrapServers());
    }
}
