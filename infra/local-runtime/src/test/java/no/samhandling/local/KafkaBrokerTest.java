package no.samhandling.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    @Test
    void writesSingleNodeKraftPropertiesWithLogDirUnderTheDataDir() throws IOException {
        Path logDir = Path.of("/data/local/kafka/logs");
        Properties properties = new Properties();
        properties.load(new StringReader(KafkaBroker.serverProperties(logDir)));

        assertThat(properties)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "1")
                .containsEntry("controller.quorum.bootstrap.servers", "127.0.0.1:9093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
                .containsEntry("controller.listener.names", "CONTROLLER")
                .containsEntry("log.dirs", logDir.toAbsolutePath().toString())
                .containsEntry("auto.create.topics.enable", "false")
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .containsEntry("min.insync.replicas", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("share.coordinator.state.topic.min.isr", "1");
        assertThat(properties.getProperty("advertised.listeners")).startsWith("PLAINTEXT://127.0.0.1:9092");
        properties.stringPropertyNames().stream()
                .filter(name -> name.endsWith("replication.factor"))
                .forEach(name -> assertThat(properties.getProperty(name)).as(name).isEqualTo("1"));
        assertThat(properties.stringPropertyNames())
                .contains("offsets.topic.replication.factor", "transaction.state.log.replication.factor",
                        "share.coordinator.state.topic.replication.factor", "default.replication.factor");
    }
}
