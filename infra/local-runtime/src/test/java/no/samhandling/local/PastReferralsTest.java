package no.samhandling.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's past is dated in the months before today, as many cases as a municipality of that size
 * has, into arenas of its own catalogue that take anonymous cases from those units, so that the
 * leaders' closed months have releases and referral-service's intake rules take every case.
 */
class PastReferralsTest {

    static final Instant NOW = Instant.parse("2026-11-29T03:00:00Z");
    static final JsonNode HISTORY = DemoData.read(PastReferrals.HISTORY);

    @Test
    void everyCaseIsDatedInTheTenMonthsBeforeThisOneAndTheOlderOnesAreClosedAgain() {
        List<PastReferrals.Import> imports = PastReferrals.imports(HISTORY, arenaIds(), NOW, JsonMapper.builder().build());

        YearMonth thisMonth = YearMonth.of(2026, 11);
        for (PastReferrals.Import past : imports) {
            for (JsonNode item : past.body().path("referrals")) {
                YearMonth month = YearMonth.from(Instant.parse(item.path("submittedAt").asString()).atZone(PastReferrals.OSLO));
                assertThat(month).isBetween(thisMonth.minusMonths(10), thisMonth.minusMonths(1));
                if (item.has("closedAt")) {
                    assertThat(Instant.parse(item.path("closedAt").asString())).isBefore(NOW)
                            .isAfter(Instant.parse(item.path("submittedAt").asString()));
                    assertThat(item.path("closeReasonCode").asString()).isIn("RESOLVED", "FOLLOWED_UP_ELSEWHERE", "NO_FURTHER_ACTION");
                }
                assertThat(item.path("referral").path("measuresTried").path(0).path("period").asString()).matches("(vår|haust) 20\\d\\d");
            }
        }
        // About 8 cases a month in Aukra, a dozen or more in Melhus.
        assertThat(imports).extracting(PastReferrals.Import::municipalityCatalogue).containsExactly("aukra-1547.json", "melhus-5028.json");
        assertThat(imports.get(0).size()).isBetween(50, 120);
        assertThat(imports.get(1).size()).isBetween(100, 190);
        assertThat(imports.get(1).body().path("referrals").valueStream().filter(item -> !item.has("closedAt")).count())
                .as("the latest cases are still open").isPositive();
    }

    @Test
    void everyArenaIsInItsMunicipalitysCatalogueAndTakesAnonymousCasesFromItsUnits() {
        for (JsonNode municipality : HISTORY.path("municipalities")) {
            Map<String, JsonNode> catalogue = DemoData.catalogue(municipality.path("catalogue").asString()).path("arenas").valueStream()
                    .collect(Collectors.toMap(arena -> arena.path("externalKey").asString(), arena -> arena));
            for (JsonNode arena : municipality.path("arenas")) {
                JsonNode entry = catalogue.get(arena.path("arenaExternalKey").asString());
                assertThat(entry).as(arena.path("arenaExternalKey").asString()).isNotNull();
                assertThat(entry.path("discussionMode").asString()).isNotEqualTo("CONSENT_REQUIRED");
                List<String> who = entry.path("intake").path("whoMayRegister").valueStream().map(JsonNode::asString).toList();
                for (JsonNode unit : arena.path("units")) {
                    assertThat(who.contains("ANY_STAFF") || who.contains(unit.path("referrerUnitType").asString()))
                            .as("%s takes cases from %s", arena.path("arenaExternalKey").asString(), unit).isTrue();
                }
            }
        }
    }

    private static Map<String, String> arenaIds() {
        Map<String, String> ids = new HashMap<>();
        for (JsonNode municipality : HISTORY.path("municipalities")) {
            municipality.path("arenas").forEach(arena -> ids.put(arena.path("arenaExternalKey").asString(), "id-" + arena.path("arenaExternalKey").asString()));
        }
        return ids;
    }
}
