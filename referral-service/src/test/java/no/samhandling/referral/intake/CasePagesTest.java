package no.samhandling.referral.intake;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;

import no.samhandling.events.arena.DiscussionMode;
import no.samhandling.events.arena.MeetingScheduled;
import no.samhandling.platform.events.CloudEventCodec;
import no.samhandling.platform.test.HttpApi;
import no.samhandling.platform.test.PageClient;
import no.samhandling.platform.test.PageClient.Page;
import no.samhandling.platform.test.ServiceTest;
import no.samhandling.platform.test.TestProducer;
import no.samhandling.platform.test.TestTokens;
import no.samhandling.referral.arenas.ArenaDirectory;
import no.samhandling.platform.access.ArenaRoster;

/**
 * "Meld inn sak", "Mine saker" and the case page as the gateway asks for them: staff find the
 * arenas that take their case and register it through the same intake as the API, a refusal
 * lands on the field it names, the coordinator takes the case through its steps, and the referrer
 * sees its status and why it came back; strangers find nothing.
 */
@ServiceTest
class CasePagesTest {

    @LocalServerPort
    int port;

    @Autowired
    KafkaConnectionDetails kafka;

    @Autowired
    CloudEventCodec codec;

    @Autowired
    ArenaDirectory directory;

    @Autowired
    ArenaRoster members;

    String open;
    String consentOnly;
    String schoolsOnly;

    @BeforeEach
    void arenas() {
        KnownArenas arenas = new KnownArenas(String.join(",", kafka.getBootstrapServers()), codec, directory, members);
        String run = UUID.randomUUID().toString().substring(0, 8);
        open = "arena-open-" + run;
        consentOnly = "arena-consent-" + run;
        schoolsOnly = "arena-schools-" + run;
        arenas.register(open, DiscussionMode.ANONYMOUS_OR_CONSENT, List.of("ANY_STAFF"), null);
        arenas.register(consentOnly, DiscussionMode.CONSENT_REQUIRED, List.of("ANY_STAFF"), null);
        arenas.register(schoolsOnly, DiscussionMode.ANONYMOUS_OR_CONSENT, List.of("SCHOOL"), null);
    }

    @Test
    void theIntakeStartsWithTheThreeQuestionsAndNoArenasYet() {
        Page start = referrer().get("/meld-inn");
        assertThat(start.status()).isEqualTo(200);
        assertThat(start.body()).contains("<h1>Meld inn en sak</h1>", "Hvor jobber du?", "Hvor gammelt er barnet?", "Finn arenaer")
                .doesNotContain("Arenaer som kan ta saken");
        assertThat(referrer().get("/meld-inn/" + open).location()).as("the form needs the three answers").isEqualTo("/meld-inn");
    }

    @Test
    void staffSeeOnlyTheArenasThatTakeTheirCaseByTheIntakeRules() {
        String kindergarten = referrer().get("/meld-inn?enhet=KINDERGARTEN&alder=6-12&samtykke=nei").body();
        assertThat(kindergarten).contains("Arenaer som kan ta saken", "/meld-inn/" + open + "?enhet=KINDERGARTEN&amp;alder=6-12&amp;samtykke=nei")
                .doesNotContain("/meld-inn/" + consentOnly, "/meld-inn/" + schoolsOnly);
        assertThat(referrer().get("/meld-inn?enhet=SCHOOL&alder=6-12&samtykke=ja").body())
                .contains("/meld-inn/" + open + "?", "/meld-inn/" + consentOnly + "?", "/meld-inn/" + schoolsOnly + "?");
        assertThat(referrer().get("/meld-inn?enhet=SCHOOL&alder=19-25&samtykke=nei").body())
                .as("the arenas are for ages 6 to 13").doesNotContain("/meld-inn/" + open + "?");
    }

    @Test
    void aMeasureRowIsAddedWithoutAScriptAndAnIdentifierIsRefusedOnItsField() {
        String form = "/meld-inn/" + open;
        assertThat(referrer().get(form + "?enhet=KINDERGARTEN&alder=0-5&samtykke=nei").body())
                .contains("Meld inn sak til Lokalt team", "name=\"measuresTried[0].description\"", "Språk og tale", "Legg til et tiltak til")
                .doesNotContain("name=\"subject.name\"", "LANGUAGE<");

        Page twoRows = referrer().postForm(form, intake("leggTilTiltak", "Språkgruppe", "haust 2026", "Litt betre"));
        assertThat(twoRows.status()).isEqualTo(200);
        assertThat(twoRows.body()).contains("name=\"measuresTried[1].period\"", "value=\"haust 2026\"", "Tiltak 2");

        Page refused = referrer().postForm(form, intake("meldInn", "Språkgruppe", "haust 2026", "Litt betre",
                "measuresTried[1].description", "Logoped", "measuresTried[1].period", "frå 01.02.2019", "measuresTried[1].effect", "Betre"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("Noe må rettes før vi kan lagre", "href=\"#measuresTried-1-period\"",
                "id=\"measuresTried-1-period-error\"", "aria-describedby=\"measuresTried-1-period-error\"")
                .doesNotContain("id=\"measuresTried-0-period-error\"");
        assertThat(referrer().inLanguage("nn").postForm(form, intake("meldInn", "", "", "")).body())
                .contains("<html lang=\"nn\"", "href=\"#measuresTried\"", "Tiltak som er prøvde");
    }

    @Test
    void theReferrerRegistersTheCoordinatorReturnsItAndTheReferrerSeesWhy() {
        Page submitted = referrer().postForm("/meld-inn/" + open, intake("meldInn", "Språkgruppe to gonger i veka", "haust 2026", "Litt betre"));
        assertThat(submitted.status()).isEqualTo(302);
        assertThat(submitted.location()).matches("/saker/[0-9a-f-]+/kvittering");
        String path = submitted.location().replace("/kvittering", "");
        assertThat(referrer().get(submitted.location()).body()).contains("Saken er meldt inn", "Saken er sendt til Lokalt team", "Språk og tale");

        Page incoming = coordinator().get("/saker");
        assertThat(incoming.body()).contains("Saker i arenaene dine", "href=\"" + path + "\"", "0–5 år", "Anonymt");
        String casePage = coordinator().get(path).body();
        assertThat(casePage).contains("Sak i Lokalt team", "Ta imot saken", "Send saken tilbake", "Språkgruppe to gonger i veka");

        Page noReason = coordinator().postForm(path + "/returner", "reasonCode", "", "reasonText", "");
        assertThat(noReason.status()).isEqualTo(200);
        assertThat(noReason.body()).contains("id=\"reasonCode-error\"");
        Page returned = coordinator().postForm(path + "/returner", "reasonCode", "MEASURES_NOT_TRIED",
                "reasonText", "Prøv språkgruppe ein månad til først.");
        assertThat(returned.location()).isEqualTo(path + "?returnert");

        assertThat(referrer().get("/saker").body()).contains("Mine saker", "Sendt tilbake", "Tiltak må prøves ut lokalt først",
                "Prøv språkgruppe ein månad til først.");
        assertThat(referrer().inLanguage("nn").get(path).body()).contains("Sendt tilbake fordi", "Tiltak må prøvast ut lokalt først")
                .doesNotContain("Ta imot saka");
        assertThat(api(TestTokens.forRole("REFERRER")).get("/referrals/" + path.substring("/saker/".length())).json().get("status").asString())
                .isEqualTo("RETURNED");
    }

    @Test
    void theCoordinatorAcceptsAndAStepTheStatusDoesNotAllowIsShownAsRefused() {
        String path = referrer().postForm("/meld-inn/" + open, intake("meldInn", "Språkgruppe", "haust 2026", "Litt betre"))
                .location().replace("/kvittering", "");

        assertThat(coordinator().postForm(path + "/ta-imot").location()).isEqualTo(path + "?tattImot");
        assertThat(coordinator().get(path + "?tattImot").body()).contains("Saken er tatt imot", "Tatt imot").doesNotContain("Ta imot saken");
        Page again = coordinator().postForm(path + "/ta-imot");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("Det gikk ikke", "Saken har status «Tatt imot»");
    }

    @Test
    void theCoordinatorSchedulesTheCaseToOneOfTheArenasComingMeetings() {
        String path = referrer().postForm("/meld-inn/" + open, intake("meldInn", "Språkgruppe", "haust 2026", "Litt betre"))
                .location().replace("/kvittering", "");
        coordinator().postForm(path + "/ta-imot");
        assertThat(coordinator().get(path).body()).contains("Sett saken opp på et møte", "Arenaen har ingen kommende møter.");

        String meetingId = UUID.randomUUID().toString();
        Instant start = java.time.ZonedDateTime.of(2030, 3, 5, 9, 0, 0, 0, java.time.ZoneId.of("Europe/Oslo")).toInstant();
        try (TestProducer producer = new TestProducer(String.join(",", kafka.getBootstrapServers()))) {
            producer.send(codec.toRecord(new MeetingScheduled(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, meetingId, open, start,
                    start.plusSeconds(5400), "Rådhuset", List.of("coordinator", "member"), 0)));
            producer.send(codec.toRecord(new MeetingScheduled(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, UUID.randomUUID().toString(),
                    consentOnly, start, start.plusSeconds(5400), "Rådhuset", List.of("coordinator"), 0)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> coordinator().get(path).body().contains("value=\"" + meetingId + "\""));
        String page = coordinator().get(path).body();
        assertThat(page).contains("5. mars 2030 kl. 09.00").as("only the case's own arena's meetings").containsOnlyOnce("<option value=\"\"");

        Page scheduled = coordinator().postForm(path + "/sett-opp", "meetingId", meetingId);
        assertThat(scheduled.location()).isEqualTo(path + "?satt");
        assertThat(coordinator().get(path + "?satt").body()).contains("Saken er satt opp på møtet", "Satt opp på møte",
                "href=\"/moter/" + meetingId + "\"");
    }

    @Test
    void strangersFindNoCaseAndMembersOnlyReadIt() {
        String path = referrer().postForm("/meld-inn/" + open, intake("meldInn", "Språkgruppe", "haust 2026", "Litt betre"))
                .location().replace("/kvittering", "");

        assertThat(pages(TestTokens.token("another-referrer", TestTokens.AUKRA, "REFERRER")).get(path).status()).isEqualTo(404);
        assertThat(pages(TestTokens.token("coordinator", TestTokens.MELHUS, "COORDINATOR")).get(path).status()).isEqualTo(404);
        String member = pages(TestTokens.forRole("MEMBER")).get(path).body();
        assertThat(member).contains("Sak i Lokalt team").doesNotContain("Ta imot saken");
        assertThat(pages(TestTokens.forRole("MEMBER")).postForm(path + "/ta-imot").status()).isEqualTo(403);
        assertThat(pages(TestTokens.forRole("LEADER")).get("/meld-inn").status()).isEqualTo(403);
    }

    /** The intake form with one measure, for a kindergarten, a child of 0 to 5, anonymous. */
    private static String[] intake(String action, String what, String when, String effect, String... more) {
        List<String> fields = new java.util.ArrayList<>(List.of("handling", action, "enhet", "KINDERGARTEN", "alder", "0-5", "samtykke", "nei",
                "referrerUnit", "Barnebo barnehage", "themes", "LANGUAGE", "preventionLevel", "YELLOW",
                "measuresTried[0].description", what, "measuresTried[0].period", when, "measuresTried[0].effect", effect,
                "description", "", "guardiansAttend", "true"));
        fields.addAll(List.of(more));
        return fields.toArray(String[]::new);
    }

    private PageClient referrer() {
        return pages(TestTokens.forRole("REFERRER"));
    }

    private PageClient coordinator() {
        return pages(TestTokens.forRole("COORDINATOR"));
    }

    private PageClient pages(String token) {
        return PageClient.at(port).as(token);
    }

    private HttpApi api(String token) {
        return HttpApi.at(port).as(token);
    }
}
