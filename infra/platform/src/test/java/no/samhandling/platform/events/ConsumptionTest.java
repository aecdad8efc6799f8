package no.samhandling.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.ContextConfiguration;

import io.micrometer.core.instrument.MeterRegistry;
import no.samhandling.events.Topics;
import no.samhandling.events.referral.DiscussionBasis;
import no.samhandling.events.referral.IntakePath;
import no.samhandling.events.referral.PreventionLevel;
import no.samhandling.events.referral.ReferralSubmitted;
import no.samhandling.platform.test.ServiceTest;
import no.samhandling.platform.test.TestKafka;
import no.samhandling.platform.test.TestProducer;
import no.samhandling.platform.test.TopicProbe;
import no.samhandling.platform.testapp.ReceivedEvents;
import no.samhandling.platform.testapp.TestApplication;

@ServiceTest
@ContextConfiguration(classes = TestApplication.class)
class ConsumptionTest {

    static final String DEAD_LETTERS = "referral.events.platform-test.dlq";

    @Autowired
    ReceivedEvents received;

    @Autowired
    CloudEventCodec codec;

    @Autowired
    MeterRegistry meters;

    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    TestProducer producer;

    @BeforeEach
    void producer() {
        producer = new TestProducer(brokers);
    }

    @AfterEach
    void close() {
        producer.close();
    }

    @Test
    void handlesARedeliveredEventOnlyOnce() {
        ReferralSubmitted event = submitted("arena-1");
        ReferralSubmitted later = new ReferralSubmitted(UUID.randomUUID(), Instant.now(), "1547", event.aggregateId(), "arena-1",
                DiscussionBasis.ANONYMOUS, null, null, "6-12", "SCHOOL", List.of(), PreventionLevel.GREEN, IntakePath.STAFF, false);

        producer.send(codec.toRecord(event));
        producer.send(codec.toRecord(event));
        producer.send(codec.toRecord(later));

        // Same key, same partition: once the later event is handled, both copies of the first were seen.
        await().atMost(Duration.ofSeconds(30)).until(() -> received.handled().contains(later));
        assertThat(received.handled()).filteredOn(e -> e.eventId().equals(event.eventId())).hasSize(1);
        assertThat(meters.counter("samhandling.events.duplicates", "type", "referral.submitted.v1").count()).isPositive();
    }

    @Test
    void forgetsHandledEventsAfterTheRetention() {
        org.bson.Document index = mongo.getCollection(ProcessedEvents.COLLECTION).listIndexes().into(new java.util.ArrayList<>())
                .stream().filter(i -> "processedAt_ttl".equals(i.getString("name"))).findFirst().orElseThrow();

        assertThat(((Number) index.get("expireAfterSeconds")).longValue()).isEqualTo(Duration.ofDays(30).toSeconds());
    }

    @Test
    void deadLettersAnUnreadableRecordAtOnceWithItsHeadersAndTheError() {
        ProducerRecord<String, byte[]> garbage = new ProducerRecord<>(Topics.REFERRAL_EVENTS, "some-key",
                "{not json".getBytes(StandardCharsets.UTF_8));
        garbage.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        garbage.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        garbage.headers().add("ce_source", "/elsewhere".getBytes(StandardCharsets.UTF_8));
        garbage.headers().add("ce_type", "referral.submitted.v1".getBytes(StandardCharsets.UTF_8));
        garbage.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        garbage.headers().add("x-origin", "consumption-test".getBytes(StandardCharsets.UTF_8));

        producer.send(garbage);

        try (TopicProbe probe = new TopicProbe(brokers, DEAD_LETTERS)) {
            ConsumerRecord<String, byte[]> dead = probe.awaitRecord(
                    record -> "consumption-test".equals(TopicProbe.header(record, "x-origin")), Duration.ofSeconds(30))
                    .stream().filter(record -> "consumption-test".equals(TopicProbe.header(record, "x-origin"))).findFirst().orElseThrow();
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
            assertThat(TopicProbe.header(dead, "ce_type")).isEqualTo("referral.submitted.v1");
            assertThat(TopicProbe.header(dead, "kafka_dlt-exception-fqcn")).isNotBlank();
            assertThat(TopicProbe.header(dead, "kafka_dlt-original-topic")).isEqualTo(Topics.REFERRAL_EVENTS);
        }
        assertThat(meters.counter("samhandling.events.dead.lettered", "topic", DEAD_LETTERS).count()).isPositive();
    }

    @Test
    void eventAndDeadLetterTopicsKeepTheirRecordsForGood() throws Exception {
        try (Admin admin = Admin.create(TestKafka.clientProperties(brokers))) {
            for (String topic : List.of(Topics.REFERRAL_EVENTS, DEAD_LETTERS)) {
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                String retention = admin.describeConfigs(List.of(resource)).all().get().get(resource).get("retention.ms").value();
                assertThat(retention).as(topic).isEqualTo("-1");
            }
        }
    }

    @Test
    void skipsAWellFormedEventOfATypeFromANewerContract() {
        ReferralSubmitted after = submitted("arena-1");
        ProducerRecord<String, byte[]> newer = codec.toRecord(submitted("arena-1"));
        newer.headers().remove("ce_type");
        newer.headers().add("ce_type", "referral.something-new.v1".getBytes(StandardCharsets.UTF_8));

        producer.send(newer);
        producer.send(codec.toRecord(after));

        // One partition in tests: once the later event is handled, the newer one was read before it.
        await().atMost(Duration.ofSeconds(30)).until(() -> received.handled().contains(after));
        assertThat(meters.counter("samhandling.events.unknown.type", "type", "referral.something-new.v1").count()).isEqualTo(1);
        try (TopicProbe probe = new TopicProbe(brokers, DEAD_LETTERS)) {
            assertThat(probe.drain(Duration.ofSeconds(2))).noneMatch(record -> newer.key().equals(record.key()));
        }
    }

    @Test
    void retriesAFailingHandlerABoundedNumberOfTimesThenDeadLettersIt() {
        ReferralSubmitted event = submitted(ReceivedEvents.FAILING_ARENA);

        producer.send(codec.toRecord(event));

        try (TopicProbe probe = new TopicProbe(brokers, DEAD_LETTERS)) {
            probe.awaitRecord(record -> event.eventId().toString().equals(TopicProbe.header(record, "ce_id")), Duration.ofSeconds(30));
        }
        // The default policy: one delivery and four retries with backoff.
        assertThat(received.failingAttempts()).isEqualTo(5);
        assertThat(received.handled()).noneMatch(e -> e.eventId().equals(event.eventId()));
    }

    private static ReferralSubmitted submitted(String arenaId) {
        return new ReferralSubmitted(UUID.randomUUID(), Instant.now(), "1547", UUID.randomUUID().toString(), arenaId,
                DiscussionBasis.ANONYMOUS, null, null, "6-12", "SCHOOL", List.of("ABSENCE"), PreventionLevel.YELLOW, IntakePath.STAFF, false);
    }
}
