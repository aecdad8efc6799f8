package no.samhandling.load;

import java.time.Duration;

/**
 * When each request of an open-loop run is due: evenly spaced at the rate, whether or not the
 * requests before it have been answered. Latency is measured from a request's due time, not from
 * when it was actually sent, so a stalled system cannot hide its stall by delaying the requests
 * that would have measured it (coordinated omission).
 */
record Schedule(double ratePerSecond, Duration duration) {

    Schedule {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("--rate must be a positive number of requests per second");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("--duration must be positive");
        }
    }

    /** How many requests the run makes: the rate times the duration, rounded. */
    int count() {
        return Math.toIntExact(Math.round(ratePerSecond * duration.toNanos() / 1e9));
    }

    /** Nanoseconds after the start at which request {@code index} (from 0) is due. */
    long dueNanos(int index) {
        return Math.round(index * 1e9 / ratePerSecond);
    }
}
