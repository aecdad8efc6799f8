package no.samhandling.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import no.samhandling.platform.test.MutableClock;

/** Two instances' schedulers against one MongoDB: a job runs once per interval in the whole cluster, never twice at once. */
class ClusterJobsTest {

    private static final Duration EVERY = Duration.ofMinutes(10);
    private static final Duration MAX_RUN = Duration.ofMinutes(2);

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private MutableClock clock;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        mongo = new MongoTemplate(client, "test");
        clock = MutableClock.at(Instant.parse("2026-11-30T08:00:00Z"));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void runsOncePerIntervalAcrossTwoInstancesTickingAtTheSameTime() throws Exception {
        ClusterJobs first = instance();
        ClusterJobs second = instance();
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        Runnable work = () -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            runs.incrementAndGet();
            sleep(20);
            running.decrementAndGet();
        };

        ExecutorService schedulers = Executors.newFixedThreadPool(2);
        try {
            for (int interval = 0; interval < 6; interval++) {
                // Both instances tick several times within each interval, at the same moments.
                for (int tick = 0; tick < 4; tick++) {
                    CountDownLatch together = new CountDownLatch(1);
                    List<Future<Boolean>> ticks = new ArrayList<>();
                    for (ClusterJobs instance : List.of(first, second)) {
                        ticks.add(schedulers.submit(() -> {
                            together.await();
                            return instance.runOnce("consent-expiry", EVERY, MAX_RUN, work);
                        }));
                    }
                    together.countDown();
                    for (Future<Boolean> done : ticks) {
                        done.get();
                    }
                    clock.advance(EVERY.dividedBy(4));
                }
            }
        } finally {
            schedulers.shutdownNow();
        }

        assertThat(runs.get()).isEqualTo(6);
        assertThat(mostAtOnce.get()).isEqualTo(1);
    }

    @Test
    void anotherInstanceRunsTheJobOnceTheInstanceRunningItHasDied() {
        ClusterJobs survivor = instance();
        AtomicInteger survivorRuns = new AtomicInteger();
        // Another instance took the job and died while running it: its lease is never renewed or handed on.
        assertThat(new Leases(mongo, clock, "died").takeLapsed("job:planning", MAX_RUN)).isTrue();

        assertThat(survivor.runOnce("planning", EVERY, MAX_RUN, survivorRuns::incrementAndGet)).isFalse();
        clock.advance(MAX_RUN.plusSeconds(1));

        assertThat(survivor.runOnce("planning", EVERY, MAX_RUN, survivorRuns::incrementAndGet)).isTrue();
        assertThat(survivorRuns.get()).isEqualTo(1);
    }

    @Test
    void aRunThatFailedMayBeTriedAgainAtTheNextTickAnywhere() {
        ClusterJobs first = instance();
        ClusterJobs second = instance();
        AtomicInteger runs = new AtomicInteger();

        assertThatThrownBy(() -> first.runOnce("housekeeping", EVERY, MAX_RUN, () -> {
            throw new IllegalStateException("store unavailable");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(second.runOnce("housekeeping", EVERY, MAX_RUN, runs::incrementAndGet)).isTrue();
        assertThat(first.runOnce("housekeeping", EVERY, MAX_RUN, runs::incrementAndGet)).isFalse();
        assertThat(runs.get()).isEqualTo(1);
    }

    @Test
    void differentJobsDoNotWaitForEachOther() {
        ClusterJobs only = instance();
        AtomicInteger runs = new AtomicInteger();

        assertThat(only.runOnce("dispatch", EVERY, MAX_RUN, runs::incrementAndGet)).isTrue();
        assertThat(only.runOnce("reminders", EVERY, MAX_RUN, runs::incrementAndGet)).isTrue();
        assertThat(only.runOnce("dispatch", EVERY, MAX_RUN, runs::incrementAndGet)).isFalse();
        assertThat(runs.get()).isEqualTo(2);
    }

    private ClusterJobs instance() {
        return new ClusterJobs(new Leases(mongo, clock), MAX_RUN);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
