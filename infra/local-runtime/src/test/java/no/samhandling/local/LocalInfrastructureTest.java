package no.samhandling.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import no.samhandling.events.Topics;
import no.samhandling.kafka.KafkaAccess;
import no.samhandling.kafka.KafkaCredentials;

/** Kafka and MongoDB on their real, fixed ports, as the services will find them. */
class LocalInfrastructureTest {

    private static final String TOPIC = "local-runtime.check";
    private static final AclBinding STRAY_RIGHT = new AclBinding(
            new ResourcePattern(ResourceType.TOPIC, Topics.CONSENT_EVENTS, PatternType.LITERAL),
            new AccessControlEntry("User:arena-service", "*", AclOperation.WRITE, AclPermissionType.ALLOW));
    private static final AclBinding OTHER_USERS_RIGHT = new AclBinding(
            new ResourcePattern(ResourceType.TOPIC, TOPIC, PatternType.LITERAL),
            new AccessControlEntry("User:someone-else", "*", AclOperation.READ, AclPermissionType.ALLOW));

    @TempDir
    Path dataDir;

    @Test
    void servesKafkaAndMongoAndKeepsTheirDataAcrossARestart() throws Exception {
        LocalSystem system = new LocalSystem(infrastructureIn(dataDir), line -> System.out.println("local-system " + line));
        String value = "checked " + UUID.randomUUID();
        String clusterId;
        FileTime formattedAt;

        try (RunningSystem running = system.start()) {
            clusterId = clusterId(running);
            formattedAt = Files.getLastModifiedTime(dataDir.resolve("kafka/logs/meta.properties"));
            createTopic(running);
            produce(running.kafkaCredentials(KafkaAccess.ADMIN), TOPIC, value);
            assertThat(consumeAll(running, "first-start")).containsExactly(value);
            try (Admin admin = admin(running)) {
                admin.createAcls(List.of(STRAY_RIGHT, OTHER_USERS_RIGHT)).all().get(10, TimeUnit.SECONDS);
            }

            try (MongoClient mongo = MongoClients.create(running.mongoUri())) {
                // The handshake command drivers send; mongo-java-server has no "hello".
                Document hello = mongo.getDatabase("admin").runCommand(new Document("isMaster", 1));
                assertThat(hello.getInteger("maxWireVersion")).isEqualTo(13);
                collection(mongo).insertOne(new Document("_id", "persisted").append("value", value));
                assertThat(collection(mongo).find(Filters.eq("_id", "persisted")).first())
                        .containsEntry("value", value);
            }
        }

        assertThat(Ports.isFree(9092)).as("Kafka released its port").isTrue();
        assertThat(Ports.isFree(27017)).as("MongoDB released its port").isTrue();

        try (RunningSystem running = system.start()) {
            assertThat(clusterId(running)).as("the formatted log dir is reused").isEqualTo(clusterId);
            assertThat(Files.getLastModifiedTime(dataDir.resolve("kafka/logs/meta.properties"))).isEqualTo(formattedAt);
            assertThat(consumeAll(running, "second-start")).containsExactly(value);
            try (Admin admin = admin(running)) {
                assertThat(admin.describeAcls(AclBindingFilter.ANY).values().get(10, TimeUnit.SECONDS))
                        .as("a right outside KafkaAccess is taken back at start; another user's ACLs are left alone")
                        .doesNotContain(STRAY_RIGHT).contains(OTHER_USERS_RIGHT)
                        .containsAll(KafkaAccess.aclBindings());
            }
            try (MongoClient mongo = MongoClients.create(running.mongoUri())) {
                assertThat(collection(mongo).find(Filters.eq("_id", "persisted")).first())
                        .containsEntry("value", value);
            }
        }
    }

    @Test
    void theBrokerLetsInOnlyItsUsersEachWhereKafkaAccessAllows() throws Exception {
        try (RunningSystem running = new LocalSystem(infrastructureIn(dataDir), line -> { }).start()) {
            KafkaCredentials arena = running.kafkaCredentials("arena-service");
            KafkaCredentials reader = running.kafkaCredentials(KafkaAccess.EXTERNAL_READER);
            Map<String, Object> anonymous = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, LocalSystem.KAFKA_BOOTSTRAP_SERVERS);

            assertThatThrownBy(() -> produce(anonymous, Topics.ARENA_EVENTS, "forged"))
                    .as("a client without credentials").hasRootCauseInstanceOf(TimeoutException.class);
            assertThatThrownBy(() -> produce(running.kafkaCredentials("referral-service"), Topics.ARENA_EVENTS, "forged"))
                    .as("another service's topic").hasCauseInstanceOf(TopicAuthorizationException.class);
            // An idempotent producer asks for a producer id first, which a user who may write nothing is refused.
            assertThatThrownBy(() -> produce(reader, Topics.ARENA_EVENTS, "forged"))
                    .as("the read-only user").hasCauseInstanceOf(AuthorizationException.class);
            assertThatThrownBy(() -> produce(new KafkaCredentials("arena-service", "wrong"), Topics.ARENA_EVENTS, "forged"))
                    .as("a wrong password").hasCauseInstanceOf(SaslAuthenticationException.class);

            produce(arena, Topics.ARENA_EVENTS, "genuine");
            assertThat(consumeAll(reader, Topics.ARENA_EVENTS, KafkaAccess.EXTERNAL_READER + ".check")).containsExactly("genuine");
            assertThatThrownBy(() -> consumeAll(reader, Topics.ARENA_EVENTS, "arena-service"))
                    .as("another principal's consumer group").isInstanceOf(GroupAuthorizationException.class);
            // SASL/PLAIN, for clients whose librdkafka cannot do Kafka 4's SCRAM, lets in the read-only user alone.
            assertThat(consumeAll(plain(reader), Topics.ARENA_EVENTS, KafkaAccess.EXTERNAL_READER + ".plain"))
                    .containsExactly("genuine");
            assertThatThrownBy(() -> produce(plain(reader), Topics.ARENA_EVENTS, "forged"))
                    .as("the read-only user over PLAIN").hasCauseInstanceOf(AuthorizationException.class);
            assertThatThrownBy(() -> produce(plain(arena), Topics.ARENA_EVENTS, "forged"))
                    .as("a service over PLAIN").hasCauseInstanceOf(SaslAuthenticationException.class);
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("keys/kafka/arena-service")))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("kafka/server.properties")))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
    }

    @Test
    void refusesKafkaDataFormattedBeforeTheBrokerRequiredAuthentication() throws IOException {
        Files.createDirectories(dataDir.resolve("kafka/logs"));
        Files.writeString(dataDir.resolve("kafka/logs/meta.properties"), "node.id=1\n");

        assertThatThrownBy(() -> new LocalSystem(infrastructureIn(dataDir), line -> { }).start())
                .isInstanceOf(LocalSystemException.class)
                .hasMessageContaining("before the broker required authentication")
                .hasMessageContaining("Delete " + dataDir);
        assertThat(Ports.isFree(MongoWireServer.PORT)).isTrue();
    }

    @Test
    void refusesToStartWhenAFixedPortIsTakenAndStartsNothing() throws IOException {
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), KafkaBroker.CONTROLLER_PORT));

            assertThatThrownBy(() -> new LocalSystem(infrastructureIn(dataDir), line -> { }).start())
                    .isInstanceOf(LocalSystemException.class)
                    .hasMessageContaining("9093 (needed by Kafka controller)");
        }
        assertThat(Ports.isFree(MongoWireServer.PORT)).isTrue();
        assertThat(dataDir.resolve("logs/kafka.log")).doesNotExist();
    }

    @Test
    void namesTheMissingJarsAndTheBuildCommandBeforeStartingAnything(@TempDir Path emptyRepo) {
        Settings settings = Settings.defaults().withRepoDir(emptyRepo).withDataDir(dataDir);

        assertThatThrownBy(() -> new LocalSystem(settings, line -> { }).start())
                .isInstanceOf(LocalSystemException.class)
                .hasMessageContaining("arena-service/target/arena-service-<version>-exec.jar")
                .hasMessageContaining("infra/auth-server/target/auth-server-<version>-exec.jar")
                .hasMessageContaining("./mvnw -q package -DskipTests");
        assertThat(Ports.isFree(MongoWireServer.PORT)).isTrue();
    }

    private static Settings infrastructureIn(Path dataDir) {
        return Settings.defaults().withDataDir(dataDir).withInfrastructureOnly(true);
    }

    private static MongoCollection<Document> collection(MongoClient mongo) {
        return mongo.getDatabase("local-runtime-test").getCollection("checks");
    }

    private static Admin admin(RunningSystem running) {
        return Admin.create(client(running.kafkaCredentials(KafkaAccess.ADMIN)));
    }

    private static String clusterId(RunningSystem running) throws Exception {
        try (Admin admin = admin(running)) {
            return admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
        }
    }

    private static void createTopic(RunningSystem running) throws Exception {
        try (Admin admin = admin(running)) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(10, TimeUnit.SECONDS);
        }
    }

    private static void produce(KafkaCredentials user, String topic, String value) throws Exception {
        produce(client(user), topic, value);
    }

    private static void produce(Map<String, Object> client, String topic, String value) throws Exception {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, "key", value)).get(10, TimeUnit.SECONDS);
        }
    }

    /** The user's client settings with SASL/PLAIN instead of SCRAM. */
    private static Map<String, Object> plain(KafkaCredentials user) {
        Map<String, Object> config = client(user);
        config.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
        config.put(SaslConfigs.SASL_JAAS_CONFIG,
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"%s\" password=\"%s\";"
                        .formatted(user.username(), user.password()));
        return config;
    }

    private static Map<String, Object> client(KafkaCredentials user) {
        Map<String, Object> config = new HashMap<>(user.clientProperties());
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, LocalSystem.KAFKA_BOOTSTRAP_SERVERS);
        return config;
    }

    private static List<String> consumeAll(RunningSystem running, String group) {
        return consumeAll(running.kafkaCredentials(KafkaAccess.ADMIN), TOPIC, group);
    }

    /** Reads the topic from the beginning with a fresh group until a record arrives or ten seconds pass. */
    private static List<String> consumeAll(KafkaCredentials user, String topic, String group) {
        return consumeAll(client(user), topic, group);
    }

    private static List<String> consumeAll(Map<String, Object> client, String topic, String group) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(Set.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
