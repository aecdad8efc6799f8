package no.samhandling.platform.cluster;

import java.time.Duration;
import java.time.Instant;

/**
 * Runs each scheduled job once across the cluster: every instance's scheduler still ticks, but a
 * tick only does the work when it can take the job's lease ({@code job:<name>} in
 * {@link Leases}), and the instance that ran it keeps the lease until {@code every} has passed
 * since it started. So the job runs once per interval in the whole cluster, never twice at the
 * same time, and still runs when any one instance is down: a lease held by an instance that died
 * mid-run lapses after {@code maxRun}.
 *
 * <pre>{@code
 * @Scheduled(fixedDelayString = "${samhandling.consent.expiry-interval:PT10M}")
 * void expireEndedConsents() {
 *     jobs.runOnce("consent-expiry", every, consents::expireEndedConsents);
 * }
 * }</pre>
 */
public final class ClusterJobs {

    private final Leases leases;
    private final Duration defaultMaxRun;

    public ClusterJobs(Leases leases, Duration defaultMaxRun) {
        this.leases = leases;
        this.defaultMaxRun = defaultMaxRun;
    }

    /**
     * Runs the work here unless another instance runs it now or ran it less than {@code every}
     * ago; returns whether it ran here.
     */
    public boolean runOnce(String job, Duration every, Runnable work) {
        return runOnce(job, every, defaultMaxRun, work);
    }

    /**
     * As {@link #runOnce(String, Duration, Runnable)}, presuming an instance dead that has run
     * the job for longer than {@code maxRun}.
     */
    public boolean runOnce(String job, Duration every, Duration maxRun, Runnable work) {
        String lease = "job:" + job;
        Instant started = leases.now();
        if (!leases.takeLapsed(lease, maxRun)) {
            return false;
        }
        boolean done = false;
        try {
            work.run();
            done = true;
        } finally {
            // A failed run may be tried again at the next tick, in any instance.
            Instant now = leases.now();
            Instant due = started.plus(every);
            leases.holdUntil(lease, done && due.isAfter(now) ? due : now);
        }
        return true;
    }
}
