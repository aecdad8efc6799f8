package no.samhandling.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import com.mongodb.client.model.Filters;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import no.samhandling.events.Topics;
import no.samhandling.platform.cluster.Leases;
import no.samhandling.platform.test.ServiceTest;
import no.samhandling.platform.test.TestKafka;
import no.samhandling.platform.test.TopicProbe;
import no.samhandling.platform.testapp.Concern;
import no.samhandling.platform.testapp.TestApplication;

/**
 * The outbox with the application's own relay switched off, so that each test decides when and
 * through which producer the pending events are relayed.
 */
@ServiceTest
@ContextConfiguration(classes = TestApplication.class)
@TestPropertySource(properties = "samhandling.outbox.enabled=false")
class OutboxTest {

    @Autowired
    AggregateStores stores;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    CloudEventCodec codec;

    // The context's own broker: the bootstrap-servers property is JVM-wide and names the broker of the last context started.
    @Autowired
    KafkaConnectionDetails kafka;

    @Test
    void storesTheEventsInTheSameDocumentAsTheChange() {
        AggregateStore<Concern> concerns = stores.of(Concern.class);
        Concern concern = concerns.save(Concern.register(id(), "1547", "arena-1"));

        Document stored = raw(concern.id());
        assertThat(stored.getLong("version")).isZero();
        assertThat(stored.getList("outbox", Document.class)).singleElement()
                .satisfies(entry -> assertThat(entry.getString("type")).isEqualTo("referral.submitted.v1"));
    }

    @Test
    void publishesCloudEventsInAggregateOrderAndEmptiesTheOutbox() {
        AggregateStore<Concern> concerns = stores.of(Concern.class);
        Concern concern = concerns.save(Concern.register(id(), "1547", "arena-1"));
        concern.registerAgain();
        concern.registerAgain();
        concerns.save(concern);
        List<String> pendingIds = raw(concern.id()).getList("outbox", Document.class).stream()
                .map(entry -> entry.getString("eventId")).toList();

        OutboxRelay.Pass pass = relay(brokers()).relayPending();

        assertThat(pass.failedAggregates()).isZero();
        assertThat(raw(concern.id()).getList("outbox", Document.class)).isEmpty();
        try (TopicProbe probe = new TopicProbe(brokers(), Topics.REFERRAL_EVENTS)) {
            List<ConsumerRecord<String, byte[]>> records = probe.awaitRecord(
                    record -> record.key().equals(concern.id()) && TopicProbe.header(record, "ce_id").equals(pendingIds.get(2)),
                    Duration.ofSeconds(20));
            List<ConsumerRecord<String, byte[]>> mine = records.stream().filter(r -> r.key().equals(concern.id())).toList();
            assertThat(mine).extracting(r -> TopicProbe.header(r, "ce_id")).containsExactlyElementsOf(pendingIds);
            ConsumerRecord<String, byte[]> first = mine.getFirst();
            assertThat(TopicProbe.header(first, "ce_specversion")).isEqualTo("1.0");
            assertThat(TopicProbe.header(first, "ce_type")).isEqualTo("referral.submitted.v1");
            assertThat(TopicProbe.header(first, "ce_source")).isEqualTo("/samhandling/platform-test");
            assertThat(TopicProbe.header(first, "ce_subject")).isEqualTo(concern.id());
            assertThat(TopicProbe.header(first, "ce_time")).isNotBlank();
            assertThat(TopicProbe.header(first, "ce_municipality")).isEqualTo("1547");
            assertThat(TopicProbe.header(first, "content-type")).isEqualTo("application/json");
            assertThat(CloudEventCodec.decode(first.headers(), first.value()).eventId().toString()).isEqualTo(pendingIds.getFirst());
        }
    }

    @Test
    void aPassAfterSavesReadsOnlyTheDocumentsSavedAndTheSweepFindsTheRest() {
        AggregateStore<Concern> concerns = stores.of(Concern.class);
        Concern unnamed = concerns.save(Concern.register(id(), "1547", "arena-1"));
        Concern saved = concerns.save(Concern.register(id(), "1547", "arena-1"));
        OutboxRelay relay = relay(brokers());
        String collection = mongo.getCollectionName(Concern.class);

        relay.wakeUp(collection, saved.id());
        OutboxRelay.Pass afterSave = relay.relaySaved();

        assertThat(afterSave).isEqualTo(new OutboxRelay.Pass(1, 0));
        assertThat(raw(saved.id()).getList("outbox", Document.class)).isEmpty();
        assertThat(raw(unnamed.id()).getList("outbox", Document.class)).hasSize(1);
        assertThat(relay.relaySaved()).isEqualTo(OutboxRelay.Pass.NONE);

        relay.relayPending();

        assertThat(raw(unnamed.id()).getList("outbox", Document.class)).isEmpty();
    }

    @Test
    void keepsEventsWhileTheBrokerIsUnreachableAndPublishesThemOnceItIsBack() {
        AggregateStore<Concern> concerns = stores.of(Concern.class);
        Concern concern = concerns.save(Concern.register(id(), "1547", "arena-1"));

        OutboxRelay.Pass duringOutage = relay("127.0.0.1:1").relayPending();

        assertThat(duringOutage.failedAggregates()).isPositive();
        assertThat(raw(concern.id()).getList("outbox", Document.class)).hasSize(1);

        // A fresh relay stands for the service restarted after a crash: it finds what was left.
        OutboxRelay.Pass afterRecovery = relay(brokers()).relayPending();

        assertThat(afterRecovery.failedAggregates()).isZero();
        assertThat(raw(concern.id()).getList("outbox", Document.class)).isEmpty();
    }

    @Test
    void aLaterSaveDoesNotBringBackPublishedEntries() {
        AggregateStore<Concern> concerns = stores.of(Concern.class);
        Concern concern = concerns.save(Concern.register(id(), "1547", "arena-1"));
        relay(brokers()).relayPending();

        concern.changeNote("endret");
        concerns.save(concern);

        assertThat(raw(concern.id()).getList("outbox", Document.class)).isEmpty();
        assertThat(raw(concern.id()).getString("note")).isEqualTo("endret");
    }

    @Test
    void rejectsASaveBasedOnAStaleVersion() {
        AggregateStore<Concern> concerns = stores.of(Concern.class);
        Concern concern = concerns.save(Concern.register(id(), "1547", "arena-1"));
        Concern first = concerns.find("1547", concern.id()).orElseThrow();
        Concern second = concerns.find("1547", concern.id()).orElseThrow();
        first.registerAgain();
        concerns.save(first);

        second.registerAgain();

        assertThatThrownBy(() -> concerns.save(second)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(raw(concern.id()).getList("outbox", Document.class)).hasSize(2);
    }

    @Test
    void removesAFieldThatBecameNull() {
        AggregateStore<Concern> concerns = stores.of(Concern.class);
        Concern concern = Concern.register(id(), "1547", "arena-1");
        concern.changeNote("midlertidig");
        concerns.save(concern);

        concern.changeNote(null);
        concerns.save(concern);

        assertThat(raw(concern.id()).containsKey("note")).isFalse();
    }

    @Test
    void findsNothingOfAnotherMunicipality() {
        AggregateStore<Concern> concerns = stores.of(Concern.class);
        Concern concern = concerns.save(Concern.register(id(), "1547", "arena-1"));

        assertThat(concerns.find("5028", concern.id())).isEmpty();
        assertThat(concerns.find("1547", concern.id())).isPresent();
    }

    private OutboxRelay relay(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>(TestKafka.clientProperties(bootstrapServers));
        config.putAll(Map.of(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 1_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2_000));
        KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
        OutboxRelay relay = new OutboxRelay(mongo, template, codec,
                new OutboxProperties(false, Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofSeconds(1), 100, 16,
                        Duration.ofSeconds(30)),
                new SimpleMeterRegistry(), new Leases(mongo, Clock.systemUTC()));
        relay.watch(mongo.getCollectionName(Concern.class));
        return relay;
    }

    private Document raw(String id) {
        return mongo.getCollection(mongo.getCollectionName(Concern.class)).find(Filters.eq("_id", id)).first();
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private String brokers() {
        return String.join(",", kafka.getBootstrapServers());
    }
}
