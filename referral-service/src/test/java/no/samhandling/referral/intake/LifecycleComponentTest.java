package no.samhandling.referral.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.Topics;
import no.samhandling.events.arena.DiscussionMode;
import no.samhandling.events.arena.MeetingCancelled;
import no.samhandling.events.arena.MeetingScheduled;
import no.samhandling.events.arena.MinutesItem;
import no.samhandling.events.arena.MinutesRecorded;
import no.samhandling.events.referral.ReferralDiscussed;
import no.samhandling.events.referral.ReferralEscalated;
import no.samhandling.events.referral.ReferralSubmitted;
import no.samhandling.platform.events.CloudEventCodec;
import no.samhandling.platform.test.HttpApi;
import no.samhandling.platform.test.TestProducer;
import no.samhandling.platform.test.TestTokens;
import no.samhandling.platform.test.TopicProbe;
import no.samhandling.referral.meetings.MeetingDirectory;

/** The referral lifecycle through the real API and topics, with arena-service played by a test producer. */
abstract class LifecycleComponentTest {

    @LocalServerPort
    int port;

    @Autowired
    KafkaConnectionDetails kafka;

    @Autowired
    CloudEventCodec codec;

    HttpApi referrer() {
        return HttpApi.at(port).as(TestTokens.forRole("REFERRER"));
    }

    HttpApi coordinator() {
        return HttpApi.at(port).as(TestTokens.forRole("COORDINATOR"));
    }

    String brokers() {
        return String.join(",", kafka.getBootstrapServers());
    }

    @Autowired
    no.samhandling.referral.arenas.ArenaDirectory directory;

    @Autowired
    no.samhandling.platform.access.ArenaRoster members;

    KnownArenas arenas() {
        return new KnownArenas(brokers(), codec, directory, members);
    }

    String submit(String arenaId) {
        arenas().ensure(arenaId);
        return referrer().post("/referrals", IntakeComponentTest.referral("Høgt fråvær").replace("\"arena-1\"", "\"" + arenaId + "\""))
                .json().get("id").asString();
    }

    @Autowired
    MeetingDirectory meetings;

    /** A meeting of the arena, as arena-service announces it; returns its id once referral-service knows it. */
    String meeting(String arenaId, Instant startsAt) {
        String meetingId = UUID.randomUUID().toString();
        publish(new MeetingScheduled(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, meetingId, arenaId, startsAt,
                startsAt.plus(Duration.ofHours(1)), "Rådhuset", List.of("coordinator"), 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> meetings.find(TestTokens.AUKRA, meetingId).isPresent());
        return meetingId;
    }

    String comingMeeting(String arenaId) {
        return meeting(arenaId, Instant.now().plus(Duration.ofDays(14)));
    }

    void publish(DomainEvent event) {
        try (TestProducer producer = new TestProducer(brokers())) {
            producer.send(codec.toRecord(event));
        }
    }

    @Test
    void goesFromSubmittedThroughTheMeetingToClosed() {
        String id = submit("arena-1");
        String meetingId = comingMeeting("arena-1");

        assertThat(coordinator().post("/referrals/" + id + "/accept", "").json().get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(coordinator().post("/referrals/" + id + "/schedule", "{\"meetingId\": \"" + meetingId + "\"}")
                .json().get("status").asString()).isEqualTo("SCHEDULED");
        MinutesRecorded minutes = minutesFor(meetingId, id, LocalDate.of(2027, 2, 2));
        try (TestProducer producer = new TestProducer(brokers())) {
            producer.send(codec.toRecord(minutes));
            producer.send(codec.toRecord(minutes));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> status(id).equals("FOLLOW_UP"));
        assertThat(coordinator().post("/referrals/" + id + "/close", "{\"reasonCode\": \"RESOLVED\"}").json().get("status").asString())
                .isEqualTo("CLOSED");

        assertThat(eventsOf(id, 5)).extracting(e -> e.getClass().getSimpleName()).containsExactly(
                "ReferralSubmitted", "ReferralAccepted", "ReferralScheduled", "ReferralDiscussed", "ReferralClosed");
        ReferralDiscussed discussed = (ReferralDiscussed) eventsOf(id, 5).get(3);
        assertThat(discussed.meetingId()).isEqualTo(meetingId);
        assertThat(discussed.followUpDate()).isEqualTo(LocalDate.of(2027, 2, 2));
    }

    @Test
    void schedulesOnlyToAComingMeetingOfTheReferralsOwnArena() {
        String id = submit("arena-1");
        coordinator().post("/referrals/" + id + "/accept", "");
        arenas().ensure("arena-next-door");
        String cancelled = comingMeeting("arena-1");
        publish(new MeetingCancelled(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, cancelled, "arena-1",
                Instant.now().plus(Duration.ofDays(14)), "OTHER", false, List.of("coordinator"), 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> meetings.find(TestTokens.AUKRA, cancelled).orElseThrow().status()
                == MeetingDirectory.Status.CANCELLED);

        for (String meetingId : List.of(UUID.randomUUID().toString(), comingMeeting("arena-next-door"),
                meeting("arena-1", Instant.now().minus(Duration.ofHours(2))), cancelled)) {
            HttpApi.Response refused = coordinator().post("/referrals/" + id + "/schedule", "{\"meetingId\": \"" + meetingId + "\"}");
            assertThat(refused.status()).as(meetingId).isEqualTo(400);
            assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("meetingId");
        }
        assertThat(status(id)).isEqualTo("ACCEPTED");
        assertThat(coordinator().post("/referrals/" + id + "/schedule", "{\"meetingId\": \"" + comingMeeting("arena-1") + "\"}")
                .json().get("status").asString()).isEqualTo("SCHEDULED");
    }

    @Test
    void refusesAnImpossibleStepNamingTheCurrentStatus() {
        String id = submit("arena-1");

        HttpApi.Response response = coordinator().post("/referrals/" + id + "/close", "{\"reasonCode\": \"RESOLVED\"}");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:samhandling:problem:invalid-transition");
        assertThat(response.json().get("status").asInt()).isEqualTo(409);
        assertThat(response.json().get("currentStatus").asString()).isEqualTo("SUBMITTED");
        assertThat(response.json().get("detail").asString()).contains("SUBMITTED");
    }

    @Test
    void returnsAReferralWhoseMeasuresWereNotTriedAndItStaysReturned() {
        String id = submit("arena-1");

        HttpApi.Response returned = coordinator().post("/referrals/" + id + "/return", """
                {"reasonCode": "MEASURES_NOT_TRIED", "reasonText": "Prøv tiltak i lokalt team først."}""");

        assertThat(returned.json().get("status").asString()).isEqualTo("RETURNED");
        assertThat(returned.json().get("reasonCode").asString()).isEqualTo("MEASURES_NOT_TRIED");
        assertThat(coordinator().post("/referrals/" + id + "/accept", "").status()).isEqualTo(409);
    }

    @Test
    void refusesAReturnReasonThatHoldsAnIdentifierAndTheReferralStaysSubmitted() {
        String id = submit("arena-1");

        HttpApi.Response refused = coordinator().post("/referrals/" + id + "/return", """
                {"reasonCode": "INCOMPLETE", "reasonText": "Gjeld jenta fødd 1. mars, ikkje same barn"}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("reasonText");
        assertThat(refused.body()).doesNotContain("1. mars");
        assertThat(coordinator().get("/referrals/" + id).json().get("status").asString()).isEqualTo("SUBMITTED");
    }

    @Test
    void escalatesToTheArenaAboveAsANewLinkedReferral() {
        String localTeam = UUID.randomUUID().toString();
        String discussionTeam = UUID.randomUUID().toString();
        arenas().register(localTeam, DiscussionMode.ANONYMOUS_ONLY, List.of("ANY_STAFF"), discussionTeam);
        String id = submit(localTeam);
        coordinator().post("/referrals/" + id + "/accept", "");

        HttpApi.Response escalated = await().atMost(Duration.ofSeconds(30))
                .until(() -> coordinator().post("/referrals/" + id + "/escalate", ""), response -> response.status() == 201);

        assertThat(escalated.json().get("arenaId").asString()).isEqualTo(discussionTeam);
        assertThat(escalated.json().get("escalatedFrom").asString()).isEqualTo(id);
        assertThat(escalated.json().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(coordinator().get("/referrals/" + id).json().get("status").asString()).isEqualTo("ESCALATED");
        ReferralEscalated event = (ReferralEscalated) eventsOf(id, 3).get(2);
        assertThat(event.targetArenaId()).isEqualTo(discussionTeam);
        assertThat(event.newReferralId()).isEqualTo(escalated.json().get("id").asString());
        // The same concern in the arena above: reports count it once, as an escalation, not as a new case.
        ReferralSubmitted continued = (ReferralSubmitted) eventsOf(event.newReferralId(), 1).get(0);
        assertThat(continued.escalatedFrom()).isEqualTo(id);
        assertThat(((ReferralSubmitted) eventsOf(id, 1).get(0)).escalatedFrom()).isNull();
    }

    @Test
    void anArenaWithNothingAboveItCannotEscalate() {
        String id = submit("arena-without-target");
        coordinator().post("/referrals/" + id + "/accept", "");

        HttpApi.Response response = coordinator().post("/referrals/" + id + "/escalate", "");

        assertThat(response.status()).isEqualTo(409);
    }

    @Test
    void onlyTheReferrerWithdrawsTheirReferral() {
        String id = submit("arena-1");

        assertThat(HttpApi.at(port).as(TestTokens.token("someone-else", TestTokens.AUKRA, "REFERRER"))
                .post("/referrals/" + id + "/withdraw", "").status()).isEqualTo(404);
        assertThat(coordinator().post("/referrals/" + id + "/withdraw", "").status()).isEqualTo(403);
        assertThat(referrer().post("/referrals/" + id + "/withdraw", "").json().get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(referrer().post("/referrals/" + id + "/withdraw", "").status()).isEqualTo(409);
    }

    @Test
    void referrersDoNotRunTheCoordinatorsSteps() {
        String id = submit("arena-1");

        assertThat(referrer().post("/referrals/" + id + "/accept", "").status()).isEqualTo(403);
    }

    @Test
    void onlyTheArenasOwnCoordinatorAndMembersSeeTheCase() {
        String id = submit("arena-1");
        HttpApi outsider = HttpApi.at(port).as(TestTokens.token("coordinator-elsewhere", TestTokens.AUKRA, "COORDINATOR"));
        HttpApi member = HttpApi.at(port).as(TestTokens.forRole("MEMBER"));

        assertThat(outsider.get("/referrals/" + id).status()).isEqualTo(404);
        assertThat(outsider.post("/referrals/" + id + "/accept", "").status()).isEqualTo(404);
        assertThat(member.get("/referrals/" + id).status()).isEqualTo(200);
        assertThat(member.post("/referrals/" + id + "/accept", "").status()).isEqualTo(403);
        assertThat(referrer().get("/referrals/" + id).status()).isEqualTo(200);
    }

    @Test
    void aCoordinatorWhoLeavesTheArenaLosesTheCase() {
        String id = submit("arena-left-behind");
        arenas().enrol("arena-left-behind", "coordinator-leaving", no.samhandling.events.arena.MemberRole.COORDINATOR);
        HttpApi leaving = HttpApi.at(port).as(TestTokens.token("coordinator-leaving", TestTokens.AUKRA, "COORDINATOR"));
        assertThat(leaving.get("/referrals/" + id).status()).isEqualTo(200);

        arenas().leave("arena-left-behind", "coordinator-leaving");

        assertThat(leaving.get("/referrals/" + id).status()).isEqualTo(404);
    }

    @Test
    void listsAnArenasCasesToItsMembersAndTheReferrersOwnToTheReferrer() {
        String id = submit("arena-listed");

        assertThat(coordinator().get("/referrals?arenaId=arena-listed&status=SUBMITTED").json().findValuesAsString("id")).contains(id);
        assertThat(coordinator().get("/referrals?arenaId=arena-listed&status=CLOSED").json().findValuesAsString("id")).doesNotContain(id);
        assertThat(referrer().get("/referrals").json().findValuesAsString("id")).contains(id);
        assertThat(HttpApi.at(port).as(TestTokens.token("coordinator-elsewhere", TestTokens.AUKRA, "COORDINATOR"))
                .get("/referrals?arenaId=arena-listed").status()).isEqualTo(403);
        assertThat(HttpApi.at(port).as(TestTokens.token("another-referrer", TestTokens.AUKRA, "REFERRER"))
                .get("/referrals").json().findValuesAsString("id")).doesNotContain(id);
        assertThat(coordinator().get("/referrals?arenaId=arena-listed&status=SOMETHING").status()).isEqualTo(400);
    }

    private String status(String id) {
        return coordinator().get("/referrals/" + id).json().get("status").asString();
    }

    private static MinutesRecorded minutesFor(String meetingId, String referralId, LocalDate followUp) {
        return new MinutesRecorded(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, meetingId, "arena-1",
                List.of(new MinutesItem(referralId, "MEASURES_AGREED", true, null, "SCHOOL", LocalDate.of(2027, 1, 15), followUp)), 0);
    }

    private List<DomainEvent> eventsOf(String referralId, int count) {
        try (TopicProbe probe = new TopicProbe(brokers(), Topics.REFERRAL_EVENTS)) {
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    probe.drain(Duration.ofMillis(300)).stream().filter(r -> referralId.equals(r.key())).count() >= count);
            return probe.drain(Duration.ZERO).stream().filter(r -> referralId.equals(r.key()))
                    .map(r -> CloudEventCodec.decode(r.headers(), r.value())).toList();
        }
    }
}
