package no.samhandling.reporting.figures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import no.samhandling.events.referral.DiscussionBasis;
import no.samhandling.events.referral.PreventionLevel;
import no.samhandling.reporting.disclosure.Cell;
import no.samhandling.reporting.disclosure.CountTable;
import no.samhandling.reporting.disclosure.DisclosureControl;
import no.samhandling.reporting.disclosure.Margins;
import no.samhandling.reporting.disclosure.ProtectedTable;
import no.samhandling.reporting.projection.Generation;
import no.samhandling.reporting.projection.Generations;
import no.samhandling.reporting.projection.Metric;

/**
 * Builds the published figures of a municipality and period from the current generation.
 *
 * <p>Every table is protected once per calendar year, as a whole (arena × month, or category ×
 * half-year, with all its totals); a half-year view shows a part of that protected table and adds
 * only sums that its shown cells already give away. So the year report, both half-year reports
 * and the dashboard never disagree about what is hidden, and one cannot be subtracted from another
 * to uncover a hidden cell.
 */
@Service
public class FigureService {

    static final List<String> HALVES = List.of(Period.Half.VAR.name(), Period.Half.HAUST.name());

    private final Generations generations;
    private final FigureReader reader;
    private final DisclosureControl control;

    FigureService(Generations generations, FigureReader reader,
            @Value("${samhandling.reporting.suppression-threshold:5}") int threshold) {
        this.generations = generations;
        this.reader = reader;
        this.control = new DisclosureControl(threshold);
    }

    public int threshold() {
        return control.threshold();
    }

    /** Figures of one period, optionally only the rows of one arena in the tables per arena. */
    public FiguresReport report(String municipality, Period period, String arenaId) {
        Generation generation = generations.current();
        int year = period.year();
        Map<String, FigureReader.Arena> directory = reader.arenas(generation, municipality);
        Map<Metric, Map<String, long[]>> data = new LinkedHashMap<>();
        for (Metric metric : Metric.values()) {
            if (metric != Metric.OPEN_BACKLOG_BY_ARENA) {
                data.put(metric, reader.monthly(generation, municipality, metric, year));
            }
        }
        List<String> arenaRows = arenaRows(directory, data);
        Function<String, String> arenaLabel = id -> directory.containsKey(id) && directory.get(id).title() != null
                ? directory.get(id).title() : id;

        List<PublishedTable> tables = new ArrayList<>();
        tables.add(byMonths("referralsByArena", data.get(Metric.REFERRALS_BY_ARENA), arenaRows, arenaLabel, period));
        tables.add(byHalves("referralsByTheme", data.get(Metric.REFERRALS_BY_THEME), keys(data.get(Metric.REFERRALS_BY_THEME)),
                null, Margins.ROWS, period));
        tables.add(byHalves("referralsByAgeBand", data.get(Metric.REFERRALS_BY_AGE_BAND), keys(data.get(Metric.REFERRALS_BY_AGE_BAND)),
                null, Margins.BOTH, period));
        tables.add(byHalves("referralsByUnitType", data.get(Metric.REFERRALS_BY_UNIT_TYPE), keys(data.get(Metric.REFERRALS_BY_UNIT_TYPE)),
                null, Margins.BOTH, period));
        tables.add(byHalves("referralsByPreventionLevel", data.get(Metric.REFERRALS_BY_PREVENTION_LEVEL),
                names(PreventionLevel.values()), null, Margins.BOTH, period));
        tables.add(byHalves("referralsByBasis", data.get(Metric.REFERRALS_BY_BASIS), names(DiscussionBasis.values()), null,
                Margins.BOTH, period));
        tables.add(byHalves("returnedByArena", data.get(Metric.RETURNED_BY_ARENA), arenaRows, arenaLabel, Margins.BOTH, period));
        tables.add(byHalves("escalatedByArena", data.get(Metric.ESCALATED_BY_ARENA), arenaRows, arenaLabel, Margins.BOTH, period));
        tables.add(byHalves("withdrawnByArena", data.get(Metric.WITHDRAWN_BY_ARENA), arenaRows, arenaLabel, Margins.BOTH, period));
        tables.add(byHalves("meetingsHeldByArena", data.get(Metric.MEETINGS_HELD_BY_ARENA), arenaRows, arenaLabel, Margins.BOTH, period));
        tables.add(byHalves("meetingsCancelledByArena", data.get(Metric.MEETINGS_CANCELLED_BY_ARENA), arenaRows, arenaLabel,
                Margins.BOTH, period));
        tables.add(byHalves("meetingsCancelledNoCasesByArena", data.get(Metric.MEETINGS_CANCELLED_NO_CASES_BY_ARENA), arenaRows,
                arenaLabel, Margins.BOTH, period));
        tables.add(byHalves("minutesItemsWithoutAssignmentByArena", data.get(Metric.MINUTES_ITEMS_WITHOUT_ASSIGNMENT_BY_ARENA),
                arenaRows, arenaLabel, Margins.BOTH, period));
        tables.add(byHalves("deviationsByCategory", data.get(Metric.DEVIATIONS_BY_CATEGORY), keys(data.get(Metric.DEVIATIONS_BY_CATEGORY)),
                null, Margins.BOTH, period));
        tables.add(byHalves("systemCasesByCategory", data.get(Metric.SYSTEM_CASES_BY_CATEGORY),
                keys(data.get(Metric.SYSTEM_CASES_BY_CATEGORY)), null, Margins.BOTH, period));
        tables.add(byHalves("consents", data.get(Metric.CONSENTS), List.of("GRANTED", "WITHDRAWN", "EXPIRED", "ERASED"), null,
                Margins.ROWS, period));
        Map<String, long[]> notifications = new LinkedHashMap<>();
        notifications.put("SENT", sum(data.get(Metric.NOTIFICATIONS_SENT_BY_CHANNEL)));
        notifications.put("FAILED", sum(data.get(Metric.NOTIFICATIONS_FAILED_BY_CHANNEL)));
        tables.add(byHalves("notifications", notifications, List.of("SENT", "FAILED"), null, Margins.ROWS, period));

        Map<String, long[]> leadTimes = data.get(Metric.LEAD_TIME_DAYS);
        Map<String, long[]> discussed = Map.of("DISCUSSED", sum(leadTimes));
        tables.add(byHalves("leadTimeObservations", discussed, List.of("DISCUSSED"), null, Margins.ROWS, period));

        if (arenaId != null) {
            tables.replaceAll(table -> table.id().endsWith("ByArena") ? table.onlyRow(arenaId) : table);
        }
        PublishedTable backlog = backlog(reader.now(generation, municipality, Metric.OPEN_BACKLOG_BY_ARENA), arenaRows, arenaLabel);
        if (arenaId != null) {
            backlog = backlog.onlyRow(arenaId);
        }
        return new FiguresReport(municipality, period.code(), control.threshold(), generation.number(), tables,
                leadTime(leadTimes, period), failureRates(notifications, period), backlog);
    }

    /** The arenas a leader can filter on: active arenas and arenas with figures this year, as id and title. */
    public Map<String, String> arenaOptions(String municipality, int year) {
        Generation generation = generations.current();
        Map<String, FigureReader.Arena> directory = reader.arenas(generation, municipality);
        Map<Metric, Map<String, long[]>> data = Map.of(Metric.REFERRALS_BY_ARENA,
                reader.monthly(generation, municipality, Metric.REFERRALS_BY_ARENA, year));
        Map<String, String> options = new LinkedHashMap<>();
        for (String id : arenaRows(directory, data)) {
            options.put(id, directory.containsKey(id) && directory.get(id).title() != null ? directory.get(id).title() : id);
        }
        return options;
    }

    /** The protected arena × month table of a year, for the per-cell listing of {@code GET /reports/referrals}. */
    ProtectedTable referralsByArenaAndMonth(String municipality, int year) {
        Generation generation = generations.current();
        Map<String, long[]> counts = reader.monthly(generation, municipality, Metric.REFERRALS_BY_ARENA, year);
        List<String> rows = new ArrayList<>(counts.keySet());
        return control.protect(countTable("referralsByArena", counts, rows, months(year), 12, Margins.BOTH));
    }

    private PublishedTable byMonths(String id, Map<String, long[]> counts, List<String> rows, Function<String, String> label,
            Period period) {
        List<String> months = months(period.year());
        ProtectedTable table = control.protect(countTable(id, counts, rows, months, 12, Margins.BOTH));
        List<Integer> shown = period.monthIndexes();
        List<PublishedTable.Heading> headings = shown.stream().map(i -> new PublishedTable.Heading(months.get(i))).toList();
        List<PublishedTable.Line> lines = new ArrayList<>();
        for (int row = 0; row < rows.size(); row++) {
            lines.add(new PublishedTable.Line(rows.get(row), label.apply(rows.get(row)), cells(table, row, shown),
                    periodTotal(table, row, period)));
        }
        int totalsRow = rows.size();
        PublishedTable.Line totals = new PublishedTable.Line(null, null, cells(table, totalsRow, shown), periodTotal(table, totalsRow, period));
        return new PublishedTable(id, headings, lines, totals);
    }

    private PublishedTable byHalves(String id, Map<String, long[]> monthly, List<String> rows, Function<String, String> label,
            Margins margins, Period period) {
        Map<String, long[]> halves = new LinkedHashMap<>();
        monthly.forEach((key, months) -> {
            long spring = 0;
            long autumn = 0;
            for (int i = 0; i < 12; i++) {
                if (i < 6) {
                    spring += months[i];
                } else {
                    autumn += months[i];
                }
            }
            halves.put(key, new long[] {spring, autumn});
        });
        ProtectedTable table = control.protect(countTable(id, halves, rows, HALVES, 2, margins));
        List<Integer> shown = period.half() == null ? List.of(0, 1) : List.of(period.half().ordinal());
        List<PublishedTable.Heading> headings = shown.stream().map(i -> new PublishedTable.Heading(HALVES.get(i))).toList();
        List<PublishedTable.Line> lines = new ArrayList<>();
        for (int row = 0; row < rows.size(); row++) {
            Cell total = period.half() == null ? table.rowTotal(row) : null;
            lines.add(new PublishedTable.Line(rows.get(row), label == null ? null : label.apply(rows.get(row)),
                    cells(table, row, shown), total));
        }
        PublishedTable.Line totals = null;
        if (table.hasColumnTotals()) {
            totals = new PublishedTable.Line(null, null, cells(table, rows.size(), shown),
                    period.half() == null ? table.grandTotal() : null);
        }
        return new PublishedTable(id, headings, lines, totals);
    }

    private PublishedTable backlog(Map<String, Long> open, List<String> arenaRows, Function<String, String> label) {
        Set<String> rows = new LinkedHashSet<>(arenaRows);
        rows.addAll(open.keySet());
        List<String> ordered = new ArrayList<>(rows);
        long[][] counts = new long[ordered.size()][1];
        for (int i = 0; i < ordered.size(); i++) {
            counts[i][0] = open.getOrDefault(ordered.get(i), 0L);
        }
        ProtectedTable table = control.protect(new CountTable("openBacklogByArena", ordered, List.of("OPEN"), counts, Margins.COLUMNS));
        List<PublishedTable.Line> lines = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            lines.add(new PublishedTable.Line(ordered.get(i), label.apply(ordered.get(i)), List.of(table.cell(i, 0)), null));
        }
        return new PublishedTable("openBacklogByArena", List.of(new PublishedTable.Heading("OPEN")), lines,
                new PublishedTable.Line(null, null, List.of(table.columnTotal(0)), null));
    }

    private FiguresReport.LeadTime leadTime(Map<String, long[]> histogram, Period period) {
        List<FiguresReport.MonthStatistic> trend = new ArrayList<>();
        for (int month : period.monthIndexes()) {
            List<Integer> one = List.of(month);
            long n = observations(histogram, one);
            trend.add(new FiguresReport.MonthStatistic(Period.month(period.year(), month),
                    control.statistic(percentile(histogram, one, 0.5), n), control.statistic(percentile(histogram, one, 0.9), n)));
        }
        long n = observations(histogram, period.monthIndexes());
        return new FiguresReport.LeadTime(control.statistic(percentile(histogram, period.monthIndexes(), 0.5), n),
                control.statistic(percentile(histogram, period.monthIndexes(), 0.9), n), trend);
    }

    private List<FiguresReport.Rate> failureRates(Map<String, long[]> notifications, Period period) {
        List<FiguresReport.Rate> rates = new ArrayList<>();
        List<Period.Half> halves = period.half() == null ? List.of(Period.Half.VAR, Period.Half.HAUST) : List.of(period.half());
        for (Period.Half half : halves) {
            rates.add(rate(half.name(), notifications, half.monthIndexes()));
        }
        if (period.half() == null) {
            rates.add(rate("YEAR", notifications, period.monthIndexes()));
        }
        return rates;
    }

    private FiguresReport.Rate rate(String column, Map<String, long[]> notifications, List<Integer> months) {
        long sent = 0;
        long failed = 0;
        for (int month : months) {
            sent += notifications.get("SENT")[month];
            failed += notifications.get("FAILED")[month];
        }
        return new FiguresReport.Rate(column, control.rate(failed, sent + failed));
    }

    /** The total of the period for one line: the protected year total, or a half-year sum its shown cells give away. */
    private static Cell periodTotal(ProtectedTable table, int row, Period period) {
        return period.half() == null ? table.grid()[row][table.columns().size()]
                : DisclosureControl.derivableRowSum(table, row, period.half().monthIndexes());
    }

    private static List<Cell> cells(ProtectedTable table, int row, List<Integer> columns) {
        return columns.stream().map(column -> table.grid()[row][column]).toList();
    }

    private static CountTable countTable(String id, Map<String, long[]> counts, List<String> rows, List<String> columns, int width,
            Margins margins) {
        long[][] matrix = new long[rows.size()][width];
        for (int i = 0; i < rows.size(); i++) {
            long[] values = counts.get(rows.get(i));
            if (values != null) {
                for (int j = 0; j < width; j++) {
                    matrix[i][j] = Math.max(0, values[j]);
                }
            }
        }
        return new CountTable(id, rows, columns, matrix, margins);
    }

    /** Active arenas of the catalogue and every arena with figures this year, by title. */
    private static List<String> arenaRows(Map<String, FigureReader.Arena> directory, Map<Metric, Map<String, long[]>> data) {
        Set<String> ids = new LinkedHashSet<>();
        directory.values().stream().filter(arena -> !arena.retired()).forEach(arena -> ids.add(arena.id()));
        data.forEach((metric, counts) -> {
            if (metric.name().endsWith("_BY_ARENA")) {
                ids.addAll(counts.keySet());
            }
        });
        return ids.stream().sorted(Comparator.comparing((String id) -> {
            FigureReader.Arena arena = directory.get(id);
            return arena == null || arena.title() == null ? "\uffff" + id : arena.title();
        })).toList();
    }

    private static List<String> months(int year) {
        List<String> months = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            months.add(Period.month(year, i));
        }
        return months;
    }

    private static List<String> keys(Map<String, long[]> counts) {
        return new ArrayList<>(counts.keySet());
    }

    private static List<String> names(Enum<?>[] values) {
        List<String> names = new ArrayList<>();
        for (Enum<?> value : values) {
            names.add(value.name());
        }
        return names;
    }

    private static long[] sum(Map<String, long[]> counts) {
        long[] total = new long[12];
        for (long[] months : counts.values()) {
            for (int i = 0; i < 12; i++) {
                total[i] += months[i];
            }
        }
        return total;
    }

    private static long observations(Map<String, long[]> histogram, List<Integer> months) {
        long n = 0;
        for (long[] counts : histogram.values()) {
            for (int month : months) {
                n += counts[month];
            }
        }
        return n;
    }

    /** Nearest-rank percentile of whole days over the given months; null without observations. */
    private static Double percentile(Map<String, long[]> histogram, List<Integer> months, double fraction) {
        long n = observations(histogram, months);
        if (n == 0) {
            return null;
        }
        long rank = (long) Math.ceil(fraction * n);
        List<Map.Entry<String, long[]>> byDays = new ArrayList<>(histogram.entrySet());
        byDays.sort(Comparator.comparingInt(entry -> Integer.parseInt(entry.getKey())));
        long seen = 0;
        for (Map.Entry<String, long[]> entry : byDays) {
            for (int month : months) {
                seen += entry.getValue()[month];
            }
            if (seen >= rank) {
                return Double.valueOf(entry.getKey());
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
