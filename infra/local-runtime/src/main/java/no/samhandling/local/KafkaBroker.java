package no.samhandling.local;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import no.samhandling.kafka.KafkaAccess;
import no.samhandling.kafka.KafkaCredentials;
import no.samhandling.kafka.KafkaProvisioning;

/**
 * A single Apache Kafka node in KRaft combined mode (broker and controller), run as a child JVM.
 * Every listener requires authentication: clients use SASL/SCRAM-SHA-512 on the broker port, and
 * the controller port takes only the broker's own user ({@link KafkaAccess#ADMIN}, SASL/PLAIN, as
 * KRaft controllers cannot read SCRAM credentials before their metadata is loaded). The StandardAuthorizer
 * allows what {@link KafkaAccess} grants and nothing else; the admin is the only super user.
 */
final class KafkaBroker {

    static final String HOST = "127.0.0.1";
    static final int BROKER_PORT = 9092;
    static final int CONTROLLER_PORT = 9093;
    static final String BOOTSTRAP_SERVERS = HOST + ":" + BROKER_PORT;

    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    /** Long enough for a controlled shutdown, which moves leadership and flushes the logs. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    /** As the services' {@code samhandling.events.partitions} defaults to. */
    static final int EVENT_TOPIC_PARTITIONS = 3;

    private final ChildProcess process;
    private final DataLayout layout;

    private KafkaBroker(ChildProcess process, DataLayout layout) {
        this.process = process;
        this.layout = layout;
    }

    /** Formats the log dir on first use and starts the broker; {@link #awaitReady} tells when it accepts clients. */
    static KafkaBroker start(DataLayout layout) {
        requireCredentialsOfItsLogDir(layout);
        KafkaCredentials admin = layout.kafkaCredentials(KafkaAccess.ADMIN);
        writeProperties(layout, admin, layout.kafkaCredentials(KafkaAccess.EXTERNAL_READER));
        formatOnce(layout, admin);
        List<String> jvmOptions = new ArrayList<>(List.of(
                // One local broker's partitions need little heap: the Serial collector and a heap that grows
                // from 32 MiB took its RSS once ready from 385-424 MiB (G1, 512 MiB) to 290-310 MiB.
                "-XX:+UseSerialGC", "-Xms32m", "-Xmx320m",
                // A class-data archive written by the first run and C1-only JIT cut start-up from
                // about 10 s to under 4 s on two cores; peak throughput does not matter here.
                "-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + layout.kafkaDir().resolve("kafka.jsa"),
                "-XX:TieredStopAtLevel=1"));
        jvmOptions.addAll(ServiceJvm.compactHeaders(Runtime.version().feature()));
        jvmOptions.addAll(ServiceJvm.trimNativeHeap(Runtime.version().feature()));
        List<String> command = javaCommand(jvmOptions, "kafka.Kafka", layout.kafkaProperties().toString());
        return new KafkaBroker(ChildProcess.start("kafka", command, Map.of(), layout), layout);
    }

    /**
     * The single-node settings: every replication factor and min ISR 1, no rebalance delay so consumers get
     * their partitions at once, and no auto-created topics because the event topics are provisioned
     * ({@link KafkaProvisioning}) and each service declares its own dead-letter topics. Both listeners
     * authenticate, and the admin's password is in here, so the file is the owner's alone.
     *
     * <p>The read-only user may also sign in with SASL/PLAIN on the broker port: the librdkafka of
     * common Linux distributions (Debian 12 ships 2.0.2, and with it kcat) sends a SCRAM nonce that
     * Kafka 4 refuses (librdkafka#4895, fixed in 2.6.1), so without PLAIN another system reading with
     * kcat could not get in at all. PLAIN knows only that one user; every service stays on SCRAM.
     * The port is bound to loopback; anywhere else the listener would be SASL_SSL.
     */
    static String serverProperties(Path logDir, KafkaCredentials admin, KafkaCredentials externalReader) {
        return """
                # Written by the local launcher at every start; edits here are overwritten.
                process.roles=broker,controller
                node.id=1
                controller.quorum.bootstrap.servers=%1$s:%3$d
                listeners=BROKER://%1$s:%2$d,CONTROLLER://%1$s:%3$d
                advertised.listeners=BROKER://%1$s:%2$d,CONTROLLER://%1$s:%3$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=BROKER
                listener.security.protocol.map=BROKER:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT
                listener.name.broker.sasl.enabled.mechanisms=%5$s,PLAIN
                listener.name.broker.%6$s.sasl.jaas.config=%7$s
                listener.name.broker.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required user_%10$s="%11$s";
                sasl.mechanism.inter.broker.protocol=%5$s
                listener.name.controller.sasl.enabled.mechanisms=PLAIN
                listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="%8$s" password="%9$s" user_%8$s="%9$s";
                sasl.mechanism.controller.protocol=PLAIN
                authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
                super.users=User:%8$s
                allow.everyone.if.no.acl.found=false
                log.dirs=%4$s
                num.partitions=1
                default.replication.factor=1
                min.insync.replicas=1
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                auto.create.topics.enable=false
                # Sized for one laptop: the log cleaner (it compacts __consumer_offsets) allocates its whole dedupe
                # buffer at start, 128 MiB by default, where 8 MiB holds the keys of some 350,000 offsets; and a few
                # request and background threads do for a handful of clients on two cores.
                log.cleaner.dedupe.buffer.size=8388608
                num.network.threads=2
                num.io.threads=2
                background.threads=2
                """.formatted(HOST, BROKER_PORT, CONTROLLER_PORT, propertiesPath(logDir),
                KafkaCredentials.MECHANISM, KafkaCredentials.MECHANISM.toLowerCase(Locale.ROOT), admin.jaasConfig(),
                admin.username(), admin.password(), externalReader.username(), externalReader.password());
    }

    /** Properties files treat a backslash as an escape, so Windows paths are written with forward slashes. */
    private static String propertiesPath(Path path) {
        return path.toAbsolutePath().toString().replace('\\', '/');
    }

    private static void writeProperties(DataLayout layout, KafkaCredentials admin, KafkaCredentials externalReader) {
        Path file = layout.kafkaProperties();
        try {
            Files.deleteIfExists(file);
            Files.createFile(file);
            DataLayout.ownerOnly(file, "rw-------");
            Files.writeString(file, serverProperties(layout.kafkaLogDir(), admin, externalReader));
        } catch (IOException e) {
            throw new LocalSystemException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A log dir formatted before the broker required authentication has no SCRAM credentials for the admin,
     * and KRaft takes them only when formatting: such a broker could never let anyone in.
     */
    private static void requireCredentialsOfItsLogDir(DataLayout layout) {
        if (Files.exists(layout.kafkaLogDir().resolve("meta.properties")) && !layout.hasKafkaCredentials(KafkaAccess.ADMIN)) {
            throw new LocalSystemException("The Kafka data in " + layout.kafkaDir() + " was made before the broker required"
                    + " authentication, and cannot be given credentials now.\nDelete " + layout.root()
                    + " to start from scratch (the demo data is loaded again).");
        }
    }

    /**
     * A log dir is formatted exactly once; its meta.properties then holds the cluster id for every later start.
     * The admin's SCRAM credentials go in at the same time: the broker needs them to let anyone in.
     */
    private static void formatOnce(DataLayout layout, KafkaCredentials admin) {
        if (Files.exists(layout.kafkaLogDir().resolve("meta.properties"))) {
            return;
        }
        List<String> command = javaCommand(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"), "kafka.tools.StorageTool",
                "format", "--standalone", "-t", clusterId(layout), "-c", layout.kafkaProperties().toString(),
                "--add-scram", "%s=[name=%s,password=%s]".formatted(KafkaCredentials.MECHANISM, admin.username(), admin.password()));
        ChildProcess format = ChildProcess.start("kafka-storage-format", command, Map.of(), layout);
        int exit = format.awaitExit(FORMAT_TIMEOUT);
        if (exit != 0) {
            throw new LocalSystemException("Formatting the Kafka log dir failed (exit " + exit + ")\n" + format.tail());
        }
    }

    private static String clusterId(DataLayout layout) {
        Path file = layout.kafkaClusterId();
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            String id = Uuid.randomUuid().toString();
            Files.writeString(file, id);
            return id;
        } catch (IOException e) {
            throw new LocalSystemException("Cannot read or write " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<String> javaCommand(List<String> jvmOptions, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.javaBinary());
        command.addAll(jvmOptions);
        command.addAll(List.of(
                // The classpath may hold several SLF4J providers (a test's logback, say); this one has a sane default.
                "-Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider",
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=info",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-cp", childClasspath(),
                mainClass));
        command.addAll(Arrays.asList(args));
        return command;
    }

    /**
     * The launcher's own classpath, made absolute. Started with {@code java -jar}, that is the launcher jar
     * alone, and the JVM follows its manifest Class-Path to lib/ for the child just as it did for us.
     */
    static String childClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    /**
     * Waits until the broker accepts TCP connections (cheap to poll often), then until describeCluster
     * answers, which means the broker has registered with its controller. Fails early if the process died.
     */
    void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!accepts(HOST, BROKER_PORT)) {
                checkProgress(deadline, timeout);
                Thread.sleep(100);
            }
            try (Admin admin = admin()) {
                while (true) {
                    try {
                        if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                            return;
                        }
                    } catch (ExecutionException | TimeoutException e) {
                        // Listening, but not yet serving metadata.
                    }
                    checkProgress(deadline, timeout);
                    Thread.sleep(100);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalSystemException("Interrupted while waiting for Kafka", e);
        }
    }

    /**
     * Brings the broker to {@link KafkaAccess}: the event topics, every principal's password from
     * {@code .local/keys/kafka/}, and the ACLs. The services get their credentials from the same files.
     */
    void provision() {
        List<KafkaCredentials> users = KafkaAccess.principals().stream().map(layout::kafkaCredentials).toList();
        try (Admin admin = admin()) {
            KafkaProvisioning.apply(admin, users, EVENT_TOPIC_PARTITIONS, (short) 1);
        } catch (IllegalStateException e) {
            throw new LocalSystemException(e.getMessage() + "\n" + process.tail(), e);
        }
    }

    private Admin admin() {
        Map<String, Object> config = new HashMap<>(layout.kafkaCredentials(KafkaAccess.ADMIN).clientProperties());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP_SERVERS);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000);
        return Admin.create(config);
    }

    private void checkProgress(long deadline, Duration timeout) {
        if (!process.isAlive()) {
            throw new LocalSystemException("Kafka exited with code " + process.exitValue() + "\n" + process.tail());
        }
        if (System.nanoTime() > deadline) {
            throw new LocalSystemException("Kafka did not accept clients on " + BOOTSTRAP_SERVERS
                    + " within " + timeout.toSeconds() + " s\n" + process.tail());
        }
    }

    private static boolean accepts(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    ChildProcess process() {
        return process;
    }

    /** SIGTERM makes Kafka run its controlled shutdown; it is killed only if that takes too long. */
    void stop() {
        process.stop(STOP_GRACE);
    }
}
