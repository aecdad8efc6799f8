package no.samhandling.referral.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;

import no.samhandling.events.Topics;
import no.samhandling.events.referral.DiscussionBasis;
import no.samhandling.events.referral.ReferralSubmitted;
import no.samhandling.platform.events.CloudEventCodec;
import no.samhandling.platform.test.HttpApi;
import no.samhandling.platform.test.TestTokens;
import no.samhandling.platform.test.TopicProbe;

/** Intake through the real API and topic; run on embedded infrastructure and on containers. */
abstract class IntakeComponentTest {

    @LocalServerPort
    int port;

    @Autowired
    KafkaConnectionDetails kafka;

    static String referral(String description) {
        return """
                {"arenaId": "arena-1", "referrerUnit": "Julsundet skole", "referrerUnitType": "SCHOOL", "ageBand": "6-12",
                 "themes": ["ABSENCE", "SCHOOL_ENVIRONMENT"], "preventionLevel": "YELLOW",
                 "measuresTried": [{"description": "Samtale med elev og føresette", "period": "haust 2026", "effect": "Noko betre"}],
                 "description": "%s", "guardiansAttend": false}""".formatted(description);
    }

    @Autowired
    no.samhandling.platform.events.CloudEventCodec codec;

    @Autowired
    no.samhandling.referral.arenas.ArenaDirectory directory;

    @Autowired
    no.samhandling.platform.access.ArenaRoster members;

    KnownArenas arenas;

    @org.junit.jupiter.api.BeforeEach
    void arenaOne() {
        arenas = new KnownArenas(String.join(",", kafka.getBootstrapServers()), codec, directory, members);
        arenas.ensure("arena-1");
    }

    HttpApi api(String token) {
        return HttpApi.at(port).as(token);
    }

    @Test
    void nobodyCanDateACaseInThePastUnlessTheLocalRuntimeTurnsTheDemoHistoryOn() {
        HttpApi.Response response = api(TestTokens.forRole("ADMIN")).post("/referrals/demo-history",
                "{\"referrals\": [{\"referral\": " + referral("x") + ", \"submittedAt\": \"2026-01-05T09:00:00Z\"}]}");

        // Without the demo history the path is only that of a case, GET /referrals/{id}, which takes no POST.
        assertThat(response.status()).isEqualTo(405);
    }

    @Test
    void refusesAReferralToAnArenaThatDoesNotExist() {
        HttpApi.Response response = api(TestTokens.forRole("REFERRER")).post("/referrals", referral("x").replace("\"arena-1\"", "\"no-such-arena\""));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("arenaId");
    }

    @Test
    void refusesAnAnonymousReferralToAnArenaThatTakesOnlyConsentedCases() {
        arenas.register("arena-consent", no.samhandling.events.arena.DiscussionMode.CONSENT_REQUIRED, java.util.List.of("ANY_STAFF"), null);

        HttpApi.Response response = api(TestTokens.forRole("REFERRER")).post("/referrals", referral("x").replace("\"arena-1\"", "\"arena-consent\""));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("message").asString()).contains("samtykke");
    }

    @Test
    void refusesAUnitTheArenaDoesNotTakeCasesFrom() {
        arenas.register("arena-kindergartens", no.samhandling.events.arena.DiscussionMode.ANONYMOUS_ONLY, java.util.List.of("KINDERGARTEN"), null);

        HttpApi.Response fromSchool = api(TestTokens.forRole("REFERRER")).post("/referrals", referral("x").replace("\"arena-1\"", "\"arena-kindergartens\""));
        HttpApi.Response fromKindergarten = api(TestTokens.forRole("REFERRER")).post("/referrals",
                referral("x").replace("\"arena-1\"", "\"arena-kindergartens\"").replace("\"SCHOOL\"", "\"KINDERGARTEN\""));

        assertThat(fromSchool.status()).isEqualTo(400);
        assertThat(fromSchool.json().get("errors").findValuesAsString("field")).containsExactly("referrerUnitType");
        assertThat(fromKindergarten.status()).isEqualTo(201);
    }

    @Test
    void refusesAUnitTypeOutsideTheClosedListAndNamesIt() {
        // The code is published as a row label in the leaders' reports, so it can never carry a name.
        HttpApi.Response response = api(TestTokens.forRole("REFERRER")).post("/referrals",
                referral("x").replace("\"SCHOOL\"", "\"ELEV_KARI_NORDMANN\""));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("referrerUnitType");
        assertThat(response.body()).doesNotContain("KARI");
    }

    @Test
    void submitsAnAnonymousReferralAndPublishesReferralSubmitted() {
        HttpApi.Response created = api(TestTokens.forRole("REFERRER")).post("/referrals", referral("Høgt fråvær over tid"));

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        try (TopicProbe probe = new TopicProbe(String.join(",", kafka.getBootstrapServers()), Topics.REFERRAL_EVENTS)) {
            ConsumerRecord<String, byte[]> record = probe.awaitRecord(r -> id.equals(r.key()), Duration.ofSeconds(30)).stream()
                    .filter(r -> id.equals(r.key())).findFirst().orElseThrow();
            ReferralSubmitted event = (ReferralSubmitted) CloudEventCodec.decode(record.headers(), record.value());
            assertThat(event.basis()).isEqualTo(DiscussionBasis.ANONYMOUS);
            assertThat(event.themes()).containsExactly("ABSENCE", "SCHOOL_ENVIRONMENT");
            // Whom to tell when the case is accepted or returned: the referrer's opaque id, nothing more.
            assertThat(event.referrerUserId()).isEqualTo("referrer");
            // The case's free text stays in referral-service; the event carries codes only.
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain("fråvær").doesNotContain("Julsundet");
        }
    }

    @Test
    void refusesAnAnonymousReferralWhoseTextHoldsANationalIdNumber() {
        HttpApi.Response response = api(TestTokens.forRole("REFERRER")).post("/referrals", referral("Gjeld 01020312345"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("description");
        assertThat(response.body()).doesNotContain("01020312345");
    }

    @Test
    void refusesAnIdentifierInEveryFreeTextFieldNamingEachAndEchoingNone() {
        HttpApi.Response response = api(TestTokens.forRole("REFERRER")).inLanguage("nn").post("/referrals", """
                {"arenaId": "arena-1", "referrerUnit": "Julsundet skule, eleven 010203-12345", "referrerUnitType": "SCHOOL",
                 "ageBand": "6-12", "themes": ["ABSENCE"], "preventionLevel": "YELLOW",
                 "measuresTried": [{"description": "Samtale med elev", "period": "haust 2026", "effect": "Noko betre"},
                                   {"description": "Møte 01/02/2003", "period": "frå 1. februar 2003", "effect": "Jenta, fødd 1.2.03"}],
                 "description": "Gjeld 01 02 03 123 45", "guardiansAttend": false}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("referrerUnit", "description",
                "measuresTried[1].description", "measuresTried[1].period", "measuresTried[1].effect");
        assertThat(response.json().get("errors").findValuesAsString("message"))
                .allSatisfy(message -> assertThat(message).startsWith("kan ikkje innehalde eit fødselsnummer"));
        assertThat(response.body()).doesNotContain("12345").doesNotContain("2003").doesNotContain("1.2.03");
    }

    @Test
    void takesPeriodsCountsAndTimesAsTheyAreWrittenInIntakeText() {
        HttpApi.Response response = api(TestTokens.forRole("REFERRER")).post("/referrals", referral(
                "Fråvær 2–3 gonger i veka sidan veke 12, frå 1. mars. Mor ringjer kl. 14.30 på 912 34 567.")
                .replace("\"haust 2026\"", "\"vår 2027\""));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    @Test
    void namesMissingIntakeFields() {
        HttpApi.Response response = api(TestTokens.forRole("REFERRER")).post("/referrals", """
                {"arenaId": "arena-1", "referrerUnit": "Julsundet skole", "referrerUnitType": "SCHOOL", "ageBand": "7",
                 "themes": [], "measuresTried": []}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("ageBand", "themes", "preventionLevel", "measuresTried", "guardiansAttend");
    }

    @Test
    void guardiansAndLeadersDoNotRegisterThroughTheStaffIntake() {
        assertThat(api(TestTokens.forRole("GUARDIAN")).post("/referrals", referral("x")).status()).isEqualTo(403);
        assertThat(api(TestTokens.forRole("LEADER")).post("/referrals", referral("x")).status()).isEqualTo(403);
    }

    @Test
    void anotherMunicipalityCannotReadTheReferral() {
        String id = api(TestTokens.forRole("REFERRER")).post("/referrals", referral("x")).json().get("id").asString();

        assertThat(api(TestTokens.token("c", TestTokens.MELHUS, "COORDINATOR")).get("/referrals/" + id).status()).isEqualTo(404);
        assertThat(api(TestTokens.forRole("COORDINATOR")).get("/referrals/" + id).status()).isEqualTo(200);
    }

    @Test
    void refusesAThemeOutsideTheTaxonomyAndNamesIt() {
        HttpApi.Response response = api(TestTokens.forRole("REFERRER")).post("/referrals",
                referral("x").replace("\"SCHOOL_ENVIRONMENT\"", "\"GENERAL_WORRY\""));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("themes[1]");
    }

    @Test
    void servesTheThemeTaxonomyInNynorsk() {
        HttpApi.Response response = api(TestTokens.forRole("REFERRER")).inLanguage("nn").get("/themes");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().findValuesAsString("code")).hasSize(no.samhandling.events.referral.Theme.values().length);
        assertThat(response.body()).contains("\"code\":\"ABSENCE\",\"label\":\"Fråvær\"");
    }
}
