package no.samhandling.reporting.figures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import no.samhandling.reporting.disclosure.Cell;
import no.samhandling.reporting.releases.Release;
import no.samhandling.reporting.releases.ReleasePeriod;
import no.samhandling.reporting.releases.Releases;

/**
 * The figures of a year or half-year, put together from its published releases and never from the
 * counters: every cell is a release's cell, unchanged, so that the JSON, the dashboard, the PDF and
 * the CSV always show the same protected figures, and reading twice gives the same answer.
 *
 * <p>Tables of new cases have a column per month (for a half-year) or per half-year (for a year,
 * referrals per arena per month), with the period's own release as the total. Tables published
 * only per half-year have the half-year, or both halves with the year as the total.
 */
@Service
public class FigureService {

    private static final String REFERRALS_BY_ARENA = "referralsByArena";
    private static final List<String> CASE_TABLES = List.of(REFERRALS_BY_ARENA, "referralsByTheme", "referralsByAgeBand",
            "referralsByUnitType", "referralsByPreventionLevel", "referralsByBasis");
    private static final List<String> HALF_YEAR_TABLES = List.of("returnedByArena", "escalatedByArena", "withdrawnByArena",
            "meetingsHeldByArena", "meetingsCancelledByArena", "meetingsCancelledNoCasesByArena", "minutesItemsWithoutAssignmentByArena",
            "deviationsByCategory", "systemCasesByCategory", "consents");
    private static final String BACKLOG = "openBacklogByArena";

    private final Releases releases;

    FigureService(Releases releases) {
        this.releases = releases;
    }

    public int threshold() {
        return releases.threshold();
    }

    /** Figures of one period, optionally only the rows of one arena in the tables per arena. */
    public FiguresReport report(String municipality, Period period, String arenaId) {
        int year = period.year();
        Map<String, Release> published = new LinkedHashMap<>();
        releases.ofYear(municipality, year).forEach(release -> published.put(release.period(), release));
        ReleasePeriod whole = period.half() == null ? ReleasePeriod.year(year) : ReleasePeriod.half(year, period.half().ordinal());
        Release total = published.get(whole.code());

        List<PublishedTable> tables = new ArrayList<>();
        for (String table : CASE_TABLES) {
            List<ReleasePeriod> columns = table.equals(REFERRALS_BY_ARENA) || whole.kind() == ReleasePeriod.Kind.HALF
                    ? whole.months() : whole.parts();
            tables.add(assemble(table, columns, total, published));
        }
        for (String table : HALF_YEAR_TABLES) {
            tables.add(whole.kind() == ReleasePeriod.Kind.HALF ? assemble(table, List.of(whole), null, published)
                    : assemble(table, whole.parts(), total, published));
        }
        ReleasePeriod backlogAt = whole.kind() == ReleasePeriod.Kind.HALF ? whole : ReleasePeriod.half(year, 1);
        PublishedTable backlog = backlog(published.get(backlogAt.code()));
        if (arenaId != null) {
            tables.replaceAll(table -> table.id().endsWith("ByArena") ? table.onlyRow(arenaId) : table);
            backlog = backlog.onlyRow(arenaId);
        }
        List<FiguresReport.Published> sources = new ArrayList<>();
        for (ReleasePeriod part : ReleasePeriod.ofYear(year)) {
            Release release = published.get(part.code());
            if (release != null && (whole.kind() == ReleasePeriod.Kind.YEAR || whole.monthIndexes().containsAll(part.monthIndexes()))) {
                sources.add(new FiguresReport.Published(release.period(), release.publishedAt()));
            }
        }
        return new FiguresReport(municipality, period.code(), threshold(), sources, tables, leadTime(whole, total, published),
                failureRates(whole, total, published), backlog, releases.runningMonth(municipality));
    }

    /** The arenas a leader can filter on: every arena the year's releases list, by its title there. */
    public Map<String, String> arenaOptions(String municipality, int year) {
        Map<String, String> options = new LinkedHashMap<>();
        List<Release> ofYear = releases.ofYear(municipality, year);
        for (int i = ofYear.size() - 1; i >= 0; i--) {
            ofYear.get(i).arenas().forEach(arena -> options.putIfAbsent(arena.id(), arena.title()));
        }
        return options;
    }

    private static PublishedTable assemble(String table, List<ReleasePeriod> columns, Release total, Map<String, Release> published) {
        List<Release> sources = new ArrayList<>();
        columns.forEach(column -> sources.add(published.get(column.code())));
        Map<String, String> rows = rows(table, total, sources);
        List<PublishedTable.Line> lines = new ArrayList<>();
        rows.forEach((key, label) -> {
            List<Cell> cells = sources.stream().map(source -> cell(source, table, key)).toList();
            lines.add(new PublishedTable.Line(key, label, cells, total == null ? null : cell(total, table, key)));
        });
        // Themes (a case may have several) and consents (granted, withdrawn, …) do not add up to a total.
        boolean hasTotal = !table.equals("referralsByTheme") && !table.equals("consents");
        PublishedTable.Line totals = hasTotal ? new PublishedTable.Line(null, null,
                sources.stream().map(source -> totalCell(source, table)).toList(), total == null ? null : totalCell(total, table)) : null;
        List<PublishedTable.Heading> headings = columns.stream().map(column -> new PublishedTable.Heading(heading(column))).toList();
        return new PublishedTable(table, headings, lines, totals);
    }

    /** Rows in the order of the period's own release, else of the latest release that lists the table. */
    private static Map<String, String> rows(String table, Release total, List<Release> sources) {
        Map<String, String> rows = new LinkedHashMap<>();
        List<Release> order = new ArrayList<>();
        if (total != null) {
            order.add(total);
        }
        for (int i = sources.size() - 1; i >= 0; i--) {
            if (sources.get(i) != null) {
                order.add(sources.get(i));
            }
        }
        for (Release release : order) {
            release.table(table).ifPresent(found -> found.rows().forEach(row -> rows.putIfAbsent(row.key(),
                    table.endsWith("ByArena") ? release.arenaTitle(row.key()) : null)));
        }
        return rows;
    }

    private static Cell cell(Release release, String table, String key) {
        if (release == null) {
            return Cell.MISSING;
        }
        return release.table(table).flatMap(found -> found.rows().stream().filter(row -> row.key().equals(key)).findFirst())
                .map(Release.Row::cell).orElse(Cell.MISSING);
    }

    private static Cell totalCell(Release release, String table) {
        if (release == null) {
            return Cell.MISSING;
        }
        return release.table(table).map(Release.Table::total).orElse(Cell.MISSING);
    }

    private static String heading(ReleasePeriod column) {
        return column.kind() == ReleasePeriod.Kind.HALF ? ReleasePeriod.HALVES.get(column.index()) : column.code();
    }

    private static PublishedTable backlog(Release release) {
        List<PublishedTable.Line> lines = new ArrayList<>();
        Cell total = Cell.MISSING;
        if (release != null) {
            Release.Table table = release.table(BACKLOG).orElseThrow();
            table.rows().forEach(row -> lines.add(new PublishedTable.Line(row.key(), release.arenaTitle(row.key()), List.of(row.cell()), null)));
            total = table.total();
        }
        return new PublishedTable(BACKLOG, List.of(new PublishedTable.Heading("OPEN")), lines,
                new PublishedTable.Line(null, null, List.of(total), null));
    }

    private static FiguresReport.LeadTime leadTime(ReleasePeriod whole, Release total, Map<String, Release> published) {
        List<FiguresReport.MonthStatistic> trend = new ArrayList<>();
        for (ReleasePeriod month : whole.months()) {
            Release release = published.get(month.code());
            trend.add(new FiguresReport.MonthStatistic(month.code(), statistic(release, Release.LEAD_TIME_MEDIAN),
                    statistic(release, Release.LEAD_TIME_P90)));
        }
        return new FiguresReport.LeadTime(statistic(total, Release.LEAD_TIME_MEDIAN), statistic(total, Release.LEAD_TIME_P90), trend);
    }

    private static List<FiguresReport.Rate> failureRates(ReleasePeriod whole, Release total, Map<String, Release> published) {
        List<FiguresReport.Rate> rates = new ArrayList<>();
        if (whole.kind() == ReleasePeriod.Kind.HALF) {
            rates.add(new FiguresReport.Rate(heading(whole), statistic(total, Release.NOTIFICATION_FAILURE_RATE)));
            return rates;
        }
        for (ReleasePeriod half : whole.parts()) {
            rates.add(new FiguresReport.Rate(heading(half), statistic(published.get(half.code()), Release.NOTIFICATION_FAILURE_RATE)));
        }
        rates.add(new FiguresReport.Rate("YEAR", statistic(total, Release.NOTIFICATION_FAILURE_RATE)));
        return rates;
    }

    private static Cell statistic(Release release, String name) {
        return release == null ? Cell.MISSING : release.statistics().getOrDefault(name, Cell.MISSING);
    }
}
