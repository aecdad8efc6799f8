package no.samhandling.arena.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import no.samhandling.events.Topics;
import no.samhandling.events.arena.ArenaRegistered;
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
                 "meetingFrequency": "6 årlege møter – vår 3, haust 3", "meetingOwner": "Leiande helsesjukepleiar",
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

        HttpApi.Response again = api(TestTokens.forRole("COORDINATOR")).post("/arenas", arena("aukra-dup"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).isEqualTo("urn:samhandling:problem:conflict");
        assertThat(again.json().get("detail").asString()).contains("aukra-dup");
    }

    @Test
    void namesTheInvalidFields() {
        HttpApi.Response response = api(TestTokens.forRole("ADMIN")).post("/arenas", """
                {"externalKey": "Ugyldig Nøkkel", "name": "x", "level": "INDIVIDUAL", "ageBand": {"from": 10, "to": 6},
                 "mandate": "m", "parties": [], "meetingFrequency": "ved behov", "meetingOwner": "o", "discussionMode": "ANONYMOUS_ONLY"}""");

        assertThat(response.status()).isEqualTo(400);
        JsonNode errors = response.json().get("errors");
        assertThat(errors.findValuesAsString("field")).containsExactlyInAnyOrder("externalKey", "parties", "ageBand.ordered");
    }

    @Test
    void onlyAdministratorsAndCoordinatorsWriteTheCatalogue() {
        assertThat(api(TestTokens.forRole("REFERRER")).post("/arenas", arena("aukra-referrer")).status()).isEqualTo(403);
        assertThat(api(TestTokens.forRole("GUARDIAN")).get("/arenas").status()).isEqualTo(403);
    }

    @Test
    void anotherMunicipalityNeitherListsNorReadsTheArena() {
        String id = api(TestTokens.forRole("ADMIN")).post("/arenas", arena("aukra-private")).json().get("id").asString();
        HttpApi melhus = api(TestTokens.token("melhus-coordinator", TestTokens.MELHUS, "COORDINATOR"));

        assertThat(melhus.get("/arenas/" + id).status()).isEqualTo(404);
        assertThat(melhus.get("/arenas?externalKey=aukra-private").json()).isEmpty();
        // The same external key is free in another municipality.
        assertThat(melhus.post("/arenas", arena("aukra-private")).status()).isEqualTo(201);
    }
}
