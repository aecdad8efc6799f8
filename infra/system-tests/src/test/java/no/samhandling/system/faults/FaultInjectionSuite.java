package no.samhandling.system.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import no.samhandling.local.Instances;
import no.samhandling.local.LocalSystem;
import no.samhandling.local.RunningSystem;
import no.samhandling.local.Service;
import no.samhandling.local.ServiceInstance;
import no.samhandling.local.Settings;

/**
 * The fault-injection suite (issue 14): the whole local system with two instances each of referral-service and
 * notification-service, {@code faults.referrals} cases (default 2,000) driven through their lifecycle while
 * {@link FaultPlan} kills, stops and breaks its parts, and then, in Jepsen's spirit, what the raw topics and
 * stores say is checked against what the load was told ({@link Checks}). Not part of {@code ./mvnw verify}:
 * run it with {@code -Pfaults} (README, Tests).
 */
class FaultInjectionSuite {

    static final String PRESCHOOL_TEAM = "aukra-0-6-tverrfagleg-forskoleteam";

    private static final int REFERRALS = Integer.getInteger("faults.referrals", 2_000);
    private static final int PARALLEL_WAVES = Integer.getInteger("faults.parallel-waves", 8);
    private static final int CONCURRENT_CALLS = Integer.getInteger("faults.concurrent-calls", 8);
    private static final Duration POST_OFFICE_DOWN = Duration.ofSeconds(Long.getLong("faults.post-office-down-seconds", 60));
    private static final Duration MONGO_DOWN = Duration.ofSeconds(Long.getLong("faults.mongo-down-seconds", 10));
    private static final Duration PAUSE = Duration.ofSeconds(Long.getLong("faults.pause-seconds", 10));

    @Test
    void referralsGoThroughTheirLifecycleWhileServicesBrokerDatabaseAndProvidersFail() throws Exception {
        Path dataDir = Files.createTempDirectory("samhandling-faults-");
        Path repo = Path.of("").toAbsolutePath().resolve("../..").normalize();
        Instances instances = Instances.one().with(Service.REFERRAL, 2).with(Service.NOTIFICATION, 2);
        long began = System.nanoTime();
        Consumer<String> log = line -> System.out.printf("[faults %6.1f s] %s%n", (System.nanoTime() - began) / 1e9, line);
        log.accept("data directory " + dataDir + "; " + REFERRALS + " referrals, " + PARALLEL_WAVES + " waves at a time");
        boolean passed = false;
        try (RunningSystem system = new LocalSystem(Settings.defaults().withRepoDir(repo).withDataDir(dataDir).withDemoData(true)
                .withInstances(instances), log).start()) {
            Report report = new Report();
            report.figure("system started", "%.0f s".formatted(system.startupTime().toMillis() / 1000.0));

            Tokens tokens = new Tokens(system);
            Semaphore calls = new Semaphore(CONCURRENT_CALLS);
            List<String> referralInstances = instances.instancesOf(Service.REFERRAL).stream().map(ServiceInstance::baseUrl).toList();
            List<String> arenaInstances = instances.instancesOf(Service.ARENA).stream().map(ServiceInstance::baseUrl).toList();
            Client referrer = tokens.client("demo-referrer", referralInstances, calls);
            Client coordinatorReferrals = tokens.client("demo-coordinator", referralInstances, calls);
            Client coordinatorArenas = tokens.client("demo-coordinator", arenaInstances, calls);
            String arenaId = coordinatorArenas.get("/arenas?externalKey=" + PRESCHOOL_TEAM).json().get(0).get("id").asString();
            String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);

            Load load = new Load(referrer, coordinatorReferrals, coordinatorArenas, arenaId, run, log);
            FaultPlan plan = new FaultPlan(system.faults(), instances, POST_OFFICE_DOWN, MONGO_DOWN, PAUSE, log);
            long loadBegan = System.nanoTime();
            try (ExecutorService both = Executors.newVirtualThreadPerTaskExecutor()) {
                Future<?> faults = both.submit(() -> {
                    plan.run();
                    return null;
                });
                Future<?> lifecycle = both.submit(() -> {
                    load.run(REFERRALS, PARALLEL_WAVES);
                    log.accept("load done: " + REFERRALS + " cases closed");
                    return null;
                });
                lifecycle.get();
                faults.get();
            }
            Duration loadTook = Duration.ofNanos(System.nanoTime() - loadBegan);
            report.figure("load and faults", "%.0f s".formatted(loadTook.toMillis() / 1000.0));
            report.figure("referrals through submit, accept, schedule, minutes, close", Integer.toString(load.referrals().size()));
            report.figure("meetings held", Integer.toString(load.meetings().size()));
            report.figure("calls whose answer was lost (found out before repeating)", Integer.toString(load.lostCalls()));
            report.figure("calls repeated or polled", Integer.toString(load.retries()));
            for (FaultPlan.Done done : plan.done()) {
                report.fault(done);
            }

            SoftAssertions softly = new SoftAssertions();
            new Checks(system, tokens, load, arenaId, REFERRALS, report, softly, log).run();
            System.out.println(report.render());
            Files.writeString(repo.resolve("infra/system-tests/target/faults-report.txt"), report.render());
            softly.assertAll();
            passed = true;
        } finally {
            if (passed) {
                deleteRecursively(dataDir);
            } else {
                log.accept("kept the data directory for a look: " + dataDir);
            }
        }
    }

    /** Client-credentials tokens of the demo clients, fetched again when a service says one has expired. */
    static final class Tokens {

        private final RunningSystem system;
        private final Map<String, String> cache = new ConcurrentHashMap<>();

        Tokens(RunningSystem system) {
            this.system = system;
        }

        String of(String clientId) {
            return cache.computeIfAbsent(clientId, id -> system.accessToken(id, "demo"));
        }

        void expired(String clientId) {
            cache.remove(clientId);
        }

        Client client(String clientId, List<String> instances, Semaphore calls) {
            return new Client(instances, () -> of(clientId), () -> expired(clientId), calls);
        }
    }

    /** The figures the suite prints, and writes to target/faults-report.txt. */
    static final class Report {

        private final List<String> figures = new ArrayList<>();
        private final List<String> faults = new ArrayList<>();

        synchronized void figure(String name, String value) {
            figures.add("  %-70s %s".formatted(name, value));
        }

        synchronized void fault(FaultPlan.Done done) {
            faults.add("  at %6.0f s, took %5.1f s: %s".formatted(done.atSeconds(), done.took().toMillis() / 1000.0, done.fault()));
        }

        synchronized String render() {
            return "\n==== Fault-injection suite ====\nFaults, in order:\n" + String.join("\n", faults)
                    + "\nFigures:\n" + String.join("\n", figures) + "\n";
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }
}
