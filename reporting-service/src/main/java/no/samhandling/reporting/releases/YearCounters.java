package no.samhandling.reporting.releases;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.samhandling.reporting.projection.Metric;

/**
 * The raw counters of one municipality and year that releases are computed from, read once: counts
 * per metric, key and month, the backlog per arena when the year began, and the catalogue's arenas.
 *
 * @param openAtStart open cases per arena at the start of the year: every case that entered before
 *        it less every case that left
 * @param retiredMonths the month ({@code yyyy-MM}) each retired arena retired in, where known
 */
record YearCounters(
        int year,
        Map<Metric, Map<String, long[]>> monthly,
        Map<String, Long> openAtStart,
        Map<String, CounterReader.Arena> arenas,
        Map<String, String> retiredMonths) {

    static final String BEFORE_THE_YEAR = "0000-00";
    static final List<Metric> ENTERING = List.of(Metric.REFERRALS_BY_ARENA, Metric.ESCALATED_IN_BY_ARENA);
    static final List<Metric> LEAVING = List.of(Metric.RETURNED_BY_ARENA, Metric.ESCALATED_BY_ARENA, Metric.WITHDRAWN_BY_ARENA,
            Metric.CLOSED_BY_ARENA);

    static YearCounters read(CounterReader reader, no.samhandling.reporting.projection.Generation generation, String municipality,
            int year) {
        Map<Metric, Map<String, long[]>> monthly = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            if (metric != Metric.OPEN_BACKLOG_BY_ARENA) {
                monthly.put(metric, reader.monthly(generation, municipality, metric, year));
            }
        }
        Map<String, Long> open = new LinkedHashMap<>();
        for (Metric metric : ENTERING) {
            reader.before(generation, municipality, metric, year).forEach((arena, count) -> open.merge(arena, count, Long::sum));
        }
        for (Metric metric : LEAVING) {
            reader.before(generation, municipality, metric, year).forEach((arena, count) -> open.merge(arena, -count, Long::sum));
        }
        open.replaceAll((arena, count) -> Math.max(0, count));
        // Only whether an arena retired before the year, or in which month of it, matters.
        Map<String, String> retired = new LinkedHashMap<>();
        reader.before(generation, municipality, Metric.ARENA_RETIRED, year).keySet().forEach(arena -> retired.put(arena, BEFORE_THE_YEAR));
        monthly.get(Metric.ARENA_RETIRED).forEach((arena, months) -> {
            for (int month = 0; month < 12; month++) {
                if (months[month] > 0) {
                    retired.putIfAbsent(arena, "%d-%02d".formatted(year, month + 1));
                    break;
                }
            }
        });
        return new YearCounters(year, monthly, open, reader.arenas(generation, municipality), retired);
    }

    /** The counts of a metric over some months, per key. */
    Map<String, Long> sum(Metric metric, List<Integer> months) {
        Map<String, Long> sums = new LinkedHashMap<>();
        monthly.getOrDefault(metric, Map.of()).forEach((key, counts) -> {
            long sum = 0;
            for (int month : months) {
                sum += counts[month];
            }
            sums.put(key, sum);
        });
        return sums;
    }
}
