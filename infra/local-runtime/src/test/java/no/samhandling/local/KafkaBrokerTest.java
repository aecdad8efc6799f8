package no.samhandling.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import no.samhandling.kafka.KafkaCredentials;

class KafkaBrokerTest {

    static final KafkaCredentials ADMIN = new KafkaCredentials("admin", "admin-password");
    static final KafkaCredentials READER = new KafkaCredentials("external-reader", "reader-password");

    @Test
    void writesSingleNodeKraftPropertiesWithLogDirUnderTheDataDir() throws IOException {
        Path logDir = Path.of("/data/local/kafka/logs");
        Properties properties = new Properties();
        properties.load(new StringReader(KafkaBroker.serverProperties(logDir, ADMIN, READER)));

        assertThat(properties)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "1")
                .containsEntry("controller.quorum.bootstrap.servers", "127.0.0.1:9093")
                .containsEntry("listeners", "BROKER://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
                .containsEntry("controller.listener.names", "CONTROLLER")
                .containsEntry("log.dirs", logDir.toAbsolutePath().toString())
                .containsEntry("auto.create.topics.enable", "false")
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .containsEntry("min.insync.replicas", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("share.coordinator.state.topic.min.isr", "1")
                // Kafka's default, 128 MiB, is allocated whole at start for compacting __consumer_offsets.
                .containsEntry("log.cleaner.dedupe.buffer.size", "8388608");
        assertThat(properties.getProperty("advertised.listeners")).startsWith("BROKER://127.0.0.1:9092");
        properties.stringPropertyNames().stream()
                .filter(name -> name.endsWith("replication.factor"))
                .forEach(name -> assertThat(properties.getProperty(name)).as(name).isEqualTo("1"));
        assertThat(properties.stringPropertyNames())
                .contains("offsets.topic.replication.factor", "transaction.state.log.replication.factor",
                        "share.coordinator.state.topic.replication.factor", "default.replication.factor");
    }

    @Test
    void everyListenerAuthenticatesAndOnlyTheBrokersOwnUserIsSuper() throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(KafkaBroker.serverProperties(Path.of("/data/local/kafka/logs"), ADMIN, READER)));

        assertThat(properties.getProperty("listener.security.protocol.map"))
                .isEqualTo("BROKER:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        assertThat(properties)
                .containsEntry("listener.name.broker.sasl.enabled.mechanisms", "SCRAM-SHA-512,PLAIN")
                .containsEntry("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512")
                .containsEntry("listener.name.controller.sasl.enabled.mechanisms", "PLAIN")
                .containsEntry("sasl.mechanism.controller.protocol", "PLAIN")
                .containsEntry("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .containsEntry("super.users", "User:admin")
                .containsEntry("allow.everyone.if.no.acl.found", "false");
        assertThat(properties.getProperty("listener.name.controller.plain.sasl.jaas.config"))
                .contains("username=\"admin\" password=\"admin-password\" user_admin=\"admin-password\"");
        // PLAIN on the broker port knows the read-only user alone (for kcat builds that cannot do Kafka 4's SCRAM).
        assertThat(properties.getProperty("listener.name.broker.plain.sasl.jaas.config"))
                .endsWith("PlainLoginModule required user_external-reader=\"reader-password\";")
                .doesNotContain("admin");
        assertThat(properties.stringPropertyNames()).noneMatch(name -> properties.getProperty(name).contains("PLAINTEXT://"));
    }
}
