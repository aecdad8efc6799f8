package no.samhandling.local;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.CommonClientConfigs;

import no.samhandling.kafka.KafkaCredentials;

/**
 * What {@link LocalSystem#start()} started. {@link #stop()} (or close) stops it in reverse order: services,
 * then the authorization server, then Kafka, then MongoDB. Safe to call more than once and from a shutdown hook.
 */
public final class RunningSystem implements AutoCloseable {

    private final Path dataDir;
    private final List<ServiceProcess> services = new ArrayList<>();
    private Path launcherPidFile;
    private MongoWireServer mongo;
    private KafkaBroker kafka;
    private LocalPostOffice postOffice;
    private boolean stopped;
    private Duration startupTime = Duration.ZERO;
    private DataLayout layout;
    private ServiceJars jars = ServiceJars.none();

    RunningSystem(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** The data directory (Kafka log dir, MongoDB file, auth key, one log file per process). */
    public Path dataDir() {
        return dataDir;
    }

    /** From {@code start()} to everything healthy and the demo data loaded. */
    public Duration startupTime() {
        return startupTime;
    }

    public String kafkaBootstrapServers() {
        return KafkaBroker.BOOTSTRAP_SERVERS;
    }

    /**
     * A Kafka principal's credentials ({@code KafkaAccess}: a service's name, {@code external-reader}, or
     * {@code admin}, the broker's super user), as the launcher made them for this data directory.
     */
    public KafkaCredentials kafkaCredentials(String principal) {
        return new DataLayout(dataDir).kafkaCredentials(principal);
    }

    /** Bootstrap servers and security settings for a Kafka client signing in as the given principal. */
    public Map<String, Object> kafkaClientProperties(String principal) {
        Map<String, Object> properties = new HashMap<>(kafkaCredentials(principal).clientProperties());
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.BOOTSTRAP_SERVERS);
        return properties;
    }

    public String mongoUri() {
        return MongoWireServer.uri();
    }

    /** A client-credentials access token from the local authorization server, e.g. for "demo-coordinator". */
    public String accessToken(String clientId, String secret) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return DemoData.accessToken(http, clientId, secret);
        }
    }

    /** Every email the system sent, as raw RFC 5322 text with attachments, oldest first. */
    public List<String> receivedMail() {
        return postOffice == null ? List.of() : postOffice.receivedMail();
    }

    /** Every SMS the system sent, as the JSON body it posted to the gateway, oldest first. */
    public List<String> receivedSms() {
        return postOffice == null ? List.of() : postOffice.receivedSms();
    }

    /** Kills and restarts parts of the running system, for the fault-injection suite; nothing else calls it. */
    public Faults faults() {
        return new Faults(this);
    }

    public synchronized boolean isStopped() {
        return stopped;
    }

    @Override
    public void close() {
        stop();
    }

    /** Stops everything that was started, newest first; holds the lock so that nothing starts meanwhile. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        // All services get SIGTERM at once and share one grace period; they do not depend on each other.
        List<ServiceProcess> applications = services.reversed().stream()
                .filter(s -> s.service() != Service.AUTH_SERVER).toList();
        stopTogether(applications);
        stopTogether(services.stream().filter(s -> s.service() == Service.AUTH_SERVER).toList());
        if (kafka != null) {
            kafka.stop();
        }
        if (postOffice != null) {
            postOffice.stop();
        }
        if (mongo != null) {
            mongo.stop();
        }
        if (launcherPidFile != null) {
            try {
                Files.deleteIfExists(launcherPidFile);
            } catch (IOException e) {
                // A stale pid names a dead process, which the next start's port check ignores.
            }
        }
    }

    private static void stopTogether(List<ServiceProcess> processes) {
        processes.forEach(p -> p.process().requestStop());
        long deadline = System.nanoTime() + ServiceProcess.STOP_GRACE.toNanos();
        for (ServiceProcess p : processes) {
            if (!p.process().awaitStop(deadline)) {
                System.err.println(p.service().artifactId() + " did not stop within "
                        + ServiceProcess.STOP_GRACE.toSeconds() + " s and was killed");
            }
        }
    }

    /** Lets a second launcher on the same data directory say that this one is running. */
    synchronized void recordLauncherPid(Path file) {
        try {
            Files.writeString(file, Long.toString(ProcessHandle.current().pid()));
            launcherPidFile = file;
        } catch (IOException e) {
            throw new LocalSystemException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    synchronized void add(LocalPostOffice office) {
        if (stopped) {
            office.stop();
            throw interrupted();
        }
        postOffice = office;
    }

    synchronized void add(MongoWireServer server) {
        if (stopped) {
            server.stop();
            throw interrupted();
        }
        mongo = server;
    }

    synchronized void add(KafkaBroker broker) {
        if (stopped) {
            broker.stop();
            throw interrupted();
        }
        kafka = broker;
    }

    synchronized void add(ServiceProcess service) {
        if (stopped) {
            service.process().stop(ServiceProcess.STOP_GRACE);
            throw interrupted();
        }
        services.add(service);
    }

    /** What a restart needs: where the data is, and which jar and class cache each service runs from. */
    synchronized void restartsFrom(DataLayout data, ServiceJars serviceJars) {
        layout = data;
        jars = serviceJars;
    }

    synchronized DataLayout layout() {
        return layout;
    }

    synchronized ServiceJars jars() {
        return jars;
    }

    synchronized ServiceProcess running(ServiceInstance instance) {
        return services.stream().filter(s -> s.instance().equals(instance)).findFirst()
                .orElseThrow(() -> new LocalSystemException(instance.name() + " is not running"));
    }

    /** A service that was killed gives way to its restarted process, which {@link #stop()} then stops. */
    synchronized void replace(ServiceProcess dead, ServiceProcess restarted) {
        services.remove(dead);
        add(restarted);
    }

    synchronized KafkaBroker kafka() {
        return kafka;
    }

    synchronized MongoWireServer mongo() {
        return mongo;
    }

    synchronized LocalPostOffice postOffice() {
        return postOffice;
    }

    synchronized void startedIn(Duration duration) {
        startupTime = duration;
    }

    /** The child JVMs, for the launcher's watch over processes that die after start-up. */
    synchronized List<ChildProcess> children() {
        List<ChildProcess> children = new ArrayList<>();
        Optional.ofNullable(kafka).ifPresent(k -> children.add(k.process()));
        services.forEach(s -> children.add(s.process()));
        return children;
    }

    /** Each service instance's time from its JVM's start to healthy, in start order. */
    synchronized Map<String, Duration> healthyAfter() {
        Map<String, Duration> times = new java.util.LinkedHashMap<>();
        services.forEach(s -> times.put(s.instance().name(), s.healthyAfter()));
        return times;
    }

    private static LocalSystemException interrupted() {
        return new LocalSystemException("Stopped while starting");
    }
}
