package no.samhandling.referral.leadership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.Topics;
import no.samhandling.events.leadership.LeadershipItemClosed;
import no.samhandling.events.leadership.LeadershipItemFollowedUp;
import no.samhandling.events.leadership.LeadershipItemKind;
import no.samhandling.events.leadership.LeadershipItemRecategorised;
import no.samhandling.events.leadership.LeadershipItemRegistered;
import no.samhandling.platform.events.CloudEventCodec;
import no.samhandling.platform.test.HttpApi;
import no.samhandling.platform.test.TestTokens;
import no.samhandling.platform.test.TopicProbe;

/** Deviation reports through the real API and leadership.events; run on embedded infrastructure and on containers. */
abstract class DeviationComponentTest {

    @LocalServerPort
    int port;

    @Autowired
    KafkaConnectionDetails kafka;

    HttpApi as(String role) {
        return HttpApi.at(port).as(TestTokens.forRole(role));
    }

    HttpApi leader() {
        return as("LEADER");
    }

    static String deviation(String whatHappened, LocalDate occurredOn) {
        return """
                {"category": "MEETING_WITHOUT_MINUTES", "unitType": "SCHOOL", "whatHappened": "%s", "occurredOn": "%s"}"""
                .formatted(whatHappened, occurredOn);
    }

    static LocalDate yesterday() {
        return LocalDate.now(ZoneId.of("Europe/Oslo")).minusDays(1);
    }

    String report(HttpApi who) {
        HttpApi.Response created = who.post("/deviations", deviation("Møtet i lokalt team vart halde utan referat.", yesterday()));
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    @Test
    void isReportedRecategorisedFollowedUpAndClosedAndPublishesEveryStepWithoutTheText() {
        HttpApi.Response created = as("MEMBER").post("/deviations", deviation("Møtet i lokalt team vart halde utan referat.", yesterday()));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.json().get("status").asString()).isEqualTo("REPORTED");

        assertThat(leader().post("/deviations/" + id + "/recategorise", "{\"category\": \"RESPONSIBILITY_NOT_ASSIGNED\"}")
                .json().get("category").asString()).isEqualTo("RESPONSIBILITY_NOT_ASSIGNED");
        assertThat(leader().post("/deviations/" + id + "/follow-ups", "{\"note\": \"Tatt opp med rektor.\"}")
                .json().get("status").asString()).isEqualTo("FOLLOWED_UP");
        HttpApi.Response closed = leader().post("/deviations/" + id + "/close",
                "{\"actionCode\": \"ROUTINE_CLARIFIED\", \"actionTaken\": \"Referatrutinen er gjort kjend for alle møteleiarar.\"}");

        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.json().get("followUps").findValuesAsString("byUserId")).containsExactly("leader");
        List<ConsumerRecord<String, byte[]>> records = recordsOf(Topics.LEADERSHIP_EVENTS, id, 4);
        List<DomainEvent> events = records.stream().map(r -> CloudEventCodec.decode(r.headers(), r.value())).toList();
        assertThat(events).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("LeadershipItemRegistered", "LeadershipItemRecategorised", "LeadershipItemFollowedUp", "LeadershipItemClosed");
        assertThat(((LeadershipItemRegistered) events.get(0)).kind()).isEqualTo(LeadershipItemKind.DEVIATION);
        assertThat(((LeadershipItemRegistered) events.get(0)).categoryCode()).isEqualTo("MEETING_WITHOUT_MINUTES");
        assertThat(((LeadershipItemRecategorised) events.get(1)).previousCategoryCode()).isEqualTo("MEETING_WITHOUT_MINUTES");
        assertThat(((LeadershipItemFollowedUp) events.get(2)).categoryCode()).isEqualTo("RESPONSIBILITY_NOT_ASSIGNED");
        assertThat(((LeadershipItemClosed) events.get(3)).actionCode()).isEqualTo("ROUTINE_CLARIFIED");
        assertThat(((LeadershipItemClosed) events.get(3)).unitType()).isEqualTo("SCHOOL");
        assertThat(records).allSatisfy(record -> assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .doesNotContain("referat").doesNotContain("rektor").doesNotContain("møteleiarar"));
    }

    @Test
    void aNewDeviationLandsOnLeadershipEventsAndNotOnReferralEvents() {
        String id = report(as("MEMBER"));
        leader().post("/deviations/" + id + "/follow-ups", "{\"note\": \"Tatt opp med rektor.\"}");

        // One aggregate's events leave its outbox in order, so once both are on leadership.events nothing of it is still to come.
        assertThat(recordsOf(Topics.LEADERSHIP_EVENTS, id, 2)).extracting(record -> record.topic()).containsOnly(Topics.LEADERSHIP_EVENTS);
        try (TopicProbe referralEvents = new TopicProbe(String.join(",", kafka.getBootstrapServers()), Topics.REFERRAL_EVENTS)) {
            assertThat(referralEvents.drain(Duration.ofSeconds(2))).noneMatch(record -> id.equals(record.key()));
        }
    }

    @Test
    void anyStaffMemberReportsButGuardiansAndAdministratorsDoNot() {
        for (String role : List.of("REFERRER", "COORDINATOR", "MEMBER", "LEADER")) {
            assertThat(as(role).post("/deviations", deviation("Innmeldinga vart ikkje svart på.", yesterday())).status()).as(role).isEqualTo(201);
        }
        assertThat(as("GUARDIAN").post("/deviations", deviation("x", yesterday())).status()).isEqualTo(403);
        assertThat(as("ADMIN").post("/deviations", deviation("x", yesterday())).status()).isEqualTo(403);
    }

    @Test
    void onlyLeadersListAndHandleAndAReporterReadsOnlyTheirOwn() {
        String id = report(as("REFERRER"));
        HttpApi otherReferrer = HttpApi.at(port).as(TestTokens.token("other-referrer", TestTokens.AUKRA, "REFERRER"));

        assertThat(as("REFERRER").get("/deviations/" + id).json().get("id").asString()).isEqualTo(id);
        assertThat(otherReferrer.get("/deviations/" + id).status()).isEqualTo(404);
        for (String role : List.of("REFERRER", "COORDINATOR", "MEMBER")) {
            assertThat(as(role).get("/deviations").status()).as(role).isEqualTo(403);
            assertThat(as(role).post("/deviations/" + id + "/follow-ups", "{\"note\": \"x\"}").status()).as(role).isEqualTo(403);
            assertThat(as(role).post("/deviations/" + id + "/recategorise", "{\"category\": \"OTHER\"}").status()).as(role).isEqualTo(403);
            assertThat(as(role).post("/deviations/" + id + "/close", "{\"actionCode\": \"NO_ACTION_NEEDED\", \"actionTaken\": \"x\"}").status())
                    .as(role).isEqualTo(403);
        }
        assertThat(leader().get("/deviations").json().findValuesAsString("id")).contains(id);
        assertThat(leader().get("/deviations?category=MEETING_WITHOUT_MINUTES&status=REPORTED").json().findValuesAsString("id")).contains(id);
        assertThat(leader().get("/deviations?category=SHARED_WITHOUT_CONSENT").json().findValuesAsString("id")).doesNotContain(id);
    }

    @Test
    void anotherMunicipalityNeitherSeesNorHandlesTheReport() {
        String id = report(as("MEMBER"));
        HttpApi melhusLeader = HttpApi.at(port).as(TestTokens.token("melhus-leader", TestTokens.MELHUS, "LEADER"));

        assertThat(melhusLeader.get("/deviations/" + id).status()).isEqualTo(404);
        assertThat(melhusLeader.post("/deviations/" + id + "/follow-ups", "{\"note\": \"x\"}").status()).isEqualTo(404);
        assertThat(melhusLeader.post("/deviations/" + id + "/recategorise", "{\"category\": \"OTHER\"}").status()).isEqualTo(404);
        assertThat(melhusLeader.get("/deviations").json().findValuesAsString("id")).doesNotContain(id);
        assertThat(leader().get("/deviations/" + id).json().get("status").asString()).isEqualTo("REPORTED");
    }

    @Test
    void refusesAnImpossibleStepNamingTheCurrentStatus() {
        String id = report(as("MEMBER"));

        HttpApi.Response response = leader().post("/deviations/" + id + "/close",
                "{\"actionCode\": \"NO_ACTION_NEEDED\", \"actionTaken\": \"Ikkje eit avvik.\"}");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:samhandling:problem:invalid-transition");
        assertThat(response.json().get("currentStatus").asString()).isEqualTo("REPORTED");
        assertThat(response.json().get("detail").asString()).contains("REPORTED");
    }

    @Test
    void refusesTextThatIdentifiesAChildWithoutEchoingIt() {
        HttpApi.Response response = as("MEMBER").post("/deviations", deviation("Gjeld 01020312345, ingen svar", yesterday()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("whatHappened");
        assertThat(response.body()).doesNotContain("01020312345");
    }

    @Test
    void refusesAnIdentifierInAFollowUpNoteAndInTheActionTaken() {
        String id = report(as("MEMBER"));

        HttpApi.Response note = leader().post("/deviations/" + id + "/follow-ups", "{\"note\": \"Gjeld 010203.12345\"}");
        leader().post("/deviations/" + id + "/follow-ups", "{\"note\": \"Tatt opp med rektor.\"}");
        HttpApi.Response actionTaken = leader().post("/deviations/" + id + "/close",
                "{\"actionCode\": \"ROUTINE_CHANGED\", \"actionTaken\": \"Referat skrive 1. Des. 2026 for eleven\"}");

        assertThat(note.json().get("errors").findValuesAsString("field")).containsExactly("note");
        assertThat(actionTaken.json().get("errors").findValuesAsString("field")).containsExactly("actionTaken");
        assertThat(note.body()).doesNotContain("12345");
        assertThat(leader().get("/deviations/" + id).json().get("followUps").size()).isEqualTo(1);
    }

    @Test
    void namesTheBadFieldsInNynorsk() {
        HttpApi nynorsk = as("MEMBER").inLanguage("nn");

        HttpApi.Response future = nynorsk.post("/deviations", deviation("x", yesterday().plusDays(3)));
        HttpApi.Response missing = nynorsk.post("/deviations", "{\"unitType\": \"school\"}");

        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("errors").findValuesAsString("field")).containsExactly("occurredOn");
        assertThat(future.json().get("errors").get(0).get("message").asString()).isEqualTo("kan ikkje vere seinare enn i dag");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("category", "unitType", "whatHappened", "occurredOn");
        assertThat(missing.json().get("detail").asString()).startsWith("Desse felta er ugyldige");
    }

    @Test
    void servesTheCodeListsWithLabelsInTheCallersLanguage() {
        HttpApi.Response nynorsk = as("REFERRER").inLanguage("nn").get("/deviations/codes");

        assertThat(nynorsk.json().get("categories").findValuesAsString("code")).contains("REFERRAL_NOT_ANSWERED", "SHARED_WITHOUT_CONSENT");
        assertThat(nynorsk.json().get("categories").get(0).get("label").asString()).isEqualTo("Innmelding ikkje svart på i tide");
        assertThat(nynorsk.json().get("actions").findValuesAsString("code")).contains("ROUTINE_CLARIFIED", "NO_ACTION_NEEDED");
    }

    private List<ConsumerRecord<String, byte[]>> recordsOf(String topic, String id, int count) {
        try (TopicProbe probe = new TopicProbe(String.join(",", kafka.getBootstrapServers()), topic)) {
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    probe.drain(Duration.ofMillis(300)).stream().filter(r -> id.equals(r.key())).count() >= count);
            return probe.drain(Duration.ZERO).stream().filter(r -> id.equals(r.key())).toList();
        }
    }
}
