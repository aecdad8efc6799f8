package no.samhandling.arena.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;

import no.samhandling.events.referral.ReferralScheduled;
import no.samhandling.platform.events.CloudEventCodec;
import no.samhandling.platform.test.HttpApi;
import no.samhandling.platform.test.PageClient;
import no.samhandling.platform.test.PageClient.Page;
import no.samhandling.platform.test.ServiceTest;
import no.samhandling.platform.test.TestProducer;
import no.samhandling.platform.test.TestTokens;

/**
 * The meeting pages as the gateway asks for them: the coordinator's calendar and a new meeting, the
 * agenda published, the minutes written with a responsibility assignment per item and approved,
 * the arena's members added and removed; members read, and do not run, the meeting; the API's own
 * rules and refusals (identifiers in the minutes) apply.
 */
@ServiceTest
class MeetingPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    KafkaConnectionDetails kafka;

    @Autowired
    CloudEventCodec codec;

    String arenaId;

    @BeforeEach
    void arena() {
        String key = "arena-" + UUID.randomUUID().toString().substring(0, 8);
        HttpApi admin = HttpApi.at(port).as(TestTokens.forRole("ADMIN"));
        arenaId = admin.post("/arenas", """
                {"externalKey": "%s", "name": "Skuleteam Gossen", "level": "INDIVIDUAL", "ageBand": {"from": 6, "to": 16},
                 "mandate": "Drøfte saker om elevar anonymt", "parties": ["PPT", "SCHOOL"], "meetingFrequency": "kvar tredje tysdag",
                 "meetingOwner": {"role": "Rektor"}, "discussionMode": "ANONYMOUS_ONLY"}""".formatted(key)).json().get("id").asString();
        for (String member : List.of("coordinator", "member")) {
            assertThat(admin.post("/arenas/" + arenaId + "/members", """
                    {"userId": "%s", "party": "SCHOOL", "role": "%s"}""".formatted(member, member.toUpperCase())).status()).isEqualTo(201);
        }
    }

    @Test
    void theCoordinatorSetsUpAMeetingAndFindsItInTheCalendar() {
        String calendar = coordinator().get("/moter").body();
        assertThat(calendar).contains("<h1>Møter</h1>", "Sett opp et møte", "value=\"" + arenaId + "\"");

        LocalDate day = LocalDate.now(ZoneId.of("Europe/Oslo")).plusDays(14);
        Page missingTime = coordinator().postForm("/moter", "arenaId", arenaId, "date", day.toString(), "startTime", "", "endTime", "10:00");
        assertThat(missingTime.status()).isEqualTo(200);
        assertThat(missingTime.body()).contains("href=\"#startTime\"", "id=\"startTime-error\"");

        Page created = coordinator().postForm("/moter", "arenaId", arenaId, "date", day.toString(), "startTime", "09:00", "endTime", "10:30",
                "location", "Gossen skule, møterom 1");
        assertThat(created.status()).isEqualTo(302);
        assertThat(created.location()).matches("/moter/[0-9a-f-]+\\?opprettet");
        String path = created.location().replace("?opprettet", "");
        assertThat(coordinator().get(created.location()).body()).contains("Skuleteam Gossen", "Møtet er satt opp", "kl. 09.00",
                "10.30", "Gossen skule, møterom 1", "Publiser sakslisten");
        assertThat(coordinator().get("/moter").body()).contains("href=\"" + path + "\"", "Skuleteam Gossen");
        assertThat(member().inLanguage("nn").get("/moter?arena=" + arenaId).body()).contains("Møta i Skuleteam Gossen", "href=\"" + path + "\"")
                .doesNotContain("Set opp eit møte");
    }

    @Test
    void theAgendaIsPublishedAndTheMinutesAreWrittenWithAnAssignmentAndApproved() {
        String meetingId = meetingJustHeld();
        String referralId = UUID.randomUUID().toString();
        try (TestProducer producer = new TestProducer(String.join(",", kafka.getBootstrapServers()))) {
            producer.send(codec.toRecord(new ReferralScheduled(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, referralId, arenaId, meetingId)));
        }
        String path = "/moter/" + meetingId;
        await().atMost(Duration.ofSeconds(30)).until(() -> coordinator().get(path).body().contains("/saker/" + referralId));

        assertThat(coordinator().postForm(path + "/publiser").location()).isEqualTo(path + "?publisert");
        assertThat(coordinator().get(path).body()).contains("Publisert", "Publiser sakslisten på nytt");

        String editor = coordinator().get(path + "/referat").body();
        assertThat(editor).contains("Referat fra Skuleteam Gossen", "Sak 1", "Annet tema", "name=\"items[0].referralId\" value=\"" + referralId + "\"",
                "PPT (pedagogisk-psykologisk tjeneste)");
        Page identifier = coordinator().postForm(path + "/referat", minutes(referralId, "Eleven, fødd 1. mars 2015, får tett oppfølging."));
        assertThat(identifier.status()).isEqualTo(200);
        assertThat(identifier.body()).contains("href=\"#items-0-outcome\"", "id=\"items-0-outcome-error\"");

        Page moreRows = coordinator().postForm(path + "/referat", with(minutes(referralId, "Skulen held fram med tett oppfølging."),
                "handling", "leggTilTema"));
        assertThat(moreRows.body()).contains("name=\"items[2].topic\"");

        assertThat(coordinator().postForm(path + "/referat", minutes(referralId, "Skulen held fram med tett oppfølging.")).location())
                .isEqualTo(path + "/referat?lagret");
        assertThat(coordinator().get(path).body()).contains("Utkast, ikke godkjent ennå.", "Tiltak avtalt", "Kartleggje lesing",
                "member, PPT (pedagogisk-psykologisk tjeneste)");

        assertThat(coordinator().postForm(path + "/referat/godkjenn").location()).isEqualTo(path + "?godkjent");
        String held = member().inLanguage("nn").get(path).body();
        assertThat(held).contains("Halde", "Godkjent", "Kartleggje lesing", "Frist").doesNotContain("Skriv referat", "Publiser saklista");
    }

    @Test
    void membersReadTheMeetingButDoNotRunItAndOthersAreRefused() {
        String path = "/moter/" + meetingJustHeld();

        assertThat(member().get(path).body()).contains("Skuleteam Gossen").doesNotContain("Publiser sakslisten", "Skriv referat");
        assertThat(member().postForm(path + "/publiser").status()).isEqualTo(403);
        assertThat(member().get(path + "/referat").status()).isEqualTo(403);
        // Not a member: the meeting does not exist for them, as in the API (not even existence is disclosed).
        assertThat(pages(TestTokens.token("another-coordinator", TestTokens.AUKRA, "COORDINATOR")).get(path).status()).isEqualTo(404);
        assertThat(pages(TestTokens.forRole("REFERRER")).get(path).status()).isEqualTo(403);
    }

    @Test
    void theCoordinatorAddsAndRemovesMembersOfTheirArena() {
        assertThat(coordinator().get("/arenaer").body()).contains("Arenaene mine", "Skuleteam Gossen", "Møteansvarlig");
        String arenaPath = "/arenaer/" + arenaId;
        assertThat(coordinator().get(arenaPath).body()).contains("Drøfte saker om elevar anonymt", "Legg til et medlem", "Fjern member");

        Page noUser = coordinator().postForm(arenaPath + "/medlemmer", "userId", "", "party", "PPT", "role", "MEMBER");
        assertThat(noUser.status()).isEqualTo(200);
        assertThat(noUser.body()).contains("id=\"userId-error\"");
        assertThat(coordinator().postForm(arenaPath + "/medlemmer", "userId", "ppt-kontakt", "party", "PPT", "role", "MEMBER").location())
                .isEqualTo(arenaPath + "?lagtTil");
        assertThat(coordinator().get(arenaPath).body()).contains("ppt-kontakt", "PPT (pedagogisk-psykologisk tjeneste)");
        assertThat(coordinator().postForm(arenaPath + "/medlemmer/ppt-kontakt/fjern").location()).isEqualTo(arenaPath + "?fjernet");
        assertThat(coordinator().get(arenaPath).body()).doesNotContain("ppt-kontakt");

        assertThat(member().inLanguage("nn").get(arenaPath).body()).contains("Rolla di: Medlem.").doesNotContain("Legg til eit medlem");
        assertThat(member().postForm(arenaPath + "/medlemmer", "userId", "x", "party", "PPT", "role", "MEMBER").status()).isEqualTo(403);
    }

    /** A meeting of the arena that began an hour ago, so its minutes may be approved. */
    private String meetingJustHeld() {
        Instant start = Instant.now().minus(Duration.ofHours(2));
        return HttpApi.at(port).as(TestTokens.forRole("COORDINATOR")).post("/arenas/" + arenaId + "/meetings", """
                {"startsAt": "%s", "endsAt": "%s", "location": "Gossen skule"}""".formatted(start, start.plus(Duration.ofMinutes(90))))
                .json().get("id").asString();
    }

    private static String[] minutes(String referralId, String outcome) {
        return new String[] {"handling", "lagre",
            "items[0].referralId", referralId, "items[0].outcomeCode", "MEASURES_AGREED", "items[0].outcome", outcome,
            "items[0].assignment.responsibleUserId", "member", "items[0].assignment.responsibleService", "PPT",
            "items[0].assignment.task", "Kartleggje lesing", "items[0].assignment.dueDate", LocalDate.now().plusDays(30).toString(),
            "items[0].assignment.followUpDate", LocalDate.now().plusDays(60).toString(),
            "items[1].referralId", "", "items[1].topic", "", "items[1].outcomeCode", "", "items[1].outcome", "",
            "items[1].assignment.responsibleUserId", "", "items[1].assignment.responsibleService", "", "items[1].assignment.task", "",
            "items[1].assignment.dueDate", "", "items[1].assignment.followUpDate", ""};
    }

    private static String[] with(String[] fields, String name, String value) {
        String[] more = java.util.Arrays.copyOf(fields, fields.length);
        for (int i = 0; i < more.length; i += 2) {
            if (more[i].equals(name)) {
                more[i + 1] = value;
            }
        }
        return more;
    }

    private PageClient coordinator() {
        return pages(TestTokens.forRole("COORDINATOR"));
    }

    private PageClient member() {
        return pages(TestTokens.forRole("MEMBER"));
    }

    private PageClient pages(String token) {
        return PageClient.at(port).as(token);
    }
}
