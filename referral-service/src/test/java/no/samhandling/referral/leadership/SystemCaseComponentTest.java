package no.samhandling.referral.leadership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.Topics;
import no.samhandling.events.arena.ArenaLevel;
import no.samhandling.events.arena.ArenaRegistered;
import no.samhandling.events.arena.DiscussionMode;
import no.samhandling.events.leadership.LeadershipItemClosed;
import no.samhandling.events.leadership.LeadershipItemFollowedUp;
import no.samhandling.events.leadership.LeadershipItemKind;
import no.samhandling.events.leadership.LeadershipItemRegistered;
import no.samhandling.platform.events.CloudEventCodec;
import no.samhandling.platform.test.HttpApi;
import no.samhandling.platform.test.TestProducer;
import no.samhandling.platform.test.TestTokens;
import no.samhandling.platform.test.TopicProbe;
import no.samhandling.referral.arenas.ArenaDirectory;

/** System-level cases through the real API and leadership.events; run on embedded infrastructure and on containers. */
abstract class SystemCaseComponentTest {

    @LocalServerPort
    int port;

    @Autowired
    KafkaConnectionDetails kafka;

    @Autowired
    CloudEventCodec codec;

    @Autowired
    ArenaDirectory directory;

    HttpApi as(String role) {
        return HttpApi.at(port).as(TestTokens.forRole(role));
    }

    HttpApi leader() {
        return as("LEADER");
    }

    HttpApi coordinator() {
        return as("COORDINATOR");
    }

    static String systemCase(String arenaId, String description) {
        return """
                {"category": "ARENA_GAP", %s "title": "Ingen arena for 16–18",
                 "description": "%s"}""".formatted(arenaId == null ? "" : "\"arenaId\": \"" + arenaId + "\",", description);
    }

    String register(HttpApi who) {
        HttpApi.Response created = who.post("/system-cases", systemCase(null, "Ungdom som har gått ut av ungdomsskulen har ingen arena."));
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    @Test
    void goesFromRegisteredThroughFollowUpsToClosedAndPublishesEveryStepWithoutTheText() {
        String arenaId = knownArena();
        HttpApi.Response created = coordinator().post("/system-cases",
                systemCase(arenaId, "Ungdom som har gått ut av ungdomsskulen har ingen arena."));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("status").asString()).isEqualTo("REGISTERED");
        String id = created.json().get("id").asString();

        assertThat(leader().post("/system-cases/" + id + "/follow-ups", "{\"note\": \"Drøfta i Samhandlingsteamet.\"}")
                .json().get("status").asString()).isEqualTo("FOLLOWED_UP");
        HttpApi.Response followedUp = leader().post("/system-cases/" + id + "/follow-ups", "{\"note\": \"Kommunalsjefen greier ut eit ungdomsteam.\"}");
        assertThat(followedUp.json().get("followUps").findValuesAsString("byUserId")).containsExactly("leader", "leader");
        HttpApi.Response closed = leader().post("/system-cases/" + id + "/close",
                "{\"actionCode\": \"ARENA_ESTABLISHED\", \"actionTaken\": \"Ungdomsteam 16–18 frå januar.\"}");

        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.json().get("actionTaken").asString()).isEqualTo("Ungdomsteam 16–18 frå januar.");
        assertThat(closed.json().get("closedBy").asString()).isEqualTo("leader");
        List<ConsumerRecord<String, byte[]>> records = recordsOf(id, 4);
        List<DomainEvent> events = records.stream().map(r -> CloudEventCodec.decode(r.headers(), r.value())).toList();
        assertThat(events).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("LeadershipItemRegistered", "LeadershipItemFollowedUp", "LeadershipItemFollowedUp", "LeadershipItemClosed");
        assertThat(((LeadershipItemRegistered) events.get(0)).kind()).isEqualTo(LeadershipItemKind.SYSTEM_CASE);
        assertThat(((LeadershipItemRegistered) events.get(0)).arenaId()).isEqualTo(arenaId);
        assertThat(((LeadershipItemFollowedUp) events.get(2)).followUpNumber()).isEqualTo(2);
        assertThat(((LeadershipItemClosed) events.get(3)).actionCode()).isEqualTo("ARENA_ESTABLISHED");
        assertThat(events).allSatisfy(event -> assertThat(event.municipality()).isEqualTo(TestTokens.AUKRA));
        // Titles, descriptions, notes and the account of the action stay in referral-service.
        assertThat(records).allSatisfy(record -> assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .doesNotContain("ungdomsskulen").doesNotContain("16–18").doesNotContain("Drøfta").doesNotContain("greier"));
    }

    @Test
    void refusesAnImpossibleStepNamingTheCurrentStatus() {
        String id = register(coordinator());

        HttpApi.Response closeUnfollowed = leader().post("/system-cases/" + id + "/close",
                "{\"actionCode\": \"NO_ACTION_NEEDED\", \"actionTaken\": \"Ingenting å gjere.\"}");

        assertThat(closeUnfollowed.status()).isEqualTo(409);
        assertThat(closeUnfollowed.json().get("type").asString()).isEqualTo("urn:samhandling:problem:invalid-transition");
        assertThat(closeUnfollowed.json().get("currentStatus").asString()).isEqualTo("REGISTERED");
        leader().post("/system-cases/" + id + "/follow-ups", "{\"note\": \"Sjekka.\"}");
        leader().post("/system-cases/" + id + "/close", "{\"actionCode\": \"NO_ACTION_NEEDED\", \"actionTaken\": \"Ingenting å gjere.\"}");
        HttpApi.Response afterClosing = leader().post("/system-cases/" + id + "/follow-ups", "{\"note\": \"Ein til.\"}");
        assertThat(afterClosing.status()).isEqualTo(409);
        assertThat(afterClosing.json().get("currentStatus").asString()).isEqualTo("CLOSED");
    }

    @Test
    void leadersAndCoordinatorsRegisterAndOnlyLeadersFollowUpAndClose() {
        for (String role : List.of("REFERRER", "MEMBER", "GUARDIAN", "ADMIN")) {
            assertThat(as(role).post("/system-cases", systemCase(null, "x")).status()).as(role).isEqualTo(403);
            assertThat(as(role).get("/system-cases").status()).as(role).isEqualTo(403);
        }
        String id = register(leader());

        assertThat(coordinator().post("/system-cases/" + id + "/follow-ups", "{\"note\": \"x\"}").status()).isEqualTo(403);
        assertThat(coordinator().post("/system-cases/" + id + "/close", "{\"actionCode\": \"NO_ACTION_NEEDED\", \"actionTaken\": \"x\"}").status())
                .isEqualTo(403);
    }

    @Test
    void aCoordinatorSeesTheCasesTheyRegisteredAndNoOthers() {
        String mine = register(coordinator());
        String leaders = register(leader());
        HttpApi otherCoordinator = HttpApi.at(port).as(TestTokens.token("other-coordinator", TestTokens.AUKRA, "COORDINATOR"));

        assertThat(coordinator().get("/system-cases/" + mine).status()).isEqualTo(200);
        assertThat(coordinator().get("/system-cases/" + leaders).status()).isEqualTo(404);
        assertThat(otherCoordinator.get("/system-cases/" + mine).status()).isEqualTo(404);
        assertThat(coordinator().get("/system-cases").json().findValuesAsString("id")).contains(mine).doesNotContain(leaders);
        assertThat(otherCoordinator.get("/system-cases").json().findValuesAsString("id")).doesNotContain(mine, leaders);
        assertThat(leader().get("/system-cases").json().findValuesAsString("id")).contains(mine, leaders);
    }

    @Test
    void leadersListByStatus() {
        String open = register(coordinator());
        String closed = register(coordinator());
        leader().post("/system-cases/" + closed + "/follow-ups", "{\"note\": \"Sjekka.\"}");
        leader().post("/system-cases/" + closed + "/close", "{\"actionCode\": \"ROUTINE_CHANGED\", \"actionTaken\": \"Rutine for overgang endra.\"}");

        assertThat(leader().get("/system-cases?status=CLOSED").json().findValuesAsString("id")).contains(closed).doesNotContain(open);
        assertThat(leader().get("/system-cases?status=REGISTERED").json().findValuesAsString("id")).contains(open).doesNotContain(closed);
        HttpApi.Response badStatus = leader().get("/system-cases?status=FINISHED");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.json().get("errors").findValuesAsString("field")).containsExactly("status");
    }

    @Test
    void anotherMunicipalityNeitherSeesNorHandlesTheCase() {
        String id = register(coordinator());
        HttpApi melhusLeader = HttpApi.at(port).as(TestTokens.token("melhus-leader", TestTokens.MELHUS, "LEADER"));

        assertThat(melhusLeader.get("/system-cases/" + id).status()).isEqualTo(404);
        assertThat(melhusLeader.post("/system-cases/" + id + "/follow-ups", "{\"note\": \"x\"}").status()).isEqualTo(404);
        assertThat(melhusLeader.post("/system-cases/" + id + "/close", "{\"actionCode\": \"NO_ACTION_NEEDED\", \"actionTaken\": \"x\"}").status())
                .isEqualTo(404);
        assertThat(melhusLeader.get("/system-cases").json().findValuesAsString("id")).doesNotContain(id);
        assertThat(leader().get("/system-cases/" + id).json().get("status").asString()).isEqualTo("REGISTERED");
    }

    @Test
    void refusesTextThatIdentifiesAChildWithoutEchoingIt() {
        HttpApi.Response description = coordinator().post("/system-cases", systemCase(null, "Gjeld eleven 01020312345"));
        String id = register(coordinator());
        HttpApi.Response note = leader().post("/system-cases/" + id + "/follow-ups", "{\"note\": \"Barnet fødd 1.2.2015 ventar\"}");

        assertThat(description.status()).isEqualTo(400);
        assertThat(description.json().get("errors").findValuesAsString("field")).containsExactly("description");
        assertThat(description.body()).doesNotContain("01020312345");
        assertThat(note.status()).isEqualTo(400);
        assertThat(note.json().get("errors").findValuesAsString("field")).containsExactly("note");
        assertThat(leader().get("/system-cases/" + id).json().get("followUps").size()).isZero();
    }

    @Test
    void namesTheBadFieldsInNynorsk() {
        HttpApi.Response missing = coordinator().inLanguage("nn").post("/system-cases", "{\"category\": \"ARENA_GAP\", \"title\": \" \"}");
        HttpApi.Response unknownCategory = coordinator().post("/system-cases", "{\"category\": \"WEATHER\", \"title\": \"x\", \"description\": \"x\"}");
        HttpApi.Response identifier = coordinator().inLanguage("nn").post("/system-cases", systemCase(null, "Gjeld 010203 12345"));

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("title").asString()).isEqualTo("Ugyldig førespurnad");
        assertThat(missing.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("title", "description");
        assertThat(missing.json().get("errors").findValuesAsString("message")).contains("må fyllast ut");
        assertThat(unknownCategory.status()).isEqualTo(400);
        assertThat(unknownCategory.json().get("errors").findValuesAsString("field")).containsExactly("category");
        assertThat(identifier.json().get("errors").findValuesAsString("field")).containsExactly("description");
        assertThat(identifier.json().get("errors").get(0).get("message").asString()).contains("innehalde eit fødselsnummer");
    }

    @Test
    void refusesAnIdentifierInTheTitleAndInTheActionTaken() {
        HttpApi.Response title = coordinator().post("/system-cases", systemCase(null, "Ventetid")
                .replace("Ingen arena for 16–18", "Ventetid PPT for 010203\u00a012345"));
        String id = register(coordinator());
        leader().post("/system-cases/" + id + "/follow-ups", "{\"note\": \"Drøfta.\"}");
        HttpApi.Response actionTaken = leader().post("/system-cases/" + id + "/close",
                "{\"actionCode\": \"ROUTINE_CHANGED\", \"actionTaken\": \"Rutine endra for barnet fødd 2015-03-01\"}");

        assertThat(title.json().get("errors").findValuesAsString("field")).containsExactly("title");
        assertThat(actionTaken.json().get("errors").findValuesAsString("field")).containsExactly("actionTaken");
        assertThat(leader().get("/system-cases/" + id).json().get("status").asString()).isEqualTo("FOLLOWED_UP");
    }

    @Test
    void closingNeedsAnActionCodeFromTheListAndTheActionTaken() {
        String id = register(coordinator());
        leader().post("/system-cases/" + id + "/follow-ups", "{\"note\": \"Sjekka.\"}");

        HttpApi.Response withoutText = leader().post("/system-cases/" + id + "/close", "{\"actionCode\": \"ROUTINE_CHANGED\"}");
        HttpApi.Response freeTextCode = leader().post("/system-cases/" + id + "/close", "{\"actionCode\": \"Vi ordna det\", \"actionTaken\": \"x\"}");

        assertThat(withoutText.status()).isEqualTo(400);
        assertThat(withoutText.json().get("errors").findValuesAsString("field")).containsExactly("actionTaken");
        assertThat(freeTextCode.status()).isEqualTo(400);
        assertThat(freeTextCode.json().get("errors").findValuesAsString("field")).containsExactly("actionCode");
        assertThat(leader().get("/system-cases/" + id).json().get("status").asString()).isEqualTo("FOLLOWED_UP");
    }

    @Test
    void refusesAnArenaTheMunicipalityDoesNotHave() {
        HttpApi.Response response = coordinator().post("/system-cases", systemCase("no-such-arena", "x"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("arenaId");
    }

    @Test
    void servesTheCodeListsWithLabelsInTheCallersLanguage() {
        HttpApi.Response nynorsk = coordinator().inLanguage("nn").get("/system-cases/codes");
        HttpApi.Response bokmal = coordinator().get("/system-cases/codes");

        assertThat(nynorsk.json().get("categories").findValuesAsString("code")).containsExactly(
                "ARENA_GAP", "CAPACITY", "ROUTINE", "COOPERATION", "COMPETENCE", "DIGITAL_TOOLS", "OTHER");
        assertThat(nynorsk.json().get("categories").get(0).get("label").asString()).isEqualTo("Manglar arena for eit behov");
        assertThat(bokmal.json().get("categories").get(0).get("label").asString()).isEqualTo("Mangler arena for et behov");
        assertThat(bokmal.json().get("actions").findValuesAsString("label")).doesNotContain("ARENA_ESTABLISHED").hasSize(7);
    }

    private String knownArena() {
        String arenaId = UUID.randomUUID().toString();
        try (TestProducer producer = new TestProducer(String.join(",", kafka.getBootstrapServers()))) {
            producer.send(codec.toRecord(new ArenaRegistered(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, arenaId, "Lokalt team",
                    ArenaLevel.INDIVIDUAL, 6, 13, List.of("SCHOOL"), DiscussionMode.ANONYMOUS_ONLY, null, false, null, List.of("ANY_STAFF"), false)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.find(TestTokens.AUKRA, arenaId).isPresent());
        return arenaId;
    }

    private List<ConsumerRecord<String, byte[]>> recordsOf(String id, int count) {
        try (TopicProbe probe = new TopicProbe(String.join(",", kafka.getBootstrapServers()), Topics.LEADERSHIP_EVENTS)) {
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    probe.drain(Duration.ofMillis(300)).stream().filter(r -> id.equals(r.key())).count() >= count);
            return probe.drain(Duration.ZERO).stream().filter(r -> id.equals(r.key())).toList();
        }
    }
}
