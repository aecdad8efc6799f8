package no.samhandling.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The faults the fault-injection suite ({@code -Pfaults}, infra/system-tests) does to a system it started in its own
 * JVM: a service or the broker killed with SIGKILL and started again, the MongoDB wire server (which runs in that
 * same JVM) stopped and started on its file, and the post office's SMTP and SMS servers taken down or made to fail.
 * Only a test reaches it ({@link RunningSystem#faults()}); the launcher's command line offers none of it.
 */
public final class Faults {

    private static final Duration DEATH_TIMEOUT = Duration.ofSeconds(10);

    private final RunningSystem system;

    Faults(RunningSystem system) {
        this.system = system;
    }

    /**
     * {@code kill -9} of the instance's JVM, found by the pid file the launcher keeps for it
     * ({@code .local/pids/<name>.pid}): no shutdown hook, no graceful stop, leases and claims left as they were.
     *
     * @return the pid that was killed
     */
    public long kill(ServiceInstance instance) {
        system.running(instance);
        return killByPidFile(instance.name());
    }

    /** Starts a killed instance again from its jar, as the launcher first did, and returns once it reports UP. */
    public Duration restart(ServiceInstance instance, Duration timeout) {
        ServiceProcess dead = system.running(instance);
        if (dead.process().isAlive()) {
            throw new LocalSystemException(instance.name() + " is still running");
        }
        long startedAt = System.nanoTime();
        ServiceProcess restarted = ServiceProcess.start(instance, system.jars(), system.layout());
        system.replace(dead, restarted);
        ServiceProcess.awaitHealthy(List.of(restarted), timeout, line -> { });
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    /** {@code kill -9} of the Kafka broker. */
    public long killBroker() {
        return killByPidFile(system.kafka().process().name());
    }

    /** Starts the broker again on its log dir (recovering it after a kill) and returns once it serves clients. */
    public Duration startBroker(Duration timeout) {
        long startedAt = System.nanoTime();
        KafkaBroker broker = KafkaBroker.start(system.layout());
        system.add(broker);
        broker.awaitReady(timeout);
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    /** Stops the MongoDB wire server: connections are cut, the port refuses, its H2 file is closed. */
    public void stopMongo() {
        system.mongo().stop();
    }

    /** Starts the MongoDB wire server again on the same file and port. */
    public void startMongo() {
        system.add(MongoWireServer.start(system.layout().mongoFile()));
    }

    /** SMTP and SMS unreachable: new connections refused, open ones cut. */
    public void postOfficeDown() {
        system.postOffice().down();
    }

    /** SMTP and SMS reachable again, failing the given share (0 to 1) of sends, as a provider in trouble does. */
    public void postOfficeFailing(double rate) {
        system.postOffice().failing(rate);
    }

    /** SMTP and SMS reachable and failing nothing. */
    public void postOfficeUp() {
        system.postOffice().failing(0);
    }

    private long killByPidFile(String processName) {
        Path pidFile = system.layout().pidFile(processName);
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile).trim());
        } catch (IOException | NumberFormatException e) {
            throw new LocalSystemException("No pid of " + processName + " in " + pidFile + ": " + e.getMessage(), e);
        }
        ProcessHandle process = ProcessHandle.of(pid)
                .orElseThrow(() -> new LocalSystemException(processName + " (pid " + pid + ") is not running"));
        // destroyForcibly is SIGKILL on Linux and macOS: the JVM gets no chance to clean up.
        process.destroyForcibly();
        try {
            process.onExit().get(DEATH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new LocalSystemException(processName + " (pid " + pid + ") did not die within " + DEATH_TIMEOUT.toSeconds() + " s", e);
        }
        return pid;
    }
}
