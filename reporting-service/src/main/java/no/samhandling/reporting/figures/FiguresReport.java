package no.samhandling.reporting.figures;

import java.util.List;
import java.util.Optional;

import no.samhandling.reporting.disclosure.Cell;

/**
 * Every figure of one municipality and period, after disclosure control.
 *
 * @param period {@code 2026}, {@code 2026-VAR} or {@code 2026-HAUST}
 * @param generation the projection generation the figures come from
 */
public record FiguresReport(
        String municipality,
        String period,
        int suppressionThreshold,
        int generation,
        List<PublishedTable> tables,
        LeadTime leadTime,
        List<Rate> notificationFailureRate,
        PublishedTable openBacklogByArena) {

    /** Days from submission to first discussion: median and 90th percentile over the period, and per month. */
    public record LeadTime(Cell median, Cell p90, List<MonthStatistic> trend) {
    }

    public record MonthStatistic(String month, Cell median, Cell p90) {
    }

    /** Share of notices that failed, per column of the period (half-years, or the half-year chosen) and in total. */
    public record Rate(String column, Cell value) {
    }

    public Optional<PublishedTable> table(String id) {
        return tables.stream().filter(table -> table.id().equals(id)).findFirst();
    }
}
