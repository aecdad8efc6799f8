package no.samhandling.platform.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A clock a test moves forward: a service given it as its {@code Clock} bean sees a day pass at
 * once. {@link #ticking()} keeps running like the system clock, for services that also wait on real
 * time; {@link #at(Instant)} stands still until moved. Every zone view shares the same time.
 */
public final class MutableClock extends Clock {

    private final Supplier<Instant> base;
    private final AtomicReference<Duration> offset;
    private final ZoneId zone;

    private MutableClock(Supplier<Instant> base, AtomicReference<Duration> offset, ZoneId zone) {
        this.base = base;
        this.offset = offset;
        this.zone = zone;
    }

    /** The system clock, which a test can move ahead. */
    public static MutableClock ticking() {
        return new MutableClock(Instant::now, new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
    }

    /** A clock standing still at {@code start} until a test moves it. */
    public static MutableClock at(Instant start) {
        return new MutableClock(() -> start, new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
    }

    public void advance(Duration by) {
        offset.accumulateAndGet(by, Duration::plus);
    }

    @Override
    public Instant instant() {
        return base.get().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new MutableClock(base, offset, newZone);
    }
}
