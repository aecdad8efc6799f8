package no.samhandling.reporting.releases;

import static no.samhandling.reporting.releases.ReleaseTables.BACKLOG;
import static no.samhandling.reporting.releases.ReleaseTables.CASES;
import static no.samhandling.reporting.releases.ReleaseTables.CASE_TABLES;
import static no.samhandling.reporting.releases.ReleaseTables.CATEGORY_TABLES;
import static no.samhandling.reporting.releases.ReleaseTables.CONSENTS;
import static no.samhandling.reporting.releases.ReleaseTables.EXIT_TABLES;
import static no.samhandling.reporting.releases.ReleaseTables.MEETING_TABLES;
import static no.samhandling.reporting.releases.ReleaseTables.REFERRALS_BY_ARENA;
import static no.samhandling.reporting.releases.ReleaseTables.REFERRALS_BY_THEME;
import static no.samhandling.reporting.releases.ReleaseTables.TOTAL;
import static no.samhandling.reporting.releases.ReleaseTables.cellId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import no.samhandling.reporting.disclosure.Cell;
import no.samhandling.reporting.disclosure.DisclosureControl;
import no.samhandling.reporting.disclosure.Flag;
import no.samhandling.reporting.disclosure.JointProtection;
import no.samhandling.reporting.disclosure.ProtectionProblem;
import no.samhandling.reporting.projection.Counters;
import no.samhandling.reporting.projection.Metric;

/**
 * Makes one release: its counts (a month from the counters; a half-year from its months' frozen
 * counts and the counters of what is published only per half-year; a year from its halves), then
 * protects them as one problem with everything published earlier in the year, whose decisions
 * bind: a cell shown earlier is a known number, a cell hidden earlier stays hidden and protected.
 */
final class ReleaseBuilder {

    private static final double ROW_COST = 1;
    private static final double TOTAL_COST = 20;
    /** The shared total of every table of cases: hidden only when nothing else will do. */
    private static final double CASES_TOTAL_COST = 200;

    private final int threshold;
    private final int minimumBreakdown;
    private final DisclosureControl control;
    private final JointProtection protection;

    ReleaseBuilder(int threshold, int minimumBreakdown) {
        this.threshold = threshold;
        this.minimumBreakdown = minimumBreakdown;
        this.control = new DisclosureControl(threshold);
        this.protection = new JointProtection(threshold);
    }

    /**
     * A release with the counts it was made from, which never leave the service.
     *
     * @param cells every cell's true count, by id ({@code table|row|period})
     * @param latents counts that are never published but that a reader knows exist (cases closed, escalation routes)
     * @param known constants a reader is assumed to know exactly (the backlog when the year began)
     */
    record Stored(Release release, Map<String, Long> cells, Map<String, Long> latents, Map<String, Long> known) {
    }

    /**
     * @param earlier the releases of the same year published before, in publication order
     * @param openAtStart the backlog per arena when the year began
     * @param runningLowerBounds per month (index), the highest "at least" the running month showed
     */
    Stored build(String municipality, ReleasePeriod period, Instant publishedAt, YearCounters counters, List<Stored> earlier,
            Map<String, Long> openAtStart, Map<Integer, Long> runningLowerBounds) {
        Map<ReleasePeriod, Stored> byPeriod = new LinkedHashMap<>();
        earlier.forEach(stored -> byPeriod.put(stored.release().releasePeriod(), stored));
        List<String> arenas = arenas(period, counters, openAtStart, byPeriod);
        Counts counts = switch (period.kind()) {
            case MONTH -> month(period, arenas, counters);
            case HALF -> half(period, arenas, counters, byPeriod, openAtStart);
            case YEAR -> year(period, arenas, byPeriod);
        };
        Release draft = draft(municipality, period, publishedAt, arenas, counters, counts);

        List<Stored> year = new ArrayList<>(earlier);
        Stored fresh = new Stored(draft, counts.cells, counts.latents, counts.known);
        year.add(fresh);
        Model model = model(year, fresh, runningLowerBounds);
        BitSet hidden = protection.protect(model.problem);
        return new Stored(decided(draft, model, hidden, counts), counts.cells, counts.latents, counts.known);
    }

    /** The counts of a release before protection: rows per table, true values, and what a reader knows beside them. */
    private static final class Counts {
        final Map<String, List<String>> rows = new LinkedHashMap<>();
        final Map<String, Long> cells = new LinkedHashMap<>();
        final Map<String, Long> latents = new LinkedHashMap<>();
        final Map<String, Long> known = new LinkedHashMap<>();

        void table(String table, List<String> keys, String period, Map<String, Long> values) {
            rows.put(table, keys);
            long total = 0;
            for (String key : keys) {
                long value = Math.max(0, values.getOrDefault(key, 0L));
                cells.put(cellId(table, key, period), value);
                total += value;
            }
            String totalId = ReleaseTables.totalId(table, period);
            if (totalId != null) {
                Long before = cells.put(totalId, total);
                if (before != null && before != total) {
                    throw new IllegalStateException("tables of cases disagree on the number of cases: " + table);
                }
            }
        }
    }

    private Counts month(ReleasePeriod period, List<String> arenas, YearCounters counters) {
        Counts counts = new Counts();
        List<Integer> month = period.monthIndexes();
        CASE_TABLES.forEach((table, metric) -> {
            List<String> keys = ReleaseTables.perArena(table) ? arenas : ReleaseTables.codes(table);
            counts.table(table, keys, period.code(), folded(counters.sum(metric, month), keys));
        });
        return counts;
    }

    private Counts half(ReleasePeriod period, List<String> arenas, YearCounters counters, Map<ReleasePeriod, Stored> earlier,
            Map<String, Long> openAtStart) {
        Counts counts = new Counts();
        String code = period.code();
        List<Integer> months = period.monthIndexes();
        // Cases: the sum of the months as they were released, so that the half-year never contradicts them.
        CASE_TABLES.keySet().forEach(table -> {
            List<String> keys = ReleaseTables.perArena(table) ? arenas : ReleaseTables.codes(table);
            counts.table(table, keys, code, sumOfParts(table, keys, period, earlier));
        });
        EXIT_TABLES.forEach((table, metric) -> counts.table(table, arenas, code, counters.sum(metric, months)));
        MEETING_TABLES.forEach((table, metric) -> counts.table(table, arenas, code, counters.sum(metric, months)));
        CATEGORY_TABLES.forEach((table, metric) -> counts.table(table, ReleaseTables.codes(table), code,
                folded(counters.sum(metric, months), ReleaseTables.codes(table))));
        counts.table(CONSENTS, ReleaseTables.codes(CONSENTS), code, counters.sum(Metric.CONSENTS, months));

        Map<String, Long> closed = counters.sum(Metric.CLOSED_BY_ARENA, months);
        Map<String, Long> routes = counters.sum(Metric.ESCALATION_ROUTES, months);
        routes.values().removeIf(count -> count == 0);
        routes.forEach((route, count) -> counts.latents.put(cellId("route", route, code), count));
        Map<String, Long> open = new LinkedHashMap<>();
        for (String arena : arenas) {
            long before;
            if (period.index() == 0) {
                before = openAtStart.getOrDefault(arena, 0L);
                counts.known.put(cellId(BACKLOG, arena, "start"), before);
            } else {
                Stored spring = earlier.get(ReleasePeriod.half(period.year(), 0));
                before = spring.cells().getOrDefault(cellId(BACKLOG, arena, spring.release().period()), 0L);
            }
            long entered = counts.cells.get(cellId(REFERRALS_BY_ARENA, arena, code)) + escalatedInto(arena, routes);
            long left = counts.cells.get(cellId("returnedByArena", arena, code)) + counts.cells.get(cellId("escalatedByArena", arena, code))
                    + counts.cells.get(cellId("withdrawnByArena", arena, code));
            long stillOpen = Math.max(0, before + entered - left - closed.getOrDefault(arena, 0L));
            open.put(arena, stillOpen);
            // Closed is whatever else left: never published, known only to be a count.
            counts.latents.put(cellId("closed", arena, code), Math.max(0, before + entered - left - stillOpen));
        }
        counts.table(BACKLOG, arenas, code, open);
        return counts;
    }

    private Counts year(ReleasePeriod period, List<String> arenas, Map<ReleasePeriod, Stored> earlier) {
        Counts counts = new Counts();
        String code = period.code();
        List<String> tables = new ArrayList<>(CASE_TABLES.keySet());
        tables.addAll(EXIT_TABLES.keySet());
        tables.addAll(MEETING_TABLES.keySet());
        tables.addAll(CATEGORY_TABLES.keySet());
        tables.add(CONSENTS);
        for (String table : tables) {
            List<String> keys = ReleaseTables.perArena(table) ? arenas : ReleaseTables.codes(table);
            counts.table(table, keys, code, sumOfParts(table, keys, period, earlier));
        }
        return counts;
    }

    private static Map<String, Long> sumOfParts(String table, List<String> keys, ReleasePeriod period, Map<ReleasePeriod, Stored> earlier) {
        Map<String, Long> sums = new LinkedHashMap<>();
        for (ReleasePeriod part : period.parts()) {
            Stored stored = earlier.get(part);
            if (stored == null) {
                throw new IllegalStateException("the release of " + part.code() + " comes before that of " + period.code());
            }
            for (String key : keys) {
                sums.merge(key, stored.cells().getOrDefault(cellId(table, key, part.code()), 0L), Long::sum);
            }
        }
        return sums;
    }

    private static long escalatedInto(String arena, Map<String, Long> routes) {
        long into = 0;
        for (Map.Entry<String, Long> route : routes.entrySet()) {
            if (route.getKey().endsWith(Counters.ROUTE + arena)) {
                into += route.getValue();
            }
        }
        return into;
    }

    /** Counts of codes outside the list (from before the list was enforced) go to UNKNOWN. */
    private static Map<String, Long> folded(Map<String, Long> counts, List<String> keys) {
        Map<String, Long> folded = new LinkedHashMap<>();
        counts.forEach((key, count) -> folded.merge(keys.contains(key) ? key : Counters.UNKNOWN, count, Long::sum));
        return folded;
    }

    /**
     * The arenas a release lists: every arena of the catalogue not retired before the period began,
     * and any other arena with figures or open cases in it, by title. Which arenas are listed depends
     * on the catalogue, not on who was referred where.
     */
    private static List<String> arenas(ReleasePeriod period, YearCounters counters, Map<String, Long> openAtStart,
            Map<ReleasePeriod, Stored> earlier) {
        String start = period.firstMonth().toString();
        Set<String> ids = new LinkedHashSet<>();
        counters.arenas().values().forEach(arena -> {
            String retired = counters.retiredMonths().get(arena.id());
            boolean retiredBefore = arena.retired() && (retired == null || retired.compareTo(start) < 0);
            if (!retiredBefore) {
                ids.add(arena.id());
            }
        });
        List<Integer> months = period.monthIndexes();
        counters.monthly().forEach((metric, counts) -> {
            if (metric.name().endsWith("_BY_ARENA")) {
                counts.forEach((arena, values) -> {
                    for (int month : months) {
                        if (values[month] != 0) {
                            ids.add(arena);
                        }
                    }
                });
            }
        });
        openAtStart.forEach((arena, open) -> {
            if (open > 0) {
                ids.add(arena);
            }
        });
        // A part's arena is its whole's arena, so that the half-year and the year add up.
        for (ReleasePeriod part : period.parts()) {
            Stored stored = earlier.get(part);
            if (stored != null) {
                stored.release().arenas().forEach(arena -> ids.add(arena.id()));
            }
        }
        Map<String, CounterReader.Arena> directory = counters.arenas();
        return ids.stream().sorted(Comparator.comparing((String id) -> {
            CounterReader.Arena arena = directory.get(id);
            return arena == null || arena.title() == null ? "\uffff" + id : arena.title();
        }).thenComparing(id -> id)).toList();
    }

    private Release draft(String municipality, ReleasePeriod period, Instant publishedAt, List<String> arenas, YearCounters counters,
            Counts counts) {
        List<Release.ArenaLabel> labels = arenas.stream().map(id -> {
            CounterReader.Arena arena = counters.arenas().get(id);
            return new Release.ArenaLabel(id, arena == null || arena.title() == null ? id : arena.title());
        }).toList();
        List<Release.Table> tables = new ArrayList<>();
        counts.rows.forEach((table, keys) -> tables.add(new Release.Table(table,
                keys.stream().map(key -> new Release.Row(key, Cell.MISSING)).toList(),
                ReleaseTables.totalId(table, period.code()) == null ? null : Cell.MISSING)));
        return new Release(municipality, period.code(), period.kind(), publishedAt, threshold, minimumBreakdown, labels, tables,
                statistics(period, counters));
    }

    private Map<String, Cell> statistics(ReleasePeriod period, YearCounters counters) {
        Map<String, Cell> statistics = new LinkedHashMap<>();
        List<Integer> months = period.monthIndexes();
        Map<String, Long> leadTimes = counters.sum(Metric.LEAD_TIME_DAYS, months);
        long observations = leadTimes.values().stream().mapToLong(Long::longValue).sum();
        // A median or percentile of fewer observations than the threshold is not published: its parts could not be shown.
        statistics.put(Release.LEAD_TIME_MEDIAN, control.statistic(percentile(leadTimes, 0.5), observations));
        statistics.put(Release.LEAD_TIME_P90, control.statistic(percentile(leadTimes, 0.9), observations));
        if (period.kind() != ReleasePeriod.Kind.MONTH) {
            long sent = counters.sum(Metric.NOTIFICATIONS_SENT_BY_CHANNEL, months).values().stream().mapToLong(Long::longValue).sum();
            long failed = counters.sum(Metric.NOTIFICATIONS_FAILED_BY_CHANNEL, months).values().stream().mapToLong(Long::longValue).sum();
            statistics.put(Release.NOTIFICATION_FAILURE_RATE, control.rate(failed, sent + failed));
        }
        return statistics;
    }

    /** Nearest-rank percentile of whole days; null without observations. */
    private static Double percentile(Map<String, Long> histogram, double fraction) {
        long n = histogram.values().stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            return null;
        }
        long rank = (long) Math.ceil(fraction * n);
        List<Map.Entry<String, Long>> byDays = new ArrayList<>(histogram.entrySet());
        byDays.sort(Comparator.comparingInt(entry -> Integer.parseInt(entry.getKey())));
        long seen = 0;
        for (Map.Entry<String, Long> entry : byDays) {
            seen += entry.getValue();
            if (seen >= rank) {
                return Double.valueOf(entry.getKey());
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** The year's protection problem: every release of it, the new one open. */
    private Model model(List<Stored> year, Stored fresh, Map<Integer, Long> runningLowerBounds) {
        ProtectionProblem problem = new ProtectionProblem();
        Map<String, Integer> freshCells = new LinkedHashMap<>();
        Set<String> forced = forcedHidden(fresh);
        for (Stored stored : year) {
            Map<String, Flag> flags = flags(stored.release());
            stored.cells().forEach((id, value) -> {
                if (problem.has(id)) {
                    return;
                }
                ProtectionProblem.State state;
                if (stored == fresh) {
                    state = forced.contains(id) ? ProtectionProblem.State.FORCED_HIDDEN : ProtectionProblem.State.OPEN;
                } else {
                    state = flags.get(id) == Flag.SHOWN ? ProtectionProblem.State.SHOWN : ProtectionProblem.State.HIDDEN;
                }
                int at = problem.cell(id, value, state, cost(id, value));
                if (stored == fresh) {
                    freshCells.put(id, at);
                }
            });
            stored.latents().forEach((id, value) -> {
                if (!problem.has(id)) {
                    problem.latent(id, value);
                }
            });
        }
        YearFacts.add(problem, year.stream().map(stored -> new YearFacts.Part(stored.release(), stored.known())).toList(),
                runningLowerBounds);
        return new Model(problem, freshCells);
    }

    private record Model(ProtectionProblem problem, Map<String, Integer> freshCells) {
    }

    /**
     * What hiding the cell costs readers: more for a total than for a row, and, as τ-ARGUS weighs
     * it by default, more for a larger count, so that a small arena's partner is another small
     * figure rather than the big arena's.
     */
    private static double cost(String id, long value) {
        double weight = 1 + value;
        if (id.startsWith(CASES + "|")) {
            return CASES_TOTAL_COST * weight;
        }
        return (id.contains("|" + TOTAL + "|") ? TOTAL_COST : ROW_COST) * weight;
    }

    /** A breakdown of a population too small to break down is never shown: every row of a table whose total is 1 to minimum − 1. */
    private Set<String> forcedHidden(Stored fresh) {
        Set<String> forced = new LinkedHashSet<>();
        String period = fresh.release().period();
        long cases = fresh.cells().getOrDefault(ReleaseTables.cellId(CASES, TOTAL, period), 0L);
        for (Release.Table table : fresh.release().tables()) {
            if (table.rows().size() < 2) {
                continue;
            }
            String totalId = ReleaseTables.totalId(table.id(), period);
            long total = totalId != null ? fresh.cells().get(totalId)
                    : table.id().equals(REFERRALS_BY_THEME) ? cases : Long.MAX_VALUE;
            if (total > 0 && total < minimumBreakdown) {
                table.rows().forEach(row -> forced.add(cellId(table.id(), row.key(), period)));
            }
        }
        return forced;
    }

    private static Map<String, Flag> flags(Release release) {
        Map<String, Flag> flags = new HashMap<>();
        for (Release.Table table : release.tables()) {
            table.rows().forEach(row -> flags.put(cellId(table.id(), row.key(), release.period()), row.cell().flag()));
            String totalId = ReleaseTables.totalId(table.id(), release.period());
            if (totalId != null) {
                flags.put(totalId, table.total().flag());
            }
        }
        return flags;
    }

    private static Release decided(Release draft, Model model, BitSet hidden, Counts counts) {
        String period = draft.period();
        List<Release.Table> tables = new ArrayList<>();
        for (Release.Table table : draft.tables()) {
            List<Release.Row> rows = table.rows().stream()
                    .map(row -> new Release.Row(row.key(), cell(model, hidden, counts, cellId(table.id(), row.key(), period)))).toList();
            String totalId = ReleaseTables.totalId(table.id(), period);
            tables.add(new Release.Table(table.id(), rows, totalId == null ? null : cell(model, hidden, counts, totalId)));
        }
        return new Release(draft.municipality(), draft.period(), draft.kind(), draft.publishedAt(), draft.suppressionThreshold(),
                draft.minimumBreakdownTotal(), draft.arenas(), tables, draft.statistics());
    }

    private static Cell cell(Model model, BitSet hidden, Counts counts, String id) {
        return hidden.get(model.freshCells().get(id)) ? Cell.SUPPRESSED : Cell.shown(counts.cells.get(id));
    }
}
