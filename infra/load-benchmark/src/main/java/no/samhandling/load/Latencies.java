package no.samhandling.load;

import java.util.Arrays;
import java.util.Locale;

/** Latencies of one kind, gathered from many threads, summarised as nearest-rank percentiles. */
final class Latencies {

    private long[] nanos = new long[1024];
    private int size;

    synchronized void add(long latencyNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = latencyNanos;
    }

    synchronized Summary summary() {
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return new Summary(0, 0, 0, 0, 0);
        }
        return new Summary(sorted.length, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                sorted[sorted.length - 1]);
    }

    /** The nearest-rank percentile: the smallest value with at least {@code p} % of the values at or below it. */
    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    record Summary(int count, long p50Nanos, long p95Nanos, long p99Nanos, long maxNanos) {

        String format() {
            if (count == 0) {
                return "none measured";
            }
            return String.format(Locale.ROOT, "p50 %s  p95 %s  p99 %s  max %s  (n=%d)",
                    millis(p50Nanos), millis(p95Nanos), millis(p99Nanos), millis(maxNanos), count);
        }

        static String millis(long nanos) {
            double ms = nanos / 1e6;
            return ms < 10 ? String.format(Locale.ROOT, "%.1f ms", ms) : String.format(Locale.ROOT, "%.0f ms", ms);
        }
    }
}
