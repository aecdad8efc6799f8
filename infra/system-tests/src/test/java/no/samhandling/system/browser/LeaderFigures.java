package no.samhandling.system.browser;

import no.samhandling.local.RunningSystem;
import no.samhandling.local.Service;
import no.samhandling.platform.test.HttpApi;
import tools.jackson.databind.JsonNode;

/**
 * What a leader of Aukra may see of the referrals counted: the period total of the referrals per
 * arena for the running half-year, as reporting-service publishes it to leaders (after disclosure
 * control), asked with the demo leader's own token.
 */
final class LeaderFigures {

    private LeaderFigures() {
    }

    /** The running half-year's total of referrals, or -1 while it is not shown. */
    static long referralsThisHalfYear(RunningSystem system) {
        JsonNode report = HttpApi.at(Service.REPORTING.baseUrl()).as(system.accessToken("demo-leader", "demo"))
                .get("/reports/figures?half=" + half()).json();
        for (JsonNode table : report.path("tables")) {
            if (table.path("id").asString().equals("referralsByArena")) {
                JsonNode total = table.path("totals").path("total");
                return "SHOWN".equals(total.path("flag").asString()) ? total.path("value").asLong() : -1;
            }
        }
        throw new AssertionError("reporting-service published no referralsByArena table: " + report);
    }

    private static String half() {
        return java.time.LocalDate.now(java.time.ZoneId.of("Europe/Oslo")).getMonthValue() <= 6 ? "VAR" : "HAUST";
    }
}
