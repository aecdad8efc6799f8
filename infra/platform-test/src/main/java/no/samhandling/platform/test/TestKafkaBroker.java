package no.samhandling.platform.test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.common.metadata.UserScramCredentialRecord;
import org.apache.kafka.common.security.scram.ScramCredential;
import org.apache.kafka.common.security.scram.internals.ScramFormatter;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.metadata.authorizer.StandardAuthorizer;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import org.apache.kafka.server.common.ApiMessageAndVersion;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.samhandling.kafka.KafkaAccess;
import no.samhandling.kafka.KafkaCredentials;
import no.samhandling.kafka.KafkaProvisioning;

/**
 * A real Kafka broker in this JVM (KRaft, one combined node, Kafka's own test kit), secured like the
 * local runtime's: SASL/SCRAM-SHA-512 on the broker listener, SASL/PLAIN for the broker's own user
 * on the controller listener, the StandardAuthorizer with {@link KafkaAccess}'s ACLs, and the event
 * topics provisioned. The users asked for get a fresh random password; tests sign in as
 * {@link KafkaAccess#ADMIN} ({@link TestKafka}).
 */
public final class TestKafkaBroker implements AutoCloseable {

    private static final String SOURCE = "samhandling-test";
    private static final Logger log = LoggerFactory.getLogger(TestKafkaBroker.class);

    static {
        // A broker shutting down with the test JVM may call Exit on a fault; that must not end the test run.
        Exit.setExitProcedure((status, message) -> log.warn("Kafka asked to exit({}): {}", status, message));
        Exit.setHaltProcedure((status, message) -> log.warn("Kafka asked to halt({}): {}", status, message));
    }

    private final KafkaClusterTestKit cluster;
    private final KafkaCredentials admin;
    private final Map<String, KafkaCredentials> principals;

    private TestKafkaBroker(KafkaClusterTestKit cluster, KafkaCredentials admin, Map<String, KafkaCredentials> principals) {
        this.cluster = cluster;
        this.admin = admin;
        this.principals = principals;
    }

    /**
     * Starts, provisions and returns the broker; event topics get the given number of partitions.
     *
     * @param users the principals of {@link KafkaAccess} that get a password (each costs the client a
     *              SCRAM derivation, so a component test names only the service under test)
     */
    public static TestKafkaBroker start(int partitions, String... users) {
        KafkaCredentials admin = new KafkaCredentials(KafkaAccess.ADMIN, KafkaCredentials.newPassword());
        Map<String, KafkaCredentials> principals = new LinkedHashMap<>();
        for (String user : users) {
            KafkaAccess.grantOf(user);
            principals.put(user, new KafkaCredentials(user, KafkaCredentials.newPassword()));
        }
        KafkaClusterTestKit cluster = null;
        try {
            TestKitNodes nodes = new TestKitNodes.Builder(bootstrapMetadataWith(admin))
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
            brokerProperties(nodes, admin, partitions).forEach(builder::setConfigProp);
            cluster = builder.build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            TestKafkaBroker broker = new TestKafkaBroker(cluster, admin, principals);
            try (Admin client = broker.admin()) {
                KafkaProvisioning.apply(client, principals.values(), partitions, (short) 1);
            }
            TestKafka.register(broker);
            return broker;
        } catch (Exception e) {
            if (cluster != null) {
                Utils.closeQuietly(cluster, "test Kafka broker");
            }
            throw new IllegalStateException("The test Kafka broker did not start", e);
        }
    }

    private static Map<String, Object> brokerProperties(TestKitNodes nodes, KafkaCredentials admin, int partitions) {
        String broker = nodes.brokerListenerName().value().toLowerCase();
        String controller = nodes.controllerListenerName().value().toLowerCase();
        String mechanism = KafkaCredentials.MECHANISM;
        Map<String, Object> properties = new HashMap<>();
        properties.put("listener.security.protocol.map", nodes.brokerListenerName().value() + ":SASL_PLAINTEXT,"
                + nodes.controllerListenerName().value() + ":SASL_PLAINTEXT");
        properties.put("listener.name." + broker + ".sasl.enabled.mechanisms", mechanism);
        properties.put("listener.name." + broker + "." + mechanism.toLowerCase() + ".sasl.jaas.config", admin.jaasConfig());
        properties.put("sasl.mechanism.inter.broker.protocol", mechanism);
        properties.put("listener.name." + controller + ".sasl.enabled.mechanisms", "PLAIN");
        properties.put("listener.name." + controller + ".plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"%1$s\" password=\"%2$s\" user_%1$s=\"%2$s\";"
                        .formatted(admin.username(), admin.password()));
        properties.put("sasl.mechanism.controller.protocol", "PLAIN");
        properties.put("authorizer.class.name", StandardAuthorizer.class.getName());
        properties.put("super.users", "User:" + admin.username());
        properties.put("allow.everyone.if.no.acl.found", "false");
        properties.put("auto.create.topics.enable", "false");
        properties.put("num.partitions", Integer.toString(partitions));
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        return properties;
    }

    /**
     * The test kit's metadata, plus the admin's SCRAM credentials: as {@code kafka-storage format --add-scram}
     * does, since no one can sign in to create the first user.
     */
    private static BootstrapMetadata bootstrapMetadataWith(KafkaCredentials admin) throws Exception {
        MetadataVersion version = MetadataVersion.latestTesting();
        BootstrapMetadata defaults = BootstrapMetadata.fromVersions(version,
                Feature.PRODUCTION_FEATURES.stream().collect(Collectors.toMap(Feature::featureName,
                        feature -> feature.defaultLevel(version), (first, second) -> first, TreeMap::new)),
                SOURCE);
        ScramFormatter formatter = new ScramFormatter(
                org.apache.kafka.common.security.scram.internals.ScramMechanism.SCRAM_SHA_512);
        ScramCredential credential = formatter.generateCredential(admin.password(), 4096);
        List<ApiMessageAndVersion> records = new ArrayList<>(defaults.records());
        records.add(new ApiMessageAndVersion(new UserScramCredentialRecord()
                .setName(admin.username())
                .setMechanism(ScramMechanism.SCRAM_SHA_512.type())
                .setSalt(credential.salt())
                .setStoredKey(credential.storedKey())
                .setServerKey(credential.serverKey())
                .setIterations(credential.iterations()), (short) 0));
        return BootstrapMetadata.fromRecords(records, SOURCE);
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** The broker's super user, as the tests' own clients sign in. */
    public KafkaCredentials adminCredentials() {
        return admin;
    }

    /** A principal of {@link KafkaAccess}, with the password this broker gave it. */
    public Optional<KafkaCredentials> credentials(String principal) {
        return Optional.ofNullable(principals.get(principal));
    }

    /** Security settings and bootstrap servers for a client signing in as the given user. */
    public Map<String, Object> clientProperties(KafkaCredentials user) {
        Map<String, Object> properties = new HashMap<>(user.clientProperties());
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return properties;
    }

    public Admin admin() {
        return Admin.create(clientProperties(admin));
    }

    @Override
    public void close() {
        TestKafka.unregister(this);
        Utils.closeQuietly(cluster, "test Kafka broker");
    }
}
