package no.samhandling.reporting.releases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.arena.ArenaRegistered;
import no.samhandling.events.arena.ArenaRetired;
import no.samhandling.events.arena.ArenaUpdated;
import no.samhandling.reporting.projection.Metric;
import no.samhandling.reporting.projection.ProjectedCounters;

/**
 * A year of releases made from events as the service makes them, without a store: the counters the
 * events project to, then every release of the year in publication order, each built on the ones
 * before.
 */
final class YearOfReleases {

    static List<ReleaseBuilder.Stored> publish(List<DomainEvent> events, String municipality, int year, int threshold,
            int minimumBreakdown, Map<Integer, Long> runningLowerBounds) {
        YearCounters counters = counters(events, municipality, year);
        ReleaseBuilder builder = new ReleaseBuilder(threshold, minimumBreakdown);
        List<ReleaseBuilder.Stored> published = new ArrayList<>();
        for (ReleasePeriod period : ReleasePeriod.ofYear(year)) {
            published.add(builder.build(municipality, period, Instant.parse("2030-01-01T00:00:00Z"), counters, published,
                    counters.openAtStart(), runningLowerBounds));
        }
        return published;
    }

    static YearCounters counters(List<DomainEvent> events, String municipality, int year) {
        Map<String, Long> counts = ProjectedCounters.of(events);
        Map<Metric, Map<String, long[]>> monthly = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            monthly.put(metric, new LinkedHashMap<>());
        }
        Map<Metric, Map<String, Long>> before = new EnumMap<>(Metric.class);
        counts.forEach((id, count) -> {
            String[] parts = id.split("\\|");
            if (!parts[0].equals(municipality) || !parts[3].matches("\\d{4}-\\d{2}")) {
                return;
            }
            Metric metric = Metric.valueOf(parts[1]);
            int counterYear = Integer.parseInt(parts[3].substring(0, 4));
            if (counterYear == year) {
                monthly.get(metric).computeIfAbsent(parts[2], key -> new long[12])[Integer.parseInt(parts[3].substring(5)) - 1] += count;
            } else if (counterYear < year) {
                before.computeIfAbsent(metric, key -> new LinkedHashMap<>()).merge(parts[2], count, Long::sum);
            }
        });
        Map<String, Long> open = new LinkedHashMap<>();
        YearCounters.ENTERING.forEach(metric -> before.getOrDefault(metric, Map.of()).forEach((arena, n) -> open.merge(arena, n, Long::sum)));
        YearCounters.LEAVING.forEach(metric -> before.getOrDefault(metric, Map.of()).forEach((arena, n) -> open.merge(arena, -n, Long::sum)));
        open.replaceAll((arena, n) -> Math.max(0, n));
        Map<String, CounterReader.Arena> arenas = new LinkedHashMap<>();
        for (DomainEvent event : events) {
            if (!event.municipality().equals(municipality)) {
                continue;
            }
            switch (event) {
                case ArenaRegistered registered -> arenas.put(registered.aggregateId(),
                        new CounterReader.Arena(registered.aggregateId(), registered.title(), false));
                case ArenaUpdated updated -> arenas.put(updated.aggregateId(), new CounterReader.Arena(updated.aggregateId(), updated.title(),
                        false));
                case ArenaRetired retired -> arenas.computeIfPresent(retired.aggregateId(),
                        (id, arena) -> new CounterReader.Arena(id, arena.title(), true));
                default -> {
                }
            }
        }
        Map<String, String> retiredMonths = new LinkedHashMap<>();
        before.getOrDefault(Metric.ARENA_RETIRED, Map.of()).keySet().forEach(arena -> retiredMonths.put(arena, YearCounters.BEFORE_THE_YEAR));
        monthly.get(Metric.ARENA_RETIRED).forEach((arena, months) -> {
            for (int month = 0; month < 12; month++) {
                if (months[month] > 0) {
                    retiredMonths.putIfAbsent(arena, "%d-%02d".formatted(year, month + 1));
                }
            }
        });
        return new YearCounters(year, monthly, open, arenas, retiredMonths);
    }

    private YearOfReleases() {
    }
}
