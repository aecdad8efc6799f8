package no.samhandling.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class DemoDataTest {

    /** The import format's row fields (arena-service's catalogues/catalogue-import.schema.json). */
    private static final Set<String> REQUIRED_ARENA_FIELDS = Set.of("externalKey", "name", "level", "ageBand", "mandate",
            "parties", "meetingFrequency", "meetingOwner", "discussionMode");
    private static final Set<String> ARENA_FIELDS = Set.of("externalKey", "name", "level", "ageBand", "mandate",
            "legalBasis", "parties", "partiesText", "meetingFrequency", "meetingOwner", "coordinatorUserId", "discussionMode",
            "intake", "escalatesTo", "nameSensitive", "location", "rhythm");
    /** arena-service's Party codes; the plan's own wording goes to partiesText. */
    private static final Set<String> PARTIES = Set.of("KINDERGARTEN", "SCHOOL", "AFTER_SCHOOL", "PPT", "HEALTH_STATION",
            "GP", "CHILD_WELFARE", "NAV", "MENTAL_HEALTH_AND_SUBSTANCE", "POLICE", "IMMIGRATION_AND_INTEGRATION",
            "CULTURE_AND_LEISURE", "OUTREACH", "HOME_SERVICES", "SPECIALIST_HEALTH", "DENTAL_HEALTH", "GUARDIANS", "OTHER");
    private static final Set<String> REFERRAL_FIELDS = Set.of("arenaExternalKey", "referrerUnit", "referrerUnitType",
            "ageBand", "themes", "preventionLevel", "measuresTried", "guardiansAttend");
    private static final Set<String> LEVELS = Set.of("INDIVIDUAL", "SYSTEM", "BOTH");
    private static final Set<String> DISCUSSION_MODES = Set.of("ANONYMOUS_ONLY", "ANONYMOUS_OR_CONSENT", "CONSENT_REQUIRED");
    private static final Set<String> AGE_BANDS = Set.of("0-5", "6-12", "13-15", "16-18", "19-25");
    private static final Set<String> PREVENTION_LEVELS = Set.of("GREEN", "YELLOW", "RED");
    /** Aukra's seed catalogue: 4 arenas for 0–6, 6 for 6–18, 5 for 0–25 individual level, 9 for 0–25 system level. */
    private static final int AUKRA_ARENAS = 24;

    private final JsonNode aukra = DemoData.catalogue(DemoData.AUKRA_CATALOGUE);
    private final JsonNode arenas = aukra.path("arenas");
    private final JsonNode referrals = DemoData.read(DemoData.REFERRALS);

    /** The demo youth's consents name arenas of Aukra's own catalogue, for the age of a 16-year-old. */
    @Test
    void theDemoYouthsArenasAreInTheCatalogueForTheirAge() {
        for (String key : List.of(DemoData.YOUTHS_HEALTH_ARENA, DemoData.YOUTHS_SCHOOL_ARENA)) {
            JsonNode arena = arenaWithKey(key);
            assertThat(arena.path("ageBand").path("from").asInt()).as(key).isLessThanOrEqualTo(16);
            assertThat(arena.path("ageBand").path("to").asInt()).as(key).isGreaterThanOrEqualTo(16);
        }
        assertThat(arenaWithKey(DemoData.YOUTHS_HEALTH_ARENA).path("parties").toString()).contains("HEALTH_STATION");
    }

    private JsonNode arenaWithKey(String key) {
        for (JsonNode arena : arenas) {
            if (arena.path("externalKey").asString().equals(key)) {
                return arena;
            }
        }
        throw new AssertionError("no arena " + key + " in the Aukra catalogue");
    }

    @Test
    void demoContactsUseReservedExampleDomainsAndE164Numbers() {
        assertThat(DemoData.DEMO_CONTACTS).isNotEmpty().allSatisfy((user, contact) -> {
            assertThat((String) contact.get("email")).endsWith(".example");
            assertThat((String) contact.get("phone")).matches("\\+474000000\\d");
            assertThat(contact.get("language")).isIn("nb", "nn");
        });
    }

    /** As arena-service's rules have it; the demo must not lean on a self-enrolment the service refuses. */
    @Test
    void everyPlaceIsGrantedBySomeoneEntitledToGrantItAndNobodyGrantsThemself() {
        Set<String> coordinators = new HashSet<>();
        for (DemoData.Grant grant : DemoData.AUKRA_GRANTS) {
            assertThat(grant.grantor()).as(grant.toString()).isNotEqualTo(grant.userId());
            if (grant.role().equals("COORDINATOR")) {
                assertThat(grant.grantor()).as("a coordinator is appointed by an administrator").isEqualTo("admin");
                coordinators.add(grant.userId());
            } else {
                assertThat(grant.grantor()).as("a member is added by the arena's coordinator or an administrator")
                        .isIn(union(coordinators, "admin"));
            }
        }
        assertThat(DemoData.AUKRA_GRANTS).extracting(DemoData.Grant::userId).contains("coordinator", "member");
    }

    @Test
    void melhusCatalogueAsImportedNamesItsCoordinatorForEveryArena() {
        JsonNode melhus = DemoData.namingCoordinator(DemoData.catalogue(DemoData.MELHUS_CATALOGUE), DemoData.MELHUS_COORDINATOR);

        assertThat(melhus.path("arenas").valueStream().map(arena -> arena.path("coordinatorUserId").asString()))
                .isNotEmpty().containsOnly("melhus-coordinator");
        assertThat(DemoData.DEMO_CONTACTS).containsKey(DemoData.MELHUS_COORDINATOR);
        // The file itself, a municipality's own overview, stays as it is.
        assertThat(DemoData.catalogue(DemoData.MELHUS_CATALOGUE).path("arenas").get(0).has("coordinatorUserId")).isFalse();
    }

    private static Set<String> union(Set<String> set, String more) {
        Set<String> all = new HashSet<>(set);
        all.add(more);
        return all;
    }

    @Test
    void holdsTheWholeAukraCatalogueWithUniqueKeys() {
        assertThat(aukra.path("municipality").asString()).isEqualTo("1547");
        assertThat(DemoData.catalogue(DemoData.MELHUS_CATALOGUE).path("municipality").asString()).isEqualTo("5028");
        assertThat(arenas.isArray()).isTrue();
        assertThat(arenas.size()).isGreaterThanOrEqualTo(AUKRA_ARENAS);
        List<String> keys = new ArrayList<>();
        arenas.forEach(arena -> keys.add(arena.path("externalKey").asString()));
        assertThat(keys).doesNotHaveDuplicates();
        Map<String, Long> perBand = keys.stream()
                .collect(Collectors.groupingBy(key -> key.split("-")[1] + "-" + key.split("-")[2], Collectors.counting()));
        assertThat(perBand).containsEntry("0-6", 4L).containsEntry("6-18", 6L).containsEntry("0-25", 14L);
    }

    @Test
    void everyArenaHasTheFieldsOfTheImportFormat() {
        for (JsonNode arena : arenas) {
            String key = arena.path("externalKey").asString();
            assertThat(fieldNames(arena)).as(key).containsAll(REQUIRED_ARENA_FIELDS);
            assertThat(ARENA_FIELDS).as(key).containsAll(fieldNames(arena));
            int from = arena.path("ageBand").path("from").asInt(-1);
            int to = arena.path("ageBand").path("to").asInt(-1);
            assertThat(key).matches("aukra-" + from + "-" + to + "-[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(from).as(key).isBetween(0, 25);
            assertThat(to).as(key).isBetween(from + 1, 25);
            assertThat(arena.path("level").asString()).as(key).isIn(LEVELS);
            assertThat(arena.path("discussionMode").asString()).as(key).isIn(DISCUSSION_MODES);
            for (String field : List.of("name", "mandate", "partiesText", "meetingFrequency")) {
                assertCleanText(key + "." + field, arena.path(field));
            }
            assertCleanText(key + ".meetingOwner.role", arena.path("meetingOwner").path("role"));
            assertCleanText(key + ".meetingOwner.text", arena.path("meetingOwner").path("text"));
            for (String optional : List.of("legalBasis", "location")) {
                if (!arena.path(optional).isMissingNode() && !arena.path(optional).isNull()) {
                    assertCleanText(key + "." + optional, arena.path(optional));
                }
            }
            assertThat(arena.path("parties").isArray() && !arena.path("parties").isEmpty()).as(key + ".parties").isTrue();
            List<String> parties = new ArrayList<>();
            arena.path("parties").forEach(party -> parties.add(party.asString()));
            assertThat(parties).as(key + ".parties").doesNotHaveDuplicates().allMatch(PARTIES::contains);
        }
    }

    @Test
    void readsDiscussionModeAndLegalBasisFromTheSeedsWords() {
        Map<String, JsonNode> byKey = arenasByKey();

        JsonNode preschoolTeam = byKey.get("aukra-0-6-tverrfagleg-forskoleteam");
        assertThat(preschoolTeam.path("discussionMode").asString()).isEqualTo("ANONYMOUS_OR_CONSENT");
        assertThat(preschoolTeam.path("legalBasis").asString()).isEqualTo("barnehagelova");
        for (String schoolTeam : List.of("aukra-6-18-skoleteam-julsundet-skole", "aukra-6-18-skoleteam-gossen-barne-og-ungdomsskole")) {
            assertThat(byKey.get(schoolTeam).path("discussionMode").asString()).isEqualTo("ANONYMOUS_ONLY");
            assertThat(byKey.get(schoolTeam).path("legalBasis").asString()).isEqualTo("opplæringslova");
        }
    }

    @Test
    void referralsAreAnonymousAndPointAtArenasThatAcceptAnonymousCases() {
        Map<String, JsonNode> byKey = arenasByKey();
        assertThat(referrals.size()).isEqualTo(12);
        for (JsonNode referral : referrals) {
            String key = referral.path("arenaExternalKey").asString();
            // Only the request fields: nothing that could name or identify a child.
            assertThat(fieldNames(referral)).as(key).isEqualTo(REFERRAL_FIELDS);
            assertThat(byKey).as("arena " + key).containsKey(key);
            assertThat(byKey.get(key).path("discussionMode").asString()).isNotEqualTo("CONSENT_REQUIRED");
            assertThat(referral.path("ageBand").asString()).isIn(AGE_BANDS);
            assertThat(referral.path("preventionLevel").asString()).isIn(PREVENTION_LEVELS);
            assertThat(referral.path("referrerUnitType").asString()).matches("[A-Z_]+");
            assertThat(referral.path("themes").isArray() && !referral.path("themes").isEmpty()).isTrue();
            referral.path("themes").forEach(theme -> assertThat(theme.asString()).matches("[A-Z_]+"));
            assertThat(referral.path("guardiansAttend").isBoolean()).isTrue();
            assertThat(referral.path("measuresTried").isEmpty()).as("an intake states the measures tried").isFalse();
            for (JsonNode measure : referral.path("measuresTried")) {
                assertThat(fieldNames(measure)).isEqualTo(Set.of("description", "period", "effect"));
                measure.forEach(text -> assertCleanText(key + ".measuresTried", text));
            }
        }
    }

    @Test
    void sixReferralsShareOneReportCellSoItIsNotSuppressed() {
        Map<String, Integer> cells = new HashMap<>();
        for (JsonNode referral : referrals) {
            String cell = String.join("|", referral.path("arenaExternalKey").asString(), referral.path("ageBand").asString(),
                    referral.path("referrerUnitType").asString(), referral.path("preventionLevel").asString());
            cells.merge(cell, 1, Integer::sum);
        }
        assertThat(cells).containsEntry("aukra-0-6-tverrfagleg-forskoleteam|0-5|KINDERGARTEN|YELLOW", 6);
    }

    private Map<String, JsonNode> arenasByKey() {
        Map<String, JsonNode> byKey = new HashMap<>();
        arenas.forEach(arena -> byKey.put(arena.path("externalKey").asString(), arena));
        return byKey;
    }

    private static Set<String> fieldNames(JsonNode node) {
        return new HashSet<>(node.propertyNames());
    }

    /** Text from the seed is kept, but without the document's layout: no line breaks, tabs or double spaces. */
    private static void assertCleanText(String what, JsonNode node) {
        assertThat(node.isString()).as(what + " is text").isTrue();
        String text = node.asString();
        assertThat(text).as(what).isNotBlank().isEqualTo(text.strip()).doesNotContain("  ", "\n", "\t");
    }
}
