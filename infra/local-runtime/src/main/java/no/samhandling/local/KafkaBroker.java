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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/** A single Apache Kafka node in KRaft combined mode (broker and controller), run as a child JVM. */
final class KafkaBroker {

    static final String HOST = "127.0.0.1";
    static final int BROKER_PORT = 9092;
    static final int CONTROLLER_PORT = 9093;
    static final String BOOTSTRAP_SERVERS = HOST + ":" + BROKER_PORT;

    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    /** Long enough for a controlled shutdown, which moves leadership and flushes the logs. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final ChildProcess process;

    private KafkaBroker(ChildProcess process) {
        this.process = process;
    }

    /** Formats the log dir on first use and starts the broker; {@link #awaitReady} tells when it accepts clients. */
    static KafkaBroker start(DataLayout layout) {
        writeProperties(layout);
        formatOnce(layout);
        List<String> command = javaCommand(List.of("-Xmx512m",
                        // A class-data archive written by the first run and C1-only JIT cut start-up from
                        // about 10 s to under 4 s on two cores; peak throughput does not matter here.
                        "-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + layout.kafkaDir().resolve("kafka.jsa"),
                        "-XX:TieredStopAtLevel=1"),
                "kafka.Kafka", layout.kafkaProperties().toString());
        return new KafkaBroker(ChildProcess.start("kafka", command, Map.of(), layout));
    }

    /**
     * The single-node settings: every replication factor and min ISR 1, no rebalance delay so consumers get
     * their partitions at once, and no auto-created topics because each service declares its own.
     */
    static String serverProperties(Path logDir) {
        return """
                # Written by the local launcher at every start; edits here are overwritten.
                process.roles=broker,controller
                node.id=1
                controller.quorum.bootstrap.servers=%1$s:%3$d
                listeners=PLAINTEXT://%1$s:%2$d,CONTROLLER://%1$s:%3$d
                advertised.listeners=PLAINTEXT://%1$s:%2$d,CONTROLLER://%1$s:%3$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
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
                """.formatted(HOST, BROKER_PORT, CONTROLLER_PORT, propertiesPath(logDir));
    }

    /** Properties files treat a backslash as an escape, so Windows paths are written with forward slashes. */
    private static String propertiesPath(Path path) {
        return path.toAbsolutePath().toString().replace('\\', '/');
    }

    private static void writeProperties(DataLayout layout) {
        try {
            Files.writeString(layout.kafkaProperties(), serverProperties(layout.kafkaLogDir()));
        } catch (IOException e) {
            throw new LocalSystemException("Cannot write " + layout.kafkaProperties() + ": " + e.getMessage(), e);
        }
    }

    /** A log dir is formatted exactly once; its meta.properties then holds the cluster id for every later start. */
    private static void formatOnce(DataLayout layout) {
        if (Files.exists(layout.kafkaLogDir().resolve("meta.properties"))) {
            return;
        }
        List<String> command = javaCommand(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"), "kafka.tools.StorageTool",
                "format", "--standalone", "-t", clusterId(layout), "-c", layout.kafkaProperties().toString());
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
            Map<String, Object> config = Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP_SERVERS,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000);
            try (Admin admin = Admin.create(config)) {
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
