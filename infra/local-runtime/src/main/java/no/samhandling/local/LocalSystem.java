package no.samhandling.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import no.samhandling.kafka.KafkaAccess;

/**
 * Starts the whole system on one machine without Docker: a MongoDB wire server in this JVM, Apache Kafka
 * (KRaft) as a child JVM, then the authorization server and the five services from their exec jars.
 *
 * <p>From the repository root, after {@code ./mvnw -q package -DskipTests}:
 * {@code java -jar infra/local-runtime/target/local-runtime.jar}. From a test:
 * {@code try (RunningSystem system = new LocalSystem(settings).start()) { ... }}.
 */
public final class LocalSystem {

    public static final String KAFKA_BOOTSTRAP_SERVERS = KafkaBroker.BOOTSTRAP_SERVERS;
    public static final String MONGO_URI = "mongodb://" + MongoWireServer.HOST + ":" + MongoWireServer.PORT;
    /** The issuer the tokens carry and the services trust; "localhost", as in the demo's curl command. */
    public static final String AUTH_ISSUER = "http://localhost:" + Service.AUTH_SERVER.port();

    static final Duration KAFKA_READY_TIMEOUT = Duration.ofSeconds(90);
    /** Five Spring Boot JVMs starting together on a busy 2-core machine took 100-120 s; this leaves room. */
    static final Duration SERVICES_READY_TIMEOUT = Duration.ofSeconds(180);

    private static final List<Service> APPLICATIONS = Arrays.stream(Service.values())
            .filter(service -> service != Service.AUTH_SERVER)
            .toList();

    private final Settings settings;
    private final DataLayout layout;
    private final Consumer<String> console;

    public LocalSystem(Settings settings) {
        this(settings, System.out::println);
    }

    /** @param console receives one line per step, for a terminal or a test log */
    public LocalSystem(Settings settings, Consumer<String> console) {
        this.settings = settings;
        this.layout = new DataLayout(settings.dataDir());
        this.console = console;
    }

    /**
     * Starts everything and returns once every service reports UP (and the demo data is loaded, if asked).
     * On failure, whatever had started is stopped again before the {@link LocalSystemException} is thrown.
     */
    public RunningSystem start() {
        RunningSystem running = new RunningSystem(settings.dataDir());
        try {
            start(running);
            return running;
        } catch (RuntimeException | Error e) {
            running.stop();
            throw e;
        }
    }

    /** Starts into a handle created beforehand, so that a shutdown hook can stop a start-up half way. */
    void start(RunningSystem running) {
        long startedAt = System.nanoTime();
        Consumer<String> step = line ->
                console.accept(String.format("[%5.1f s] %s", (System.nanoTime() - startedAt) / 1e9, line));

        layout.create();
        ServiceJars jars = settings.infrastructureOnly() ? ServiceJars.none() : ServiceJars.find(settings.repoDir());
        Ports.requireFree(requiredPorts(), layout);
        running.recordLauncherPid(layout.pidFile(Ports.LAUNCHER));
        running.restartsFrom(layout, jars);

        running.add(MongoWireServer.start(layout.mongoFile()));
        step.accept("MongoDB wire server is up on " + MONGO_URI + " (" + layout.mongoFile() + ")");

        if (!settings.infrastructureOnly()) {
            running.add(LocalPostOffice.start(layout.outboxDir()));
            step.accept("Post office is up: SMTP on " + LocalPostOffice.HOST + ":" + LocalPostOffice.SMTP_PORT
                    + ", SMS gateway on http://" + LocalPostOffice.HOST + ":" + LocalPostOffice.SMS_PORT
                    + " (everything sent is kept in " + layout.outboxDir() + ")");
        }

        jars.withoutCache().ifPresent(step);
        KafkaBroker kafka = KafkaBroker.start(layout);
        running.add(kafka);
        // The authorization server needs neither Kafka nor MongoDB, so it boots while Kafka does.
        List<ServiceProcess> auth = new ArrayList<>();
        if (!settings.infrastructureOnly()) {
            for (ServiceInstance instance : settings.instances().instancesOf(Service.AUTH_SERVER)) {
                ServiceProcess server = ServiceProcess.start(instance, jars, layout);
                running.add(server);
                auth.add(server);
            }
        }
        kafka.awaitReady(KAFKA_READY_TIMEOUT);
        kafka.provision();
        step.accept("Kafka is up on " + KAFKA_BOOTSTRAP_SERVERS + " (SASL/SCRAM; passwords in " + layout.kafkaPasswordsDir() + ")");

        if (!settings.infrastructureOnly()) {
            ServiceProcess.awaitHealthy(auth, SERVICES_READY_TIMEOUT, step);
            List<ServiceProcess> applications = new ArrayList<>();
            for (Service service : APPLICATIONS) {
                for (ServiceInstance instance : settings.instances().instancesOf(service)) {
                    ServiceProcess application = ServiceProcess.start(instance, jars, layout);
                    running.add(application);
                    applications.add(application);
                }
            }
            ServiceProcess.awaitHealthy(applications, SERVICES_READY_TIMEOUT, step);
            if (settings.demoData()) {
                DemoData.loadOnce(layout, step);
            }
        }
        running.startedIn(Duration.ofNanos(System.nanoTime() - startedAt));
    }

    private Map<Integer, String> requiredPorts() {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(MongoWireServer.PORT, "MongoDB");
        ports.put(KafkaBroker.BROKER_PORT, "Kafka");
        ports.put(KafkaBroker.CONTROLLER_PORT, "Kafka controller");
        if (!settings.infrastructureOnly()) {
            ports.put(LocalPostOffice.SMTP_PORT, "SMTP catcher");
            ports.put(LocalPostOffice.SMS_PORT, "SMS gateway stand-in");
            for (Service service : Service.values()) {
                for (ServiceInstance instance : settings.instances().instancesOf(service)) {
                    ports.put(instance.port(), instance.name());
                }
            }
        }
        return ports;
    }

    public static void main(String[] args) {
        if (!LauncherJvm.isRelaunched()) {
            System.exit(LauncherJvm.relaunch(args));
        }
        Settings settings;
        try {
            if (Arrays.asList(args).contains("--help")) {
                System.out.println(Settings.USAGE);
                return;
            }
            settings = Settings.parse(Arrays.stream(args).filter(arg -> !arg.equals(StartupBenchmark.OPTION)).toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Settings.USAGE);
            System.exit(2);
            return;
        }

        if (Arrays.asList(args).contains(StartupBenchmark.OPTION)) {
            StartupBenchmark benchmark = new StartupBenchmark(settings, System.out::println);
            try {
                routeLibraryLogsTo(new DataLayout(benchmark.dataDir()));
                benchmark.run();
                return;
            } catch (LocalSystemException e) {
                System.err.println(e.getMessage());
                System.exit(1);
            }
        }
        LocalSystem system = new LocalSystem(settings);
        RunningSystem running = new RunningSystem(settings.dataDir());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!running.isStopped()) {
                System.out.println("Stopping the local system...");
                running.stop();
                System.out.println("Stopped.");
            }
        }, "local-system-shutdown"));

        try {
            routeLibraryLogsTo(system.layout);
            system.start(running);
        } catch (LocalSystemException e) {
            if (!running.isStopped()) {
                System.err.println();
                System.err.println(e.getMessage());
                running.stop();
            }
            System.exit(1);
        } catch (RuntimeException | Error e) {
            running.stop();
            throw e;
        }
        System.out.println(summary(settings, running));
        watch(running);
    }

    /**
     * The terminal shows the launcher's own progress lines; warnings of the in-process MongoDB server and
     * Kafka client (an index it cannot build, a broker not yet reachable) go to a log file like the children's.
     * Must run before the first logger is created.
     */
    private static void routeLibraryLogsTo(DataLayout layout) {
        layout.create();
        System.setProperty("org.slf4j.simpleLogger.logFile", layout.logFile("launcher").toString());
    }

    static String summary(Settings settings, RunningSystem running) {
        StringBuilder out = new StringBuilder("\nSamhandling is running locally.\n\n");
        String row = "  %-22s %-28s %s%n";
        if (!settings.infrastructureOnly()) {
            out.append("Start here, in a browser: ").append(Service.GATEWAY.browserUrl())
                    .append("  (sign in as leader, guardian, coordinator, referrer, member, melhus-leader ...; password \"demo\")\n\n");
            for (Service service : APPLICATIONS) {
                for (ServiceInstance instance : settings.instances().instancesOf(service)) {
                    out.append(row.formatted(instance.name(), instance.baseUrl(), instance.healthUrl()));
                }
            }
            out.append(row.formatted("authorization server", AUTH_ISSUER,
                    AUTH_ISSUER + "/.well-known/openid-configuration"));
        }
        out.append(row.formatted("Kafka", KAFKA_BOOTSTRAP_SERVERS, "SASL_PLAINTEXT, SCRAM-SHA-512"));
        out.append(row.formatted("MongoDB", MONGO_URI, ""));
        out.append(row.formatted("data and logs", settings.dataDir(), ""));
        if (!settings.infrastructureOnly()) {
            out.append("\nAn access token (demo clients: demo-admin, demo-coordinator, demo-referrer, ... secret \"demo\"):\n");
            out.append("  curl -s -u demo-coordinator:demo -d grant_type=client_credentials ")
                    .append(AUTH_ISSUER).append("/oauth2/token | jq -r .access_token\n");
        }
        Path passwords = new DataLayout(settings.dataDir()).kafkaPasswordsDir();
        out.append("\nKafka requires a user and password (one per service, in ").append(passwords).append("). Read-only, as another system:\n");
        out.append("  kcat -b ").append(KAFKA_BOOTSTRAP_SERVERS).append(" -X security.protocol=SASL_PLAINTEXT -X sasl.mechanisms=SCRAM-SHA-512 \\\n")
                .append("    -X sasl.username=").append(KafkaAccess.EXTERNAL_READER).append(" -X sasl.password=$(cat ")
                .append(passwords.resolve(KafkaAccess.EXTERNAL_READER)).append(") -C -t referral.events -J\n");
        if (settings.infrastructureOnly()) {
            out.append("A service run from an IDE needs its own: SAMHANDLING_KAFKA_PASSWORD=$(cat ")
                    .append(passwords).append("/<service>)\n");
        }
        out.append(String.format("%nCold start: %.1f s. Ctrl-C stops everything.", running.startupTime().toMillis() / 1000.0));
        return out.toString();
    }

    /** Keeps the launcher alive and says so when a child dies on its own, pointing at its log. */
    private static void watch(RunningSystem running) {
        Set<ChildProcess> reported = new HashSet<>();
        while (!running.isStopped()) {
            for (ChildProcess child : running.children()) {
                if (!child.isAlive() && !running.isStopped() && reported.add(child)) {
                    System.err.println(child.name() + " exited with code " + child.exitValue()
                            + "; see " + child.logFile());
                }
            }
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
