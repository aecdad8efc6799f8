package no.samhandling.platform.test;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.CommonClientConfigs;

/**
 * How a test's own Kafka clients ({@link TestProducer}, {@link TopicProbe}, an admin) reach a broker by
 * its address alone: a {@link TestKafkaBroker} of this JVM requires its super user's credentials, which
 * this adds; any other broker (a Testcontainers image) is reached as it is.
 */
public final class TestKafka {

    private static final Map<String, TestKafkaBroker> BROKERS = new ConcurrentHashMap<>();

    private TestKafka() {
    }

    /** Bootstrap servers plus, for a test broker, the settings to sign in as its super user. */
    public static Map<String, Object> clientProperties(String bootstrapServers) {
        TestKafkaBroker broker = BROKERS.get(bootstrapServers);
        if (broker != null) {
            return broker.clientProperties(broker.adminCredentials());
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return properties;
    }

    static void register(TestKafkaBroker broker) {
        BROKERS.put(broker.bootstrapServers(), broker);
    }

    static void unregister(TestKafkaBroker broker) {
        BROKERS.remove(broker.bootstrapServers(), broker);
    }
}
