package no.samhandling.reporting.projection;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How counters are named and dated. */
public final class Counters {

    public static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    /** The month of a stock that is not dated, such as the open backlog. */
    public static final String NOW = "NOW";
    /** Where a code outside its closed list is counted: such a code is never stored or published. */
    public static final String UNKNOWN = "UNKNOWN";
    /** Joins the two arenas of an escalation route's key ({@link Metric#ESCALATION_ROUTES}): from, then to. */
    public static final String ROUTE = ">";
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    public static String month(Instant instant) {
        return MONTH.format(instant.atZone(OSLO));
    }

    public static String id(String municipality, Metric metric, String key, String month) {
        return municipality + "|" + metric + "|" + key + "|" + month;
    }

    private Counters() {
    }
}
