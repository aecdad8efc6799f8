package no.samhandling.reporting.figures;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import no.samhandling.reporting.disclosure.Cell;
import no.samhandling.reporting.releases.RunningMonth;

/**
 * Every figure of one municipality and period, as its releases published them: nothing here is
 * computed or protected anew, each cell is a cell of a release. A column whose release is not yet
 * made is {@code MISSING}.
 *
 * @param period {@code 2026}, {@code 2026-VAR} or {@code 2026-HAUST}
 * @param releases the releases the figures come from, and when each was published
 * @param runningMonth what is shown of the month still running (never part of a table)
 */
public record FiguresReport(
        String municipality,
        String period,
        int suppressionThreshold,
        List<Published> releases,
        List<PublishedTable> tables,
        LeadTime leadTime,
        List<Rate> notificationFailureRate,
        PublishedTable openBacklogByArena,
        RunningMonth runningMonth) {

    public record Published(String period, Instant publishedAt) {
    }

    /** Days from submission to first discussion: median and 90th percentile over the period, and per month. */
    public record LeadTime(Cell median, Cell p90, List<MonthStatistic> trend) {
    }

    public record MonthStatistic(String month, Cell median, Cell p90) {
    }

    /** Share of notices that failed, per half-year of the period and, for a year, in total ({@code YEAR}). */
    public record Rate(String column, Cell value) {
    }

    public Optional<PublishedTable> table(String id) {
        return tables.stream().filter(table -> table.id().equals(id)).findFirst();
    }
}
