package no.samhandling.arena.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import no.samhandling.events.Topics;
import no.samhandling.events.arena.ArenaRegistered;
import no.samhandling.events.arena.ArenaRetired;
import no.samhandling.events.arena.ArenaUpdated;
import no.samhandling.platform.events.CloudEventCodec;
import no.samhandling.platform.test.HttpApi;
import no.samhandling.platform.test.TestTokens;
import no.samhandling.platform.test.TopicProbe;

/** The catalogue through its real API and topic; run on embedded infrastructure and on containers. */
abstract class ArenaCatalogueComponentTest {

    @LocalServerPort
    int port;

    @Autowired
    KafkaConnectionDetails kafka;

    static String arena(String externalKey) {
        return """
                {"externalKey": "%s", "name": "Tverrfagleg førskoleteam", "level": "INDIVIDUAL",
                 "ageBand": {"from": 0, "to": 6}, "mandate": "Saker vert drøfta anonymt eller ope dersom samtykkeerklæring ligg føre.",
                 "legalBasis": "barnehagelova", "parties": ["PPT", "CHILD_WELFARE", "HEALTH_STATION", "KINDERGARTEN"], "partiesText": "PPT, barnevern, helsesjukepleiar og barnehage",
                 "meetingFrequency": "6 årlege møter – vår 3, haust 3", "meetingOwner": {"role": "Leiande helsesjukepleiar"},
                 "discussionMode": "ANONYMOUS_OR_CONSENT"}""".formatted(externalKey);
    }

    HttpApi api(String token) {
        return HttpApi.at(port).as(token);
    }

    @Test
    void registersAnArenaAndPublishesArenaRegistered() {
        HttpApi.Response created = api(TestTokens.forRole("ADMIN")).post("/arenas", arena("aukra-0-6-forskoleteam"));

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        try (TopicProbe probe = new TopicProbe(String.join(",", kafka.getBootstrapServers()), Topics.ARENA_EVENTS)) {
            ConsumerRecord<String, byte[]> record = probe.awaitRecord(r -> id.equals(r.key()), Duration.ofSeconds(30)).stream()
                    .filter(r -> id.equals(r.key())).findFirst().orElseThrow();
            assertThat(TopicProbe.header(record, "ce_type")).isEqualTo("arena.registered.v1");
            ArenaRegistered event = (ArenaRegistered) CloudEventCodec.decode(record.headers(), record.value());
            assertThat(event.title()).isEqualTo("Tverrfagleg førskoleteam");
            assertThat(event.municipality()).isEqualTo(TestTokens.AUKRA);
        }
        assertThat(api(TestTokens.forRole("REFERRER")).get("/arenas/" + id).json().get("externalKey").asString())
                .isEqualTo("aukra-0-6-forskoleteam");
    }

    @Test
    void refusesASecondArenaWithTheSameExternalKey() {
        api(TestTokens.forRole("ADMIN")).post("/arenas", arena("aukra-dup"));

        HttpApi.Response again = api(TestTokens.forRole("ADMIN")).post("/arenas", arena("aukra-dup"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).isEqualTo("urn:samhandling:problem:conflict");
        assertThat(again.json().get("detail").asString()).contains("aukra-dup");
    }

    @Test
    void namesTheInvalidFields() {
        HttpApi.Response response = api(TestTokens.forRole("ADMIN")).post("/arenas", """
                {"externalKey": "Ugyldig Nøkkel", "name": "x", "level": "INDIVIDUAL", "ageBand": {"from": 10, "to": 6},
                 "mandate": "m", "parties": [], "meetingFrequency": "ved behov", "meetingOwner": {"role": "o"}, "discussionMode": "ANONYMOUS_ONLY"}""");

        assertThat(response.status()).isEqualTo(400);
        JsonNode errors = response.json().get("errors");
        assertThat(errors.findValuesAsString("field")).containsExactlyInAnyOrder("externalKey", "parties", "ageBand.ordered");
    }

    @Test
    void onlyAdministratorsWriteTheCatalogue() {
        assertThat(api(TestTokens.forRole("REFERRER")).post("/arenas", arena("aukra-referrer")).status()).isEqualTo(403);
        // An entry names the arena's coordinator: a coordinator who could write it could appoint themself.
        assertThat(api(TestTokens.forRole("COORDINATOR")).post("/arenas", arena("aukra-coordinator")).status()).isEqualTo(403);
        assertThat(api(TestTokens.forRole("GUARDIAN")).get("/arenas").status()).isEqualTo(403);
    }

    @Test
    void anotherMunicipalityNeitherListsNorReadsTheArena() {
        String id = api(TestTokens.forRole("ADMIN")).post("/arenas", arena("aukra-private")).json().get("id").asString();
        HttpApi melhus = adminOf(TestTokens.MELHUS, port);

        assertThat(melhus.get("/arenas/" + id).status()).isEqualTo(404);
        assertThat(melhus.get("/arenas?externalKey=aukra-private").json()).isEmpty();
        // The same external key is free in another municipality.
        assertThat(melhus.post("/arenas", arena("aukra-private")).status()).isEqualTo(201);
    }

    static HttpApi adminOf(String municipality, int port) {
        return HttpApi.at(port).as(TestTokens.token("admin-" + municipality, municipality, "ADMIN"));
    }

    static List<String> keys(HttpApi.Response response) {
        List<String> keys = new ArrayList<>();
        response.json().forEach(arena -> keys.add(arena.get("externalKey").asString()));
        return keys;
    }

    @Test
    void searchesByAgeLevelPartyAndFreeText() {
        HttpApi admin = adminOf("1101", port);
        admin.post("/arenas", ArenaRows.row("s-preschool").ages(0, 6).named("Førskoleteam").json());
        admin.post("/arenas", ArenaRows.row("s-school").ages(6, 18).level("SYSTEM").parties("SCHOOL", "PPT")
                .mandate("Skolenærvær og skolemiljø").json());
        admin.post("/arenas", ArenaRows.row("s-youth").ages(0, 25).level("BOTH").parties("POLICE").named("SLT-koordineringsgruppa").json());

        assertThat(keys(admin.get("/arenas?age=3"))).containsExactlyInAnyOrder("s-preschool", "s-youth");
        assertThat(keys(admin.get("/arenas?age=18"))).containsExactlyInAnyOrder("s-school", "s-youth");
        assertThat(keys(admin.get("/arenas?level=SYSTEM"))).containsExactly("s-school");
        assertThat(keys(admin.get("/arenas?party=POLICE"))).containsExactly("s-youth");
        assertThat(keys(admin.get("/arenas?party=PPT&age=10"))).containsExactly("s-school");
        assertThat(keys(admin.get("/arenas?q=SKOLENÆRVÆR"))).containsExactly("s-school");
        assertThat(keys(admin.get("/arenas?q=slt-"))).containsExactly("s-youth");
        // The free text is literal, never a pattern.
        assertThat(keys(admin.get("/arenas?q=.*"))).isEmpty();
        assertThat(admin.get("/arenas?party=UNKNOWN").status()).isEqualTo(400);
    }

    @Test
    void updatesAnArenaAndPublishesTheWholeNewEntry() {
        HttpApi admin = adminOf("1102", port);
        String target = admin.post("/arenas", ArenaRows.row("u-target").json()).json().get("id").asString();
        HttpApi.Response created = admin.post("/arenas", ArenaRows.row("u-arena").json());
        String id = created.json().get("id").asString();

        HttpApi.Response updated = admin
                .withHeader("If-Match", "\"0\"")
                .put("/arenas/" + id, ArenaRows.row("u-arena").named("Nytt namn").escalatesTo("u-target").json());

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("version").asLong()).isEqualTo(1);
        assertThat(updated.json().get("escalationArenaId").asString()).isEqualTo(target);
        try (TopicProbe probe = new TopicProbe(String.join(",", kafka.getBootstrapServers()), Topics.ARENA_EVENTS)) {
            ConsumerRecord<String, byte[]> record = probe
                    .awaitRecord(r -> id.equals(r.key()) && "arena.updated.v1".equals(TopicProbe.header(r, "ce_type")), Duration.ofSeconds(30))
                    .stream().filter(r -> id.equals(r.key()) && "arena.updated.v1".equals(TopicProbe.header(r, "ce_type")))
                    .findFirst().orElseThrow();
            ArenaUpdated event = (ArenaUpdated) CloudEventCodec.decode(record.headers(), record.value());
            assertThat(event.title()).isEqualTo("Nytt namn");
            assertThat(event.escalationArenaId()).isEqualTo(target);
        }
        // A stale version loses; the same entry again changes nothing.
        assertThat(admin.withHeader("If-Match", "\"0\"").put("/arenas/" + id, ArenaRows.row("u-arena").json()).status()).isEqualTo(409);
        HttpApi.Response same = admin.put("/arenas/" + id, ArenaRows.row("u-arena").named("Nytt namn").escalatesTo("u-target").json());
        assertThat(same.json().get("version").asLong()).isEqualTo(1);
        assertThat(admin.put("/arenas/" + id, ArenaRows.row("u-renamed-key").json()).status()).isEqualTo(400);
    }

    @Test
    void refusesEscalationThatLeadsNowhereOrInACircle() {
        HttpApi admin = adminOf("1103", port);
        String a = admin.post("/arenas", ArenaRows.row("c-a").json()).json().get("id").asString();
        admin.post("/arenas", ArenaRows.row("c-b").escalatesTo("c-a").json());

        HttpApi.Response dangling = admin.post("/arenas", ArenaRows.row("c-c").escalatesTo("c-missing").json());
        HttpApi.Response circle = admin.put("/arenas/" + a, ArenaRows.row("c-a").escalatesTo("c-b").json());
        HttpApi.Response self = admin.put("/arenas/" + a, ArenaRows.row("c-a").escalatesTo("c-a").json());
        // Another municipality's arena is not a target either.
        HttpApi.Response foreign = adminOf("1104", port).post("/arenas", ArenaRows.row("c-d").escalatesTo("c-a").json());

        for (HttpApi.Response response : List.of(dangling, circle, self, foreign)) {
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("escalatesTo");
        }
        assertThat(adminOf("1103", port).inLanguage("nn").put("/arenas/" + a, ArenaRows.row("c-a").escalatesTo("c-b").json())
                .json().get("detail").asString()).contains("i ring");
    }

    @Test
    void retiresAnArenaWithItsReplacement() {
        HttpApi admin = adminOf("1105", port);
        String old = admin.post("/arenas", ArenaRows.row("r-old").json()).json().get("id").asString();
        String replacement = admin.post("/arenas", ArenaRows.row("r-new").json()).json().get("id").asString();

        assertThat(admin.post("/arenas/" + old + "/retire", "{\"replacementArenaId\": \"" + old + "\"}").status()).isEqualTo(400);
        HttpApi.Response retired = admin.post("/arenas/" + old + "/retire", "{\"replacementArenaId\": \"" + replacement + "\"}");

        assertThat(retired.status()).isEqualTo(200);
        assertThat(retired.json().get("status").asString()).isEqualTo("RETIRED");
        try (TopicProbe probe = new TopicProbe(String.join(",", kafka.getBootstrapServers()), Topics.ARENA_EVENTS)) {
            ConsumerRecord<String, byte[]> record = probe
                    .awaitRecord(r -> old.equals(r.key()) && "arena.retired.v1".equals(TopicProbe.header(r, "ce_type")), Duration.ofSeconds(30))
                    .stream().filter(r -> old.equals(r.key()) && "arena.retired.v1".equals(TopicProbe.header(r, "ce_type")))
                    .findFirst().orElseThrow();
            assertThat(((ArenaRetired) CloudEventCodec.decode(record.headers(), record.value())).replacementArenaId()).isEqualTo(replacement);
        }
        assertThat(keys(admin.get("/arenas"))).containsExactly("r-new");
        assertThat(keys(admin.get("/arenas?status=RETIRED"))).containsExactly("r-old");
        assertThat(admin.post("/arenas/" + old + "/retire", "").status()).isEqualTo(409);
        assertThat(admin.put("/arenas/" + old, ArenaRows.row("r-old").json()).status()).isEqualTo(409);
    }

    @Test
    void onlyAdministratorsChangeOrRetire() {
        String id = api(TestTokens.forRole("ADMIN")).post("/arenas", arena("aukra-guarded")).json().get("id").asString();
        for (String role : List.of("REFERRER", "COORDINATOR", "MEMBER", "LEADER", "GUARDIAN")) {
            HttpApi other = api(TestTokens.forRole(role));
            assertThat(other.put("/arenas/" + id, arena("aukra-guarded")).status()).as(role).isEqualTo(403);
            assertThat(other.post("/arenas/" + id + "/retire", "").status()).as(role).isEqualTo(403);
            assertThat(other.post("/arenas/import", ArenaRows.file(TestTokens.AUKRA, ArenaRows.row("aukra-x"))).status()).as(role).isEqualTo(403);
        }
        for (String role : List.of("REFERRER", "MEMBER", "LEADER", "COORDINATOR", "ADMIN")) {
            assertThat(api(TestTokens.forRole(role)).get("/arenas/" + id).status()).as(role).isEqualTo(200);
        }
        assertThat(api(TestTokens.forRole("GUARDIAN")).get("/arenas/" + id).status()).isEqualTo(403);
    }

    @Test
    void anotherMunicipalityCannotChangeOrRetireTheArena() {
        String id = api(TestTokens.forRole("ADMIN")).post("/arenas", arena("aukra-own")).json().get("id").asString();
        HttpApi melhus = adminOf(TestTokens.MELHUS, port);

        assertThat(melhus.put("/arenas/" + id, arena("aukra-own")).status()).isEqualTo(404);
        assertThat(melhus.post("/arenas/" + id + "/retire", "").status()).isEqualTo(404);
        assertThat(api(TestTokens.forRole("ADMIN")).get("/arenas/" + id).json().get("status").asString()).isEqualTo("ACTIVE");
    }
}
