package no.samhandling.platform.access;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the access log keeps an entry, per the purpose the read was made for (an entry carries no
 * other legal basis), with {@code default} for every purpose not named and for refusals, which have none.
 * The chain can only lose its oldest entries, so an entry goes once it and every entry before it are
 * past their period: a period is the least an entry is kept.
 *
 * @param keep {@code samhandling.access-log.retention.keep.<purpose>}; default five years for every purpose
 * @param interval how often the pruning job looks ({@code samhandling.access-log.retention.interval}), default a day
 * @param maxPerRun at most this many entries pruned per chain and run, so a first run on a long log stays short
 */
@ConfigurationProperties("samhandling.access-log.retention")
public record AccessLogRetention(@DefaultValue Map<String, Period> keep, @DefaultValue("PT24H") Duration interval,
        @DefaultValue("100000") int maxPerRun) {

    public static final String DEFAULT = "default";
    public static final Period DEFAULT_PERIOD = Period.ofYears(5);
    /** Periods are counted in Norwegian days, as the log's periods are. */
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    public AccessLogRetention {
        // A purpose named in the environment arrives lower-cased and dotted (..._KEEP_GUARDIAN_ACCESS: guardian.access).
        Map<String, Period> byPurpose = new HashMap<>();
        keep.forEach((purpose, period) -> byPurpose.put(normalised(purpose), period));
        keep = Map.copyOf(byPurpose);
        if (maxPerRun < 1) {
            throw new IllegalArgumentException("samhandling.access-log.retention.max-per-run must be at least 1");
        }
    }

    /** Five years for every purpose, once a day. */
    public static AccessLogRetention defaults() {
        return new AccessLogRetention(Map.of(), Duration.ofHours(24), 100_000);
    }

    Period forPurpose(String purpose) {
        Period named = purpose == null ? null : keep.get(normalised(purpose));
        return named != null ? named : keep.getOrDefault(normalised(DEFAULT), DEFAULT_PERIOD);
    }

    private static String normalised(String purpose) {
        return purpose.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Whether the entry is past its period at {@code now}. */
    boolean due(AccessLogEntry entry, Instant now) {
        return entry.at().isBefore(now.atZone(OSLO).minus(forPurpose(entry.purpose())).toInstant());
    }

    /** Nothing made before this may have been pruned yet: the end of the shortest period. */
    Instant earliestPrunable(Instant now) {
        Instant shortest = now.atZone(OSLO).minus(forPurpose(null)).toInstant();
        for (Period period : keep.values()) {
            Instant end = now.atZone(OSLO).minus(period).toInstant();
            if (end.isAfter(shortest)) {
                shortest = end;
            }
        }
        return shortest;
    }
}
