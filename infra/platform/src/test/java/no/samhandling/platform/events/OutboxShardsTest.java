package no.samhandling.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import no.samhandling.events.DomainEvent;
import no.samhandling.events.Topics;
import no.samhandling.platform.cluster.Leases;
import no.samhandling.platform.test.ServiceTest;
import no.samhandling.platform.test.TestKafka;
import no.samhandling.platform.test.TopicProbe;
import no.samhandling.platform.testapp.Concern;
import no.samhandling.platform.testapp.TestApplication;

/**
 * Two instances' relays on one outbox (one MongoDB, one broker): they share its shards, and every
 * aggregate's events reach Kafka once each and in order, also when one instance stops or dies.
 */
@ServiceTest
@ContextConfiguration(classes = TestApplication.class)
@TestPropertySource(properties = "samhandling.outbox.enabled=false")
class OutboxShardsTest {

    private static final Duration LEASE = Duration.ofSeconds(3);

    @Autowired
    AggregateStores stores;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    CloudEventCodec codec;

    // The context's own broker: the bootstrap-servers property is JVM-wide and names the broker of the last context started.
    @Autowired
    KafkaConnectionDetails kafka;

    private final List<OutboxRelay> relays = new ArrayList<>();

    @AfterEach
    void stopRelays() {
        relays.forEach(OutboxRelay::stop);
    }

    @Test
    void twoRelaysShareTheShardsAndSendEachAggregatesEventsOnceAndInOrder() {
        OutboxRelay first = relay(new Leases(mongo, Clock.systemUTC()));
        OutboxRelay second = relay(new Leases(mongo, Clock.systemUTC()));
        first.start();
        second.start();

        Map<String, List<String>> sent = saveInRounds(20, 5, () -> { });

        assertDeliveredOnceInOrder(sent);
        // A shard one relay gives up to even out the load is free for a moment before the other takes it.
        await().atMost(Duration.ofSeconds(10)).until(() -> !first.heldShards().isEmpty() && !second.heldShards().isEmpty()
                && first.heldShards().size() + second.heldShards().size() == 16);
        assertThat(first.heldShards()).doesNotContainAnyElementsOf(second.heldShards());
    }

    @Test
    void theShardsOfARelayThatStopsAreTakenOverAndNothingIsLostOrReordered() {
        OutboxRelay first = relay(new Leases(mongo, Clock.systemUTC()));
        OutboxRelay second = relay(new Leases(mongo, Clock.systemUTC()));
        first.start();
        second.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> !first.heldShards().isEmpty() && !second.heldShards().isEmpty());

        Map<String, List<String>> sent = saveInRounds(10, 3, () -> { });
        first.stop();
        Map<String, List<String>> after = saveInRounds(10, 3, () -> { });

        await().atMost(Duration.ofSeconds(10)).until(() -> second.heldShards().size() == 16);
        sent.putAll(after);
        assertDeliveredOnceInOrder(sent);
    }

    @Test
    void theShardsOfARelayThatDiedAreTakenOverOnceItsLeasesLapse() {
        Leases dead = new Leases(mongo, Clock.systemUTC());
        for (int shard = 0; shard < 16; shard++) {
            assertThat(dead.hold("outbox-shard-" + shard, LEASE)).isTrue();
        }
        OutboxRelay survivor = relay(new Leases(mongo, Clock.systemUTC()));
        survivor.start();

        Map<String, List<String>> sent = saveInRounds(5, 2, () -> assertThat(survivor.heldShards()).isEmpty());

        await().atMost(LEASE.multipliedBy(4)).until(() -> survivor.heldShards().size() == 16);
        assertDeliveredOnceInOrder(sent);
    }

    /** Saves each aggregate {@code rounds} times, interleaved; returns each aggregate's event ids in the order raised. */
    private Map<String, List<String>> saveInRounds(int aggregates, int rounds, Runnable betweenRounds) {
        AggregateStore<Concern> concerns = stores.of(Concern.class);
        relays.forEach(relay -> relay.watch(concerns.collection()));
        Map<String, List<String>> sent = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < aggregates; i++) {
            String id = UUID.randomUUID().toString();
            Concern concern = Concern.register(id, "1547", "arena-shards");
            sent.computeIfAbsent(id, any -> new ArrayList<>()).addAll(eventIds(concern.pendingEvents()));
            concerns.save(concern);
            ids.add(id);
        }
        for (int round = 1; round < rounds; round++) {
            for (String id : ids) {
                Concern concern = concerns.find("1547", id).orElseThrow();
                concern.registerAgain();
                sent.get(id).addAll(eventIds(concern.pendingEvents()));
                concerns.save(concern);
            }
            betweenRounds.run();
        }
        return sent;
    }

    private void assertDeliveredOnceInOrder(Map<String, List<String>> sent) {
        Set<String> expected = new HashSet<>();
        sent.values().forEach(expected::addAll);
        try (TopicProbe probe = new TopicProbe(brokers(), Topics.REFERRAL_EVENTS)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> probe.drain(Duration.ofMillis(300)).stream()
                    .map(record -> TopicProbe.header(record, "ce_id")).collect(Collectors.toSet()).containsAll(expected));
            // A little longer, so that a late second copy of anything would be seen too.
            List<ConsumerRecord<String, byte[]>> records = probe.drain(Duration.ofSeconds(1));
            Map<String, List<String>> received = new HashMap<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                if (sent.containsKey(record.key())) {
                    received.computeIfAbsent(record.key(), any -> new ArrayList<>()).add(TopicProbe.header(record, "ce_id"));
                }
            }
            assertThat(received).isEqualTo(sent);
        }
    }

    private OutboxRelay relay(Leases leases) {
        Map<String, Object> config = new HashMap<>(TestKafka.clientProperties(brokers()));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
        OutboxRelay relay = new OutboxRelay(mongo, template, codec,
                new OutboxProperties(true, Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofSeconds(1), 100, 16, LEASE),
                new SimpleMeterRegistry(), leases);
        relays.add(relay);
        return relay;
    }

    private static List<String> eventIds(List<DomainEvent> events) {
        return events.stream().map(event -> event.eventId().toString()).toList();
    }

    private String brokers() {
        return String.join(",", kafka.getBootstrapServers());
    }
}
