package no.samhandling.platform.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import no.samhandling.platform.cluster.ClusterJobs;
import no.samhandling.platform.retention.RetentionMetrics;

/**
 * Applies {@link AccessLogRetention} to the service's access log once a day, in one instance at a time
 * (job {@code access-log-retention}), and reports what it pruned in
 * {@code samhandling.retention.pruned{data="access-log"}} and {@code samhandling.retention.last-run}.
 */
public class AccessLogPruning {

    static final String JOB = "access-log-retention";
    static final String DATA = "access-log";
    private static final Logger log = LoggerFactory.getLogger(AccessLogPruning.class);

    private final AccessLog accessLog;
    private final AccessLogRetention retention;
    private final ClusterJobs jobs;
    private final RetentionMetrics.Job metrics;

    AccessLogPruning(AccessLog accessLog, AccessLogRetention retention, ClusterJobs jobs, RetentionMetrics metrics) {
        this.accessLog = accessLog;
        this.retention = retention;
        this.jobs = jobs;
        this.metrics = metrics.job(DATA, RetentionMetrics.Effect.PRUNED);
    }

    @Scheduled(initialDelayString = "${samhandling.access-log.retention.initial-delay:PT10M}",
            fixedDelayString = "${samhandling.access-log.retention.interval:PT24H}")
    void applyRetention() {
        jobs.runOnce(JOB, retention.interval(), this::pruneExpiredEntries);
    }

    /** @return how many entries were pruned */
    public long pruneExpiredEntries() {
        long pruned = accessLog.prune();
        metrics.ran(pruned);
        if (pruned > 0) {
            log.info("Pruned {} access-log entries past their retention period", pruned);
        }
        return pruned;
    }
}
