package no.samhandling.arena.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import no.samhandling.events.Topics;
import no.samhandling.platform.test.HttpApi;
import no.samhandling.platform.test.TestTokens;
import no.samhandling.platform.test.TopicProbe;

/** The catalogue import through the real API, with the shipped Aukra and Melhus catalogues. */
abstract class ArenaImportComponentTest {

    @LocalServerPort
    int port;

    @Autowired
    KafkaConnectionDetails kafka;

    static String resource(String name) {
        try (InputStream in = ArenaImportComponentTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    HttpApi as(String municipality, String role) {
        return HttpApi.at(port).as(TestTokens.token(role.toLowerCase() + "-" + municipality, municipality, role));
    }

    @Test
    void importsTheAukraCatalogueOnceAndThenReportsItUnchanged() {
        assertShippedCatalogue("catalogues/aukra-1547.json", TestTokens.AUKRA, 24);
    }

    @Test
    void importsTheMelhusStructureWithEveryEscalationLinkResolved() {
        assertShippedCatalogue("catalogues/melhus-5028.json", TestTokens.MELHUS, 21);
        HttpApi melhus = as(TestTokens.MELHUS, "REFERRER");
        JsonNode discussionTeam = melhus.get("/arenas?externalKey=melhus-0-20-drofting-team-barn-og-unge").json().get(0);
        assertThat(discussionTeam.get("intake").get("measuresRequiredFirst").asBoolean()).isTrue();
        JsonNode steeringGroup = melhus.get("/arenas?externalKey=melhus-0-20-tverrfaglig-samarbeidsgruppe-barn-og-unge").json().get(0);
        assertThat(discussionTeam.get("escalationArenaId").asString()).isEqualTo(steeringGroup.get("id").asString());
        assertThat(melhus.get("/arenas?q=lokalt%20tverrfaglig%20team").json()).allSatisfy(localTeam ->
                assertThat(localTeam.get("escalationArenaId").asString()).isEqualTo(discussionTeam.get("id").asString()));
        assertThat(ArenaCatalogueComponentTest.keys(melhus.get("/arenas?level=SYSTEM&q=nettverk"))).containsExactlyInAnyOrder(
                "melhus-0-16-tverrfaglig-nettverk-nedre-melhus", "melhus-0-16-tverrfaglig-nettverk-melhus-sor",
                "melhus-0-16-tverrfaglig-nettverk-melhus-vest", "melhus-0-20-tverrfaglig-samarbeidsgruppe-barn-og-unge");
    }

    private void assertShippedCatalogue(String resource, String municipality, int arenas) {
        HttpApi admin = as(municipality, "ADMIN");
        HttpApi.Response first = admin.post("/arenas/import", resource(resource));

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("created").asInt()).isEqualTo(arenas);
        assertThat(first.json().get("applied").asBoolean()).isTrue();

        Map<String, String> idByKey = new HashMap<>();
        JsonNode stored = admin.get("/arenas").json();
        stored.forEach(arena -> idByKey.put(arena.get("externalKey").asString(), arena.get("id").asString()));
        int links = 0;
        for (JsonNode arena : stored) {
            if (!arena.get("escalatesTo").isNull()) {
                links++;
                assertThat(arena.get("escalationArenaId").asString()).isEqualTo(idByKey.get(arena.get("escalatesTo").asString()));
            }
        }
        assertThat(links).isPositive();

        try (TopicProbe probe = new TopicProbe(String.join(",", kafka.getBootstrapServers()), Topics.ARENA_EVENTS)) {
            long before = probe.drain(Duration.ofSeconds(3)).stream().filter(r -> idByKey.containsValue(r.key())).count();
            HttpApi.Response again = admin.post("/arenas/import", resource(resource));
            assertThat(again.json().get("unchanged").asInt()).isEqualTo(arenas);
            assertThat(again.json().get("created").asInt() + again.json().get("updated").asInt()).isZero();
            long after = probe.drain(Duration.ofSeconds(3)).stream().filter(r -> idByKey.containsValue(r.key())).count();
            assertThat(after).as("re-import raises no events").isEqualTo(before);
        }
    }

    @Test
    void reportsCreatedUpdatedAndUnchangedRows() {
        HttpApi admin = as("1201", "ADMIN");
        admin.post("/arenas/import", ArenaRows.file("1201", ArenaRows.row("i-a"), ArenaRows.row("i-b")));

        HttpApi.Response report = admin.post("/arenas/import",
                ArenaRows.file("1201", ArenaRows.row("i-a"), ArenaRows.row("i-b").named("Nytt namn"), ArenaRows.row("i-c").escalatesTo("i-b")));

        assertThat(report.status()).isEqualTo(200);
        assertThat(report.json().get("rows").findValuesAsString("outcome")).containsExactly("UNCHANGED", "UPDATED", "CREATED");
        assertThat(admin.get("/arenas?externalKey=i-b").json().get(0).get("name").asString()).isEqualTo("Nytt namn");
    }

    @Test
    void rejectsTheWholeFileNamingEveryBadRowAndWritesNothing() {
        HttpApi admin = as("1202", "ADMIN");
        admin.post("/arenas/import", ArenaRows.file("1202", ArenaRows.row("b-existing")));
        String file = """
                {"municipality": "1202", "name": "Testkommune", "arenas": [
                  %s,
                  {"externalKey": "b-missing-name", "level": "INDIVIDUAL", "ageBand": {"from": 0, "to": 6}, "mandate": "m",
                   "parties": ["PPT"], "meetingFrequency": "ved behov", "meetingOwner": {"role": "r"}, "discussionMode": "ANONYMOUS_ONLY"},
                  %s,
                  %s,
                  %s,
                  %s,
                  %s
                ]}""".formatted(
                ArenaRows.row("b-good").json(),
                ArenaRows.row("b-party").parties("PPT", "ASTROLOGER").json(),
                ArenaRows.row("b-dangling").escalatesTo("b-nowhere").json(),
                ArenaRows.row("b-x").escalatesTo("b-y").json(),
                ArenaRows.row("b-y").escalatesTo("b-x").json(),
                ArenaRows.row("b-good").json());

        HttpApi.Response response = admin.post("/arenas/import", file);

        assertThat(response.status()).isEqualTo(400);
        JsonNode body = response.json();
        assertThat(body.get("type").asString()).isEqualTo("urn:samhandling:problem:import-rejected");
        assertThat(body.get("applied").asBoolean()).isFalse();
        assertThat(body.get("rejected").asInt()).isEqualTo(6);
        assertThat(body.get("errors").findValuesAsString("field"))
                .containsExactly("name", "parties[1]", "escalatesTo", "escalatesTo", "escalatesTo", "externalKey");
        assertThat(body.get("errors").findValues("index")).extracting(JsonNode::asInt).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(body.get("errors").get(5).get("externalKey").asString()).isEqualTo("b-good");
        assertThat(body.get("rows").get(0).get("outcome").asString()).isEqualTo("CREATED");
        assertThat(ArenaCatalogueComponentTest.keys(admin.get("/arenas"))).as("nothing written").containsExactly("b-existing");
    }

    @Test
    void rejectsAFileForAnotherMunicipality() {
        HttpApi.Response response = as("1203", "ADMIN").post("/arenas/import", ArenaRows.file("1547", ArenaRows.row("w-a")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("municipality");
        assertThat(as("1203", "ADMIN").get("/arenas").json()).isEmpty();
        assertThat(as("1547", "ADMIN").get("/arenas?externalKey=w-a").json()).isEmpty();
    }

    @Test
    void rejectsARhythmThatCannotBeExpressedNamingItsField() {
        String row = ArenaRows.row("h-a").json();
        String withRhythm = row.substring(0, row.lastIndexOf('}'))
                + ", \"rhythm\": {\"pattern\": \"EVERY_N_WEEKS\", \"interval\": 0, \"weekday\": \"TUESDAY\", \"anchorDate\": \"2026-08-18\"}}";
        String file = "{\"municipality\": \"1205\", \"source\": \"plan\", \"arenas\": [" + withRhythm + "]}";

        HttpApi.Response response = as("1205", "ADMIN").post("/arenas/import", file);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("rhythm.interval");
        assertThat(as("1205", "ADMIN").get("/arenas").json()).isEmpty();
    }

    @Test
    void plansTheMeetingsOfAnImportedArenaFromItsRhythmAndDescribesTheRule() {
        String row = ArenaRows.row("h-b").json();
        String withRhythm = row.substring(0, row.lastIndexOf('}'))
                + ", \"rhythm\": {\"pattern\": \"NTH_WEEKDAY_OF_MONTH\", \"nth\": 1, \"weekday\": \"THURSDAY\", \"duration\": \"PT1H30M\"}}";
        String file = "{\"municipality\": \"1206\", \"source\": \"plan\", \"arenas\": [" + withRhythm + "]}";

        HttpApi.Response response = as("1206", "ADMIN").post("/arenas/import", file);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        String arenaId = response.json().get("rows").get(0).get("id").asString();
        assertThat(as("1206", "ADMIN").inLanguage("nn").get("/arenas/" + arenaId).json().get("rhythmDescription").asString())
                .isEqualTo("første torsdag kvar månad, 1 t 30 min");
        // Reading them takes a place in the arena, which an administrator gives someone else.
        as("1206", "ADMIN").post("/arenas/" + arenaId + "/members", """
                {"userId": "coordinator-1206", "party": "SCHOOL", "role": "COORDINATOR"}""");
        tools.jackson.databind.JsonNode meetings = as("1206", "COORDINATOR").get("/arenas/" + arenaId + "/meetings").json();
        assertThat(meetings.size()).isGreaterThan(3);
        assertThat(meetings.valueStream().map(m -> java.time.Instant.parse(m.get("startsAt").asString())
                .atZone(java.time.ZoneId.of("Europe/Oslo")).getDayOfWeek())).containsOnly(java.time.DayOfWeek.THURSDAY);
    }

    @Test
    void explainsRejectionInNynorsk() {
        HttpApi.Response response = as("1204", "ADMIN").inLanguage("nn")
                .post("/arenas/import", ArenaRows.file("1204", ArenaRows.row("n-a").escalatesTo("n-a")));

        assertThat(response.json().get("detail").asString()).contains("Ingenting vart lagra");
        assertThat(response.json().get("errors").get(0).get("message").asString()).contains("sjølv");
    }
}
