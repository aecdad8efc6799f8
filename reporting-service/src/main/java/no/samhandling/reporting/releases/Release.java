package no.samhandling.reporting.releases;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.samhandling.reporting.disclosure.Cell;

/**
 * A published release: the figures of one municipality and period, computed once when the period
 * closed, protected once together with everything else published for the year, stored, and from
 * then on served unchanged to every output (JSON, dashboard, PDF, CSV). It freezes its own arena
 * list and titles: renaming or adding an arena later changes nothing in it.
 *
 * @param period {@code 2026-03}, {@code 2026-VAR} or {@code 2026}
 * @param arenas the arenas its tables list, with their titles when it was made
 * @param tables one column each, for the release's period; every code of a table's closed list is a row
 * @param statistics figures derived from counts (medians, a share), published only when their parts could be shown
 */
public record Release(
        String municipality,
        String period,
        ReleasePeriod.Kind kind,
        Instant publishedAt,
        int suppressionThreshold,
        int minimumBreakdownTotal,
        List<ArenaLabel> arenas,
        List<Table> tables,
        Map<String, Cell> statistics) {

    public static final String LEAD_TIME_MEDIAN = "leadTimeMedian";
    public static final String LEAD_TIME_P90 = "leadTimeP90";
    public static final String NOTIFICATION_FAILURE_RATE = "notificationFailureRate";

    public record ArenaLabel(String id, String title) {
    }

    /** @param total the table's total for the period, or null for a table whose rows do not add up (themes, consents) */
    public record Table(String id, List<Row> rows, Cell total) {
    }

    public record Row(String key, Cell cell) {
    }

    public Optional<Table> table(String id) {
        return tables.stream().filter(table -> table.id().equals(id)).findFirst();
    }

    public String arenaTitle(String arenaId) {
        return arenas.stream().filter(arena -> arena.id().equals(arenaId)).map(ArenaLabel::title).findFirst().orElse(arenaId);
    }

    public ReleasePeriod releasePeriod() {
        return ReleasePeriod.parse(period);
    }
}
