package no.samhandling.platform.retention;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What each retention job of a service did, for the dashboards and alerts: a counter of the items it
 * removed or anonymised, named for what it did ({@code samhandling.retention.anonymised}, {@code .pruned},
 * {@code .purged}), and the time it last ran to the end ({@code samhandling.retention.last-run}, seconds
 * since the epoch, 0 until it has), so a job that stopped running is seen too. The tags are the service and
 * a fixed name of the kind of data ({@code service}, {@code data}), never an id, a municipality or anything
 * else about a person.
 */
public final class RetentionMetrics {

    public static final String LAST_RUN = "samhandling.retention.last-run";

    /** What a job does to the items it is due for; each is a counter of its own. */
    public enum Effect {
        ANONYMISED("samhandling.retention.anonymised"),
        PRUNED("samhandling.retention.pruned"),
        PURGED("samhandling.retention.purged");

        private final String metric;

        Effect(String metric) {
            this.metric = metric;
        }

        public String metric() {
            return metric;
        }
    }

    private final MeterRegistry meters;
    private final String service;
    private final Clock clock;

    public RetentionMetrics(MeterRegistry meters, String service, Clock clock) {
        this.meters = meters;
        this.service = service;
        this.clock = clock;
    }

    /**
     * The meters of one job, registered now so they show (at 0) before its first run.
     *
     * @param data a fixed name of the kind of data, such as {@code closed-cases}; it becomes a tag
     */
    public Job job(String data, Effect effect) {
        if (!data.matches("[a-z][a-z-]{0,39}")) {
            throw new IllegalArgumentException("A retention job's data is a fixed lower-case name, not " + data);
        }
        AtomicLong lastRun = new AtomicLong();
        Gauge.builder(LAST_RUN, lastRun, AtomicLong::get).baseUnit("seconds")
                .description("When the retention job last ran to the end, in seconds since the epoch; 0 until it has")
                .tag("service", service).tag("data", data).register(meters);
        Counter counter = Counter.builder(effect.metric()).description("Items the retention job " + effect.name().toLowerCase())
                .tag("service", service).tag("data", data).register(meters);
        return new Job(counter, lastRun, clock);
    }

    /** One job's meters. */
    public static final class Job {

        private final Counter counter;
        private final AtomicLong lastRun;
        private final Clock clock;

        private Job(Counter counter, AtomicLong lastRun, Clock clock) {
            this.counter = counter;
            this.lastRun = lastRun;
            this.clock = clock;
        }

        /** The job ran to the end and did this to {@code items} items. */
        public void ran(long items) {
            counter.increment(items);
            lastRun.set(clock.instant().getEpochSecond());
        }
    }
}
