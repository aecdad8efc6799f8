package no.samhandling.reporting.releases;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.samhandling.events.referral.AgeBand;
import no.samhandling.events.referral.DeviationCategory;
import no.samhandling.events.referral.DiscussionBasis;
import no.samhandling.events.referral.PreventionLevel;
import no.samhandling.events.referral.SystemCaseCategory;
import no.samhandling.events.referral.Theme;
import no.samhandling.events.referral.UnitType;
import no.samhandling.reporting.projection.Counters;
import no.samhandling.reporting.projection.Metric;

/**
 * What a release publishes: which tables, from which counters, with which rows, in which kinds of
 * release. Every dimension is a closed code list and every code is always a row (arenas: the
 * release's own frozen list), so that a row's presence says nothing.
 */
final class ReleaseTables {

    /** The total line every table of cases shares: the number of new cases in the period. */
    static final String CASES = "cases";
    static final String TOTAL = "TOTAL";

    static final String REFERRALS_BY_ARENA = "referralsByArena";
    static final String REFERRALS_BY_THEME = "referralsByTheme";
    static final String BACKLOG = "openBacklogByArena";

    /** Tables of new cases, published for months, half-years and years. */
    static final Map<String, Metric> CASE_TABLES = ordered(
            REFERRALS_BY_ARENA, Metric.REFERRALS_BY_ARENA,
            REFERRALS_BY_THEME, Metric.REFERRALS_BY_THEME,
            "referralsByAgeBand", Metric.REFERRALS_BY_AGE_BAND,
            "referralsByUnitType", Metric.REFERRALS_BY_UNIT_TYPE,
            "referralsByPreventionLevel", Metric.REFERRALS_BY_PREVENTION_LEVEL,
            "referralsByBasis", Metric.REFERRALS_BY_BASIS);

    /** Cases leaving an arena's backlog, per arena: half-years and years. */
    static final Map<String, Metric> EXIT_TABLES = ordered(
            "returnedByArena", Metric.RETURNED_BY_ARENA,
            "escalatedByArena", Metric.ESCALATED_BY_ARENA,
            "withdrawnByArena", Metric.WITHDRAWN_BY_ARENA);

    static final String MEETINGS_CANCELLED = "meetingsCancelledByArena";
    static final String MEETINGS_CANCELLED_NO_CASES = "meetingsCancelledNoCasesByArena";

    /** Meetings per arena: half-years and years. */
    static final Map<String, Metric> MEETING_TABLES = ordered(
            "meetingsHeldByArena", Metric.MEETINGS_HELD_BY_ARENA,
            MEETINGS_CANCELLED, Metric.MEETINGS_CANCELLED_BY_ARENA,
            MEETINGS_CANCELLED_NO_CASES, Metric.MEETINGS_CANCELLED_NO_CASES_BY_ARENA,
            "minutesItemsWithoutAssignmentByArena", Metric.MINUTES_ITEMS_WITHOUT_ASSIGNMENT_BY_ARENA);

    /** Tables of codes with a total: half-years and years. */
    static final Map<String, Metric> CATEGORY_TABLES = ordered(
            "deviationsByCategory", Metric.DEVIATIONS_BY_CATEGORY,
            "systemCasesByCategory", Metric.SYSTEM_CASES_BY_CATEGORY);

    /** Consents by what happened to them; the rows do not add up to anything. */
    static final String CONSENTS = "consents";

    static final int MAX_THEMES_PER_CASE = 12;

    /** The closed list of rows of a table of codes. */
    static List<String> codes(String table) {
        return switch (table) {
            case REFERRALS_BY_THEME -> withUnknown(names(Theme.values()));
            case "referralsByAgeBand" -> withUnknown(AgeBand.CODES);
            case "referralsByUnitType" -> withUnknown(names(UnitType.values()));
            case "referralsByPreventionLevel" -> names(PreventionLevel.values());
            case "referralsByBasis" -> names(DiscussionBasis.values());
            case "deviationsByCategory" -> withUnknown(names(DeviationCategory.values()));
            case "systemCasesByCategory" -> withUnknown(names(SystemCaseCategory.values()));
            case CONSENTS -> List.of("GRANTED", "WITHDRAWN", "EXPIRED", "ERASED");
            default -> throw new IllegalArgumentException("not a table of codes: " + table);
        };
    }

    static boolean perArena(String table) {
        return table.endsWith("ByArena");
    }

    /** The id of the table's total in a period, or null when its rows do not add up. */
    static String totalId(String table, String period) {
        if (table.equals(REFERRALS_BY_THEME) || table.equals(CONSENTS)) {
            return null;
        }
        if (CASE_TABLES.containsKey(table)) {
            return cellId(CASES, TOTAL, period);
        }
        return cellId(table, TOTAL, period);
    }

    static String cellId(String table, String row, String period) {
        return table + "|" + row + "|" + period;
    }

    private static List<String> withUnknown(List<String> codes) {
        List<String> rows = new ArrayList<>(codes);
        rows.add(Counters.UNKNOWN);
        return List.copyOf(rows);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static Map<String, Metric> ordered(Object... pairs) {
        Map<String, Metric> tables = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            tables.put((String) pairs[i], (Metric) pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(tables);
    }

    private ReleaseTables() {
    }
}
