package no.samhandling.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import no.samhandling.kafka.KafkaAccess;
import no.samhandling.local.RunningSystem;
import no.samhandling.platform.test.TestProducer;
import no.samhandling.platform.test.TopicProbe;

/**
 * The broker of the running system lets in only its users, and each only where {@code KafkaAccess}
 * allows: a forged {@code consent.subject-erased.v1} (which would destroy a child's key) or
 * {@code arena.member-joined.v1} (which would grant need-to-know) never reaches a topic.
 */
@ExtendWith(LocalSystemExtension.class)
class BrokerAccessSystemTest {

    static RunningSystem system;

    @BeforeAll
    static void start() {
        system = LocalSystemExtension.system();
    }

    @Test
    void refusesAProducerWithoutCredentials() {
        Map<String, Object> anonymous = new HashMap<>(Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrapServers(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000));
        ProducerRecord<String, byte[]> forged = forged("consent.events", "consent.subject-erased.v1", "/samhandling/consent-service");

        try (TestProducer producer = new TestProducer(anonymous)) {
            // The broker answers nothing but the SASL handshake, so the client never learns where the topic is.
            assertThatThrownBy(() -> producer.send(forged)).hasRootCauseInstanceOf(TimeoutException.class);
        }
        assertNeverArrived(forged);
    }

    @Test
    void refusesAServiceCredentialOnAnotherServicesTopic() {
        ProducerRecord<String, byte[]> forged = forged("arena.events", "arena.member-joined.v1", "/samhandling/arena-service");

        try (TestProducer producer = new TestProducer(system.kafkaClientProperties("referral-service"))) {
            assertThatThrownBy(() -> producer.send(forged)).hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        assertNeverArrived(forged);
    }

    @Test
    void theExternalReadersCredentialsWriteNothing() {
        ProducerRecord<String, byte[]> forged = forged("referral.events", "referral.withdrawn.v1", "/samhandling/referral-service");

        try (TestProducer producer = new TestProducer(system.kafkaClientProperties(KafkaAccess.EXTERNAL_READER))) {
            assertThatThrownBy(() -> producer.send(forged)).hasCauseInstanceOf(AuthorizationException.class);
        }
        assertNeverArrived(forged);
    }

    private static ProducerRecord<String, byte[]> forged(String topic, String type, String source) {
        String key = "forged-" + UUID.randomUUID();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key,
                "{\"aggregateId\": \"%s\"}".formatted(key).getBytes(StandardCharsets.UTF_8));
        record.headers()
                .add("ce_specversion", bytes("1.0"))
                .add("ce_id", bytes(UUID.randomUUID().toString()))
                .add("ce_source", bytes(source))
                .add("ce_type", bytes(type))
                .add("ce_time", bytes(Instant.now().toString()))
                .add("ce_subject", bytes(key))
                .add("content-type", bytes("application/json"));
        return record;
    }

    private static void assertNeverArrived(ProducerRecord<String, byte[]> forged) {
        try (TopicProbe probe = new TopicProbe(system.kafkaClientProperties(KafkaAccess.ADMIN), "system-test", forged.topic())) {
            assertThat(probe.drain(Duration.ofSeconds(3))).noneMatch(record -> forged.key().equals(record.key()));
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
