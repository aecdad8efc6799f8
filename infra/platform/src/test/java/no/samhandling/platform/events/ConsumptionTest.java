package no.samhandling.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.cloud.stream.binding.BindingsLifecycleController.State;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ContextConfiguration;

import io.micrometer.core.instrument.MeterRegistry;
import no.samhandling.events.Topics;
import no.samhandling.events.referral.DiscussionBasis;
import no.samhandling.events.referral.IntakePath;
import no.samhandling.events.referral.PreventionLevel;
import no.samhandling.events.referral.ReferralSubmitted;
import no.samhandling.platform.test.HttpApi;
import no.samhandling.platform.test.ServiceTest;
import no.samhandling.platform.test.TestKafka;
import no.samhandling.platform.test.TestProducer;
import no.samhandling.platform.test.TestTokens;
import no.samhandling.platform.test.TopicProbe;
import no.samhandling.platform.testapp.ReceivedEvents;
import no.samhandling.platform.testapp.TestApplication;

/** The consumer engine's single-event mode, through a real binding on a real broker. */
@ServiceTest
@ContextConfiguration(classes = TestApplication.class)
@ExtendWith(OutputCaptureExtension.class)
class ConsumptionTest {

    static final String DEAD_LETTERS = "referral.events.platform-test.dlq";
    static final String BINDING = "referralEvents-in-0";

    @Autowired
    ReceivedEvents received;

    @Autowired
    CloudEventCodec codec;

    @Autowired
    MeterRegistry meters;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    BindingsLifecycleController bindings;

    // The context's own broker: the bootstrap-servers property is JVM-wide and names the broker of the last context started.
    @Autowired
    KafkaConnectionDetails kafka;

    @Autowired
    org.springframework.kafka.core.KafkaAdmin kafkaAdmin;

    @Autowired
    TopicProperties topicProperties;

    @LocalServerPort
    int port;

    TestProducer producer;

    @BeforeEach
    void producer() {
        producer = new TestProducer(brokers());
    }

    @AfterEach
    void close() {
        producer.close();
    }

    @Test
    void handlesAnEventSentTwiceOnlyOnce() {
        ReferralSubmitted event = submitted("arena-1");
        ReferralSubmitted later = new ReferralSubmitted(UUID.randomUUID(), Instant.now(), "1547", event.aggregateId(), "arena-1",
                DiscussionBasis.ANONYMOUS, null, null, "6-12", "SCHOOL", List.of(), PreventionLevel.GREEN, IntakePath.STAFF, false);

        // The second copy arrives at a later offset, as an outbox relay's re-send after a crash would.
        producer.send(codec.toRecord(event));
        producer.send(codec.toRecord(event));
        producer.send(codec.toRecord(later));

        // Same key, same partition: once the later event is handled, both copies of the first were seen.
        await().atMost(Duration.ofSeconds(30)).until(() -> received.handled().contains(later));
        assertThat(received.handled()).filteredOn(e -> e.eventId().equals(event.eventId())).hasSize(1);
        assertThat(meters.counter("samhandling.events.duplicates", "type", "referral.submitted.v1").count()).isPositive();
    }

    @Test
    void appliesNothingTwiceWhenKafkaHasLostTheGroupsOffsetsAndEverythingIsReadAgain() throws Exception {
        List<ReferralSubmitted> before = List.of(submitted("arena-before-1"), submitted("arena-before-2"), submitted("arena-before-3"));
        before.forEach(event -> producer.send(codec.toRecord(event)));
        await().atMost(Duration.ofSeconds(30)).until(() -> received.handled().containsAll(before));
        int handledBefore = received.handled().size();
        double duplicatesBefore = meters.counter("samhandling.events.duplicates", "type", "referral.submitted.v1").count();

        // What Kafka does to a group that has been idle longer than offsets.retention.minutes.
        bindings.changeState(BINDING, State.STOPPED);
        try (Admin admin = Admin.create(TestKafka.clientProperties(brokers()))) {
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
                admin.deleteConsumerGroupOffsets("platform-test", Set.of(new TopicPartition(Topics.REFERRAL_EVENTS, 0))).all().get();
                return admin.listConsumerGroupOffsets("platform-test").partitionsToOffsetAndMetadata().get().isEmpty();
            });
        }
        bindings.changeState(BINDING, State.STARTED);
        ReferralSubmitted after = submitted("arena-after");
        producer.send(codec.toRecord(after));

        // One partition: once the new event is handled, every older record was read again first.
        await().atMost(Duration.ofSeconds(60)).until(() -> received.handled().contains(after));
        assertThat(received.handled()).hasSize(handledBefore + 1);
        assertThat(meters.counter("samhandling.events.duplicates", "type", "referral.submitted.v1").count())
                .isGreaterThanOrEqualTo(duplicatesBefore + before.size());
    }

    @Test
    void remembersWhatItAppliedWithoutExpiryInOneWatermarkPerPartition() {
        ReferralSubmitted event = submitted("arena-1");
        producer.send(codec.toRecord(event));
        await().atMost(Duration.ofSeconds(30)).until(() -> received.handled().contains(event));

        for (String collection : List.of(Watermarks.COLLECTION, Watermarks.RECENT)) {
            assertThat(mongo.getCollection(collection).listIndexes().into(new ArrayList<>())).as(collection)
                    .noneMatch(index -> index.containsKey("expireAfterSeconds"));
        }
        List<Document> watermarks = mongo.getCollection(Watermarks.COLLECTION).find(new Document("group", "platform-test"))
                .into(new ArrayList<>());
        assertThat(watermarks).singleElement().satisfies(watermark -> {
            assertThat(watermark.getString("topic")).isEqualTo(Topics.REFERRAL_EVENTS);
            assertThat(((Number) watermark.get("applied")).longValue()).isNotNegative();
        });
        assertThat(mongo.getCollection(Watermarks.RECENT).find(new Document("_id", "platform-test|" + event.eventId())).first())
                .isNotNull();
    }

    @Test
    void deadLettersAnUnreadableRecordAtOnceWithItsHeadersAndItsCauseLoggingOneLine(CapturedOutput output) {
        List<String> keys = List.of("unreadable-1", "unreadable-2", "unreadable-3");
        for (String key : keys) {
            ProducerRecord<String, byte[]> garbage = new ProducerRecord<>(Topics.REFERRAL_EVENTS, key,
                    "{not json, fødd 01.02.2003".getBytes(StandardCharsets.UTF_8));
            garbage.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
            garbage.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            garbage.headers().add("ce_source", "/samhandling/referral-service".getBytes(StandardCharsets.UTF_8));
            garbage.headers().add("ce_type", "referral.submitted.v1".getBytes(StandardCharsets.UTF_8));
            garbage.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
            garbage.headers().add("x-origin", "consumption-test".getBytes(StandardCharsets.UTF_8));
            producer.send(garbage);
        }

        List<ConsumerRecord<String, byte[]>> dead;
        try (TopicProbe probe = new TopicProbe(brokers(), DEAD_LETTERS)) {
            dead = probe.awaitRecord(record -> keys.getLast().equals(record.key()), Duration.ofSeconds(30)).stream()
                    .filter(record -> keys.contains(record.key())).toList();
        }
        assertThat(dead).hasSize(3);
        ConsumerRecord<String, byte[]> first = dead.getFirst();
        assertThat(new String(first.value(), StandardCharsets.UTF_8)).isEqualTo("{not json, fødd 01.02.2003");
        assertThat(TopicProbe.header(first, "ce_type")).isEqualTo("referral.submitted.v1");
        assertThat(TopicProbe.header(first, "x-origin")).isEqualTo("consumption-test");
        assertThat(TopicProbe.header(first, "kafka_dlt-original-topic")).isEqualTo(Topics.REFERRAL_EVENTS);
        assertThat(TopicProbe.header(first, "kafka_dlt-exception-fqcn")).isEqualTo("no.samhandling.events.InvalidEventException");
        assertThat(TopicProbe.header(first, "kafka_dlt-exception-message")).startsWith("Payload is not a valid referral.submitted.v1: ")
                .doesNotContain("not json").doesNotContain("2003");
        assertThat(TopicProbe.header(first, "kafka_dlt-exception-stacktrace")).isNull();
        assertThat(meters.counter("samhandling.events.dead.lettered", "topic", DEAD_LETTERS).count()).isGreaterThanOrEqualTo(3);
        await().atMost(Duration.ofSeconds(5)).until(() -> output.getAll().contains("-0@" + originalOffset(dead.getLast()) + " "));
        for (ConsumerRecord<String, byte[]> record : dead) {
            String named = Topics.REFERRAL_EVENTS + "-0@" + originalOffset(record) + " ";
            assertThat(output.getAll().lines().filter(line -> line.contains(named))).as(named).singleElement()
                    .satisfies(line -> assertThat(line).contains("dead-lettered to " + DEAD_LETTERS + ": InvalidEventException"));
        }
        assertThat(output.getAll().lines()).noneMatch(line -> line.contains("\tat org.springframework.kafka"));
        assertThat(output.getAll()).doesNotContain("not json").doesNotContain("01.02.2003");
    }

    @Test
    void refusesARecordItsTopicsOwnerDidNotWrite() {
        ReferralSubmitted forged = submitted("arena-forged");
        ProducerRecord<String, byte[]> record = codec.toRecord(forged);
        record.headers().remove("ce_source");
        record.headers().add("ce_source", "/samhandling/someone-else".getBytes(StandardCharsets.UTF_8));
        ReferralSubmitted after = submitted("arena-1");

        producer.send(record);
        producer.send(codec.toRecord(after));

        try (TopicProbe probe = new TopicProbe(brokers(), DEAD_LETTERS)) {
            ConsumerRecord<String, byte[]> dead = probe.awaitRecord(
                    dlq -> forged.eventId().toString().equals(TopicProbe.header(dlq, "ce_id")), Duration.ofSeconds(30)).stream()
                    .filter(dlq -> forged.eventId().toString().equals(TopicProbe.header(dlq, "ce_id"))).findFirst().orElseThrow();
            assertThat(TopicProbe.header(dead, "kafka_dlt-exception-fqcn")).isEqualTo(ForeignSourceException.class.getName());
            assertThat(TopicProbe.header(dead, "kafka_dlt-exception-message"))
                    .isEqualTo("ce_source is not /samhandling/referral-service, the only source of referral.events");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> received.handled().contains(after));
        assertThat(received.handled()).noneMatch(e -> e.eventId().equals(forged.eventId()));
        assertThat(meters.counter(EventIntake.FOREIGN_SOURCE, "topic", Topics.REFERRAL_EVENTS).count()).isPositive();
    }

    @Test
    void eventTopicsKeepTheirRecordsForGoodAndDeadLetterTopicsForTheirOwnRetention() throws Exception {
        try (Admin admin = Admin.create(TestKafka.clientProperties(brokers()))) {
            assertThat(retentionOf(admin, Topics.REFERRAL_EVENTS)).isEqualTo("-1");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(retentionOf(admin, DEAD_LETTERS)).isEqualTo(Long.toString(Duration.ofDays(90).toMillis())));
        }
    }

    @Test
    void aDeadLetterTopicCreatedWithAnotherRetentionTakesTheConfiguredOneWhenTheServiceDeclaresItAgain() throws Exception {
        try (Admin admin = Admin.create(TestKafka.clientProperties(brokers()))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, DEAD_LETTERS);
            admin.incrementalAlterConfigs(Map.of(resource, List.of(new org.apache.kafka.clients.admin.AlterConfigOp(
                    new org.apache.kafka.clients.admin.ConfigEntry("retention.ms", "-1"),
                    org.apache.kafka.clients.admin.AlterConfigOp.OpType.SET)))).all().get();
            // A topic's config reaches the brokers from the controller a moment after the change is accepted.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(retentionOf(admin, DEAD_LETTERS)).isEqualTo("-1"));

            // What the service does at every start (KafkaAdmin.initialize) and a batch consumer when it starts.
            kafkaAdmin.createOrModifyTopics(EventsAutoConfiguration.deadLetterTopic(DEAD_LETTERS, topicProperties));

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(retentionOf(admin, DEAD_LETTERS)).isEqualTo(Long.toString(Duration.ofDays(90).toMillis())));
        }
    }

    private static String retentionOf(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get().get(resource).get("retention.ms").value();
    }

    @Test
    void skipsAWellFormedEventOfATypeFromANewerContractCountingItUnderItsTopic() {
        ReferralSubmitted after = submitted("arena-1");
        ProducerRecord<String, byte[]> newer = codec.toRecord(submitted("arena-1"));
        newer.headers().remove("ce_type");
        newer.headers().add("ce_type", "referral.something-new.v1".getBytes(StandardCharsets.UTF_8));

        producer.send(newer);
        producer.send(codec.toRecord(after));

        // One partition in tests: once the later event is handled, the newer one was read before it.
        await().atMost(Duration.ofSeconds(30)).until(() -> received.handled().contains(after));
        assertThat(meters.counter(EventIntake.UNKNOWN_TYPE, "topic", Topics.REFERRAL_EVENTS).count()).isPositive();
        // A type from the wire never becomes a tag: the metric stays bounded whatever is written to the topic.
        assertThat(meters.find(EventIntake.UNKNOWN_TYPE).counters())
                .allSatisfy(counter -> assertThat(counter.getId().getTag("type")).isNull());
        try (TopicProbe probe = new TopicProbe(brokers(), DEAD_LETTERS)) {
            assertThat(probe.drain(Duration.ofSeconds(2))).noneMatch(record -> newer.key().equals(record.key()));
        }
    }

    @Test
    void retriesAFailingHandlerABoundedNumberOfTimesThenDeadLettersItWithTheRootCause() {
        ReferralSubmitted event = submitted(ReceivedEvents.FAILING_ARENA);

        producer.send(codec.toRecord(event));

        try (TopicProbe probe = new TopicProbe(brokers(), DEAD_LETTERS)) {
            ConsumerRecord<String, byte[]> dead = probe.awaitRecord(
                    record -> event.eventId().toString().equals(TopicProbe.header(record, "ce_id")), Duration.ofSeconds(30)).stream()
                    .filter(record -> event.eventId().toString().equals(TopicProbe.header(record, "ce_id"))).findFirst().orElseThrow();
            // The root cause, not the container's "Listener failed"; what it quotes is masked.
            assertThat(TopicProbe.header(dead, "kafka_dlt-exception-fqcn")).isEqualTo(IllegalArgumentException.class.getName());
            assertThat(TopicProbe.header(dead, "kafka_dlt-exception-message")).isEqualTo("arena '…' has no rhythm");
        }
        // The default policy: one delivery and four retries with backoff.
        assertThat(received.failingAttempts()).isEqualTo(5);
        assertThat(received.handled()).noneMatch(e -> e.eventId().equals(event.eventId()));
    }

    @Test
    void keepsRetryingWhileItsOwnStoreIsUnreachableInsteadOfDeadLettering() {
        ReferralSubmitted event = submitted(ReceivedEvents.STORE_DOWN_ARENA);

        producer.send(codec.toRecord(event));

        await().atMost(Duration.ofSeconds(30)).until(() -> received.handled().contains(event));
        assertThat(received.storeDownAttempts()).isGreaterThan(ReceivedEvents.STORE_DOWN_ATTEMPTS);
        try (TopicProbe probe = new TopicProbe(brokers(), DEAD_LETTERS)) {
            assertThat(probe.drain(Duration.ofSeconds(2)))
                    .noneMatch(record -> event.eventId().toString().equals(TopicProbe.header(record, "ce_id")));
        }
    }

    /** spring-kafka writes the original offset as eight bytes. */
    private static long originalOffset(ConsumerRecord<?, ?> deadLetter) {
        return ByteBuffer.wrap(deadLetter.headers().lastHeader("kafka_dlt-original-offset").value()).getLong();
    }

    @Test
    void theBindersConsumerLagMetricLogsNoWarningsAboutPartitionsItDoesNotConsume(CapturedOutput output) {
        // The binder's lag gauge asks for end offsets of partitions its metadata consumer is not assigned.
        String scraped = HttpApi.at(port).as(TestTokens.metricsToken()).get("/actuator/prometheus").body();

        assertThat(scraped).contains("spring_cloud_stream_binder_kafka_offset");
        assertThat(LoggerFactory.getLogger("org.apache.kafka.clients.consumer.internals.OffsetFetcherUtils").isWarnEnabled()).isFalse();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> !output.getAll().contains("Not updating high watermark"));
    }

    private static ReferralSubmitted submitted(String arenaId) {
        return new ReferralSubmitted(UUID.randomUUID(), Instant.now(), "1547", UUID.randomUUID().toString(), arenaId,
                DiscussionBasis.ANONYMOUS, null, null, "6-12", "SCHOOL", List.of("ABSENCE"), PreventionLevel.YELLOW, IntakePath.STAFF, false);
    }

    private String brokers() {
        return String.join(",", kafka.getBootstrapServers());
    }
}
