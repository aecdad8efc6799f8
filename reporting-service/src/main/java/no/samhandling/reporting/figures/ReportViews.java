package no.samhandling.reporting.figures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import no.samhandling.reporting.disclosure.Cell;

/** Turns published figures into worded tables, for the dashboard and the period reports alike. */
@Component
public class ReportViews {

    /** The code list whose labels name a table's rows; other tables use the dashboard's own {@code code.} labels. */
    private static final Map<String, String> ROW_LABELS = Map.of(
            "referralsByTheme", "theme.",
            "referralsByUnitType", "party.",
            "deviationsByCategory", "deviation.category.",
            "systemCasesByCategory", "system-case.category.");

    private final Labels labels;

    ReportViews(Labels labels) {
        this.labels = labels;
    }

    /** The tables of a period report, in reading order; {@code previous} adds a comparison where given. */
    public List<TableView> tables(FiguresReport report, FiguresReport previous, Period period, Locale locale) {
        String name = labels.period(period, locale);
        List<TableView> tables = new ArrayList<>();
        tables.add(summary(report, previous, period, locale));
        tables.add(perArena(report, previous, locale, name));
        tables.add(categories(report, "referralsByTheme", "dashboard.themes.caption", name, locale, "bar"));
        tables.add(categories(report, "referralsByAgeBand", "dashboard.ageBands.caption", name, locale, "bar"));
        tables.add(categories(report, "referralsByUnitType", "dashboard.unitTypes.caption", name, locale, null));
        tables.add(categories(report, "referralsByPreventionLevel", "dashboard.levels.caption", name, locale, null));
        tables.add(categories(report, "referralsByBasis", "dashboard.basis.caption", name, locale, null));
        tables.add(leadTime(report, name, locale));
        tables.add(categories(report, "deviationsByCategory", "dashboard.deviations.caption", name, locale, null));
        tables.add(categories(report, "systemCasesByCategory", "dashboard.systemCases.caption", name, locale, null));
        tables.add(categories(report, "consents", "dashboard.consents.caption", name, locale, null));
        tables.add(backlog(report, locale));
        return tables;
    }

    private TableView summary(FiguresReport report, FiguresReport previous, Period period, Locale locale) {
        List<String> headings = new ArrayList<>(List.of(labels.text("dashboard.measure", locale), labels.period(period, locale)));
        if (previous != null) {
            headings.add(labels.period(period.previousHalf(), locale));
        }
        List<TableView.Row> rows = new ArrayList<>();
        rows.add(summaryRow("dashboard.referrals", locale, r -> periodTotal(r.table("referralsByArena").orElseThrow().totals()), report,
                previous));
        rows.add(summaryRow("dashboard.deviations", locale, r -> periodTotal(r.table("deviationsByCategory").orElseThrow().totals()),
                report, previous));
        rows.add(summaryRow("dashboard.systemCases", locale, r -> periodTotal(r.table("systemCasesByCategory").orElseThrow().totals()),
                report, previous));
        rows.add(summaryRow("dashboard.leadTimeMedian", locale, r -> r.leadTime().median(), report, previous));
        rows.add(summaryRow("dashboard.leadTimeP90", locale, r -> r.leadTime().p90(), report, previous));
        TableView.Row failures = new TableView.Row(labels.text("dashboard.notificationFailureRate", locale),
                previous == null ? List.of(percent(lastRate(report), locale))
                        : List.of(percent(lastRate(report), locale), percent(lastRate(previous), locale)), false);
        rows.add(failures);
        rows.add(new TableView.Row(labels.text("dashboard.openBacklog", locale),
                previous == null ? List.of(value(report.openBacklogByArena().totals().cells().get(0), locale))
                        : List.of(value(report.openBacklogByArena().totals().cells().get(0), locale), blank()), false));
        return new TableView("summary", labels.text("dashboard.summary", locale), headings, rows, null);
    }

    private TableView.Row summaryRow(String key, Locale locale, Function<FiguresReport, Cell> figure, FiguresReport report,
            FiguresReport previous) {
        List<TableView.Value> cells = new ArrayList<>();
        cells.add(value(figure.apply(report), locale));
        if (previous != null) {
            cells.add(value(figure.apply(previous), locale));
        }
        return new TableView.Row(labels.text(key, locale), cells, false);
    }

    private TableView perArena(FiguresReport report, FiguresReport previous, Locale locale, String periodName) {
        List<String> measures = new ArrayList<>(List.of("referralsByArena"));
        List<String> headings = new ArrayList<>(List.of(labels.text("dashboard.arena", locale), labels.text("dashboard.col.referrals", locale)));
        if (previous != null) {
            headings.add(labels.text("dashboard.col.referralsPrevious", locale));
        }
        List<String[]> columns = List.of(
                new String[] {"returnedByArena", "dashboard.col.returned"},
                new String[] {"escalatedByArena", "dashboard.col.escalated"},
                new String[] {"withdrawnByArena", "dashboard.col.withdrawn"},
                new String[] {"meetingsHeldByArena", "dashboard.col.meetingsHeld"},
                new String[] {"meetingsCancelledByArena", "dashboard.col.meetingsCancelled"},
                new String[] {"meetingsCancelledNoCasesByArena", "dashboard.col.cancelledNoCases"},
                new String[] {"minutesItemsWithoutAssignmentByArena", "dashboard.col.itemsWithoutAssignment"});
        for (String[] column : columns) {
            measures.add(column[0]);
            headings.add(labels.text(column[1], locale));
        }
        headings.add(labels.text("dashboard.col.openBacklog", locale));
        List<TableView.Row> rows = new ArrayList<>();
        PublishedTable referrals = report.table("referralsByArena").orElseThrow();
        for (PublishedTable.Line arena : referrals.rows()) {
            List<TableView.Value> cells = new ArrayList<>();
            cells.add(value(periodTotal(arena), locale));
            if (previous != null) {
                cells.add(value(line(previous.table("referralsByArena").orElseThrow(), arena.key(), this::periodTotal), locale));
            }
            for (String measure : measures.subList(1, measures.size())) {
                cells.add(value(line(report.table(measure).orElseThrow(), arena.key(), this::periodTotal), locale));
            }
            cells.add(value(line(report.openBacklogByArena(), arena.key(), l -> l.cells().get(0)), locale));
            rows.add(new TableView.Row(arena.label(), cells, false));
        }
        List<TableView.Value> totals = new ArrayList<>();
        totals.add(value(periodTotal(referrals.totals()), locale));
        if (previous != null) {
            totals.add(value(periodTotal(previous.table("referralsByArena").orElseThrow().totals()), locale));
        }
        for (String measure : measures.subList(1, measures.size())) {
            totals.add(value(periodTotal(report.table(measure).orElseThrow().totals()), locale));
        }
        totals.add(value(report.openBacklogByArena().totals().cells().get(0), locale));
        rows.add(new TableView.Row(labels.text("dashboard.total", locale), totals, true));
        return new TableView("perArena", labels.text("dashboard.perArena.caption", locale, periodName), headings, rows, null);
    }

    private TableView categories(FiguresReport report, String id, String caption, String periodName, Locale locale, String chart) {
        PublishedTable table = report.table(id).orElseThrow();
        List<String> headings = new ArrayList<>(List.of(labels.text("dashboard.category", locale)));
        table.columns().forEach(column -> headings.add(labels.column(column.key(), locale)));
        boolean rowTotals = !table.rows().isEmpty() && table.rows().get(0).total() != null
                || table.rows().isEmpty() && table.totals() != null && table.totals().total() != null;
        if (rowTotals) {
            headings.add(labels.text("dashboard.total", locale));
        }
        List<TableView.Row> rows = new ArrayList<>();
        List<PublishedTable.Line> lines = new ArrayList<>(table.rows());
        if (id.equals("referralsByAgeBand")) {
            // By age, youngest first: as text, 13-15 would come before 6-12.
            lines.sort(Comparator.comparingInt(line -> youngestAge(line.key())));
        }
        String list = ROW_LABELS.getOrDefault(id, "code.");
        for (PublishedTable.Line line : lines) {
            rows.add(new TableView.Row(labels.code(list, line.key(), locale), values(line, rowTotals, locale), false));
        }
        if (table.totals() != null) {
            rows.add(new TableView.Row(labels.text("dashboard.total", locale), values(table.totals(), rowTotals, locale), true));
        }
        return new TableView(id, labels.text(caption, locale, periodName), headings, rows, chart);
    }

    private TableView leadTime(FiguresReport report, String periodName, Locale locale) {
        List<TableView.Row> rows = new ArrayList<>();
        for (FiguresReport.MonthStatistic month : report.leadTime().trend()) {
            rows.add(new TableView.Row(labels.column(month.month(), locale),
                    List.of(value(month.median(), locale), value(month.p90(), locale)), false));
        }
        return new TableView("leadTime", labels.text("dashboard.leadTime.caption", locale, periodName),
                List.of(labels.text("dashboard.month", locale), labels.text("dashboard.median", locale), labels.text("dashboard.p90", locale)),
                rows, "line");
    }

    private TableView backlog(FiguresReport report, Locale locale) {
        List<TableView.Row> rows = new ArrayList<>();
        for (PublishedTable.Line line : report.openBacklogByArena().rows()) {
            rows.add(new TableView.Row(line.label(), List.of(value(line.cells().get(0), locale)), false));
        }
        rows.add(new TableView.Row(labels.text("dashboard.total", locale),
                List.of(value(report.openBacklogByArena().totals().cells().get(0), locale)), true));
        return new TableView("backlog", labels.text("dashboard.backlog.caption", locale),
                List.of(labels.text("dashboard.arena", locale), labels.text("dashboard.col.openBacklog", locale)), rows, "bar");
    }

    private List<TableView.Value> values(PublishedTable.Line line, boolean withTotal, Locale locale) {
        List<TableView.Value> values = new ArrayList<>();
        line.cells().forEach(cell -> values.add(value(cell, locale)));
        if (withTotal) {
            values.add(line.total() == null ? blank() : value(line.total(), locale));
        }
        return values;
    }

    /** {@code 6} for the age band {@code 6-12}; bands that are not ages ({@code UNKNOWN}) come last. */
    static int youngestAge(String band) {
        java.util.regex.Matcher from = java.util.regex.Pattern.compile("^(\\d+)").matcher(band == null ? "" : band);
        return from.find() ? Integer.parseInt(from.group(1)) : Integer.MAX_VALUE;
    }

    /** A line's figure for the whole period: its total, or its only cell when a half-year was chosen. */
    private Cell periodTotal(PublishedTable.Line line) {
        return line.total() != null ? line.total() : line.cells().get(0);
    }

    private static Cell line(PublishedTable table, String key, Function<PublishedTable.Line, Cell> pick) {
        return table.rows().stream().filter(row -> row.key().equals(key)).findFirst().map(pick).orElse(Cell.MISSING);
    }

    private static Cell lastRate(FiguresReport report) {
        return report.notificationFailureRate().get(report.notificationFailureRate().size() - 1).value();
    }

    private TableView.Value value(Cell cell, Locale locale) {
        return new TableView.Value(labels.cell(cell, locale), cell.flag(), cell.value());
    }

    private TableView.Value percent(Cell cell, Locale locale) {
        return new TableView.Value(labels.percent(cell, locale), cell.flag(), cell.value());
    }

    private static TableView.Value blank() {
        return new TableView.Value("", no.samhandling.reporting.disclosure.Flag.MISSING, null);
    }
}
