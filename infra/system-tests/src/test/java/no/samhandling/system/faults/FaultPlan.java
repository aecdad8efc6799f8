package no.samhandling.system.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import no.samhandling.local.Faults;
import no.samhandling.local.Instances;
import no.samhandling.local.Service;
import no.samhandling.local.ServiceInstance;

/**
 * The faults, one after the other, while the load runs: the post office down for a minute and then failing half
 * its sends (until the end of the plan), every instance of every service killed with SIGKILL in turn and started
 * again, the broker killed and started again, and the MongoDB wire server stopped for ten seconds.
 */
final class FaultPlan {

    static final List<Service> SERVICES = List.of(Service.ARENA, Service.REFERRAL, Service.CONSENT, Service.NOTIFICATION,
            Service.REPORTING);
    private static final Duration RESTART_TIMEOUT = Duration.ofMinutes(4);

    /** What was done, when (seconds since the load began) and how long it took. */
    record Done(String fault, double atSeconds, Duration took) {
    }

    private final Faults faults;
    private final Instances instances;
    private final Duration postOfficeDown;
    private final Duration mongoDown;
    private final Duration pause;
    private final Consumer<String> log;
    private final long startedAt = System.nanoTime();
    private final List<Done> done = new ArrayList<>();

    FaultPlan(Faults faults, Instances instances, Duration postOfficeDown, Duration mongoDown, Duration pause, Consumer<String> log) {
        this.faults = faults;
        this.instances = instances;
        this.postOfficeDown = postOfficeDown;
        this.mongoDown = mongoDown;
        this.pause = pause;
        this.log = log;
    }

    List<Done> done() {
        return List.copyOf(done);
    }

    void run() throws InterruptedException {
        step("SMTP and SMS down for " + postOfficeDown.toSeconds() + " s", () -> {
            faults.postOfficeDown();
            sleep(postOfficeDown);
            faults.postOfficeFailing(0.5);
        });
        log.accept("SMTP and SMS now fail half their sends, until the last fault is over");
        for (Service service : SERVICES) {
            for (ServiceInstance instance : instances.instancesOf(service)) {
                sleep(pause);
                step("kill -9 " + instance.name() + " and start it again", () -> {
                    long pid = faults.kill(instance);
                    log.accept("killed " + instance.name() + " (pid " + pid + ")");
                    sleep(Duration.ofSeconds(3));
                    faults.restart(instance, RESTART_TIMEOUT);
                });
            }
        }
        sleep(pause);
        step("kill -9 the Kafka broker and start it again", () -> {
            faults.killBroker();
            sleep(Duration.ofSeconds(3));
            faults.startBroker(Duration.ofMinutes(2));
        });
        sleep(pause);
        step("MongoDB wire server stopped for " + mongoDown.toSeconds() + " s", () -> {
            faults.stopMongo();
            sleep(mongoDown);
            faults.startMongo();
        });
        sleep(pause);
        step("SMTP and SMS failing half their sends since the first fault: now well again", faults::postOfficeUp);
    }

    private interface Fault {
        void inject() throws InterruptedException;
    }

    private void step(String name, Fault fault) throws InterruptedException {
        long at = System.nanoTime();
        log.accept("fault: " + name);
        fault.inject();
        Duration took = Duration.ofNanos(System.nanoTime() - at);
        done.add(new Done(name, (at - startedAt) / 1e9, took));
        log.accept("fault over: " + name + String.format(" (%.1f s)", took.toMillis() / 1000.0));
    }

    private static void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }
}
