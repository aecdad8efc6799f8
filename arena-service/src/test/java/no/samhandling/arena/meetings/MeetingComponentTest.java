package no.samhandling.arena.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;
import no.samhandling.events.DomainEvent;
import no.samhandling.events.Topics;
import no.samhandling.events.arena.AgendaPublished;
import no.samhandling.events.arena.MeetingCancelled;
import no.samhandling.events.arena.MeetingRescheduled;
import no.samhandling.events.arena.MeetingScheduled;
import no.samhandling.events.arena.MinutesRecorded;
import no.samhandling.events.consent.ConsentGiver;
import no.samhandling.events.consent.ConsentGranted;
import no.samhandling.events.consent.ConsentLimited;
import no.samhandling.events.consent.ConsentWithdrawer;
import no.samhandling.events.consent.ConsentWithdrawn;
import no.samhandling.events.consent.SubjectErased;
import no.samhandling.events.referral.AnonymisationReason;
import no.samhandling.events.referral.DiscussionBasis;
import no.samhandling.events.referral.ReferralAnonymised;
import no.samhandling.events.referral.IntakePath;
import no.samhandling.events.referral.PreventionLevel;
import no.samhandling.events.referral.ReferralScheduled;
import no.samhandling.events.referral.ReferralSubmitted;
import no.samhandling.platform.events.CloudEventCodec;
import no.samhandling.platform.test.HttpApi;
import no.samhandling.platform.test.TestProducer;
import no.samhandling.platform.test.TestTokens;
import no.samhandling.platform.test.TopicProbe;

/** Meetings through the real API and topics: scheduling, agenda from referral events, minutes. */
abstract class MeetingComponentTest {

    static final String START = "2026-12-01T08:00:00Z";
    static final String END = "2026-12-01T09:30:00Z";

    @LocalServerPort
    int port;

    @Autowired
    KafkaConnectionDetails kafka;

    @Autowired
    CloudEventCodec codec;

    HttpApi coordinator() {
        return HttpApi.at(port).as(TestTokens.forRole("COORDINATOR"));
    }

    String brokers() {
        return String.join(",", kafka.getBootstrapServers());
    }

    /** A registered arena whose members are the test's coordinator and member. */
    String arena() {
        String key = "arena-" + UUID.randomUUID().toString().substring(0, 8);
        String arenaId = HttpApi.at(port).as(TestTokens.forRole("ADMIN")).post("/arenas", """
                {"externalKey": "%s", "name": "Skoleteam", "level": "INDIVIDUAL", "ageBand": {"from": 6, "to": 18},
                 "mandate": "Alle saker blir drøfta anonymt", "parties": ["PPT", "SCHOOL"], "meetingFrequency": "kvar tredje tysdag",
                 "meetingOwner": {"role": "Rektor"}, "discussionMode": "ANONYMOUS_ONLY"}""".formatted(key)).json().get("id").asString();
        for (String member : List.of("coordinator", "member")) {
            HttpApi.Response joined = HttpApi.at(port).as(TestTokens.forRole("ADMIN")).post("/arenas/" + arenaId + "/members", """
                    {"userId": "%s", "party": "SCHOOL", "role": "%s"}""".formatted(member, member.toUpperCase()));
            assertThat(joined.status()).isEqualTo(201);
        }
        return arenaId;
    }

    String scheduleMeeting(String arenaId) {
        HttpApi.Response created = coordinator().post("/arenas/" + arenaId + "/meetings", """
                {"startsAt": "%s", "endsAt": "%s", "location": "Aukra rådhus, møterom 2",
                 "participants": [{"userId": "ppt-kontakt", "kind": "GUEST"}]}"""
                .formatted(START, END));
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    @Test
    void schedulesReschedulesAndCancelsWithARisingCalendarSequence() {
        String id = scheduleMeeting(arena());

        HttpApi.Response moved = coordinator().post("/meetings/" + id + "/reschedule", """
                {"startsAt": "2026-12-08T08:00:00Z", "endsAt": "2026-12-08T09:30:00Z", "location": "Gossen skule"}""");
        HttpApi.Response cancelled = coordinator().post("/meetings/" + id + "/cancel", """
                {"reasonCode": "NO_CASES_REGISTERED"}""");

        assertThat(moved.json().get("sequence").asInt()).isEqualTo(1);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        List<DomainEvent> events = eventsOf(id, 3);
        assertThat(events).hasExactlyElementsOfTypes(MeetingScheduled.class, MeetingRescheduled.class, MeetingCancelled.class);
        MeetingCancelled cancellation = (MeetingCancelled) events.get(2);
        assertThat(cancellation.sequence()).isEqualTo(2);
        assertThat(cancellation.noCasesRegistered()).isTrue();
        assertThat(cancellation.participantUserIds()).containsExactly("coordinator", "member", "ppt-kontakt");

        HttpApi.Response again = coordinator().post("/meetings/" + id + "/reschedule", """
                {"startsAt": "2026-12-09T08:00:00Z", "endsAt": "2026-12-09T09:30:00Z"}""");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).isEqualTo("urn:samhandling:problem:invalid-transition");
        assertThat(again.json().get("currentStatus").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void putsReferralsScheduledForTheMeetingOnItsAgendaOnceAndPublishesIt() {
        String arenaId = arena();
        String id = scheduleMeeting(arenaId);
        String referralId = UUID.randomUUID().toString();
        ReferralScheduled scheduled = new ReferralScheduled(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, referralId, arenaId, id);

        try (TestProducer producer = new TestProducer(brokers())) {
            producer.send(codec.toRecord(scheduled));
            producer.send(codec.toRecord(scheduled));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> agendaOf(id).size() == 1);
        assertThat(agendaOf(id)).containsExactly(referralId);
        coordinator().post("/meetings/" + id + "/agenda/publish", "");
        AgendaPublished published = (AgendaPublished) eventsOf(id, 2).get(1);
        assertThat(published.referralIds()).containsExactly(referralId);
    }

    @Test
    void flagsMinutesItemsWithoutAResponsibilityAssignmentAndWillNotCloseThemSilently() {
        String arenaId = arena();
        String id = scheduleMeetingStartedAnHourAgo(arenaId);
        String referralId = UUID.randomUUID().toString();
        scheduleReferral(referralId, arenaId, id);

        HttpApi.Response draft = coordinator().put("/meetings/" + id + "/minutes", """
                {"items": [
                  {"referralId": "%s", "outcomeCode": "MEASURES_AGREED", "outcome": "Skolen held fram med tett oppfølging av fråvær.",
                   "assignment": {"responsibleService": "SCHOOL", "task": "Kontaktlærar ringjer heim kvar måndag", "dueDate": "2027-01-15", "followUpDate": "2027-02-02"}},
                  {"topic": "Rutine for overgang barnehage–skule", "outcomeCode": "FOLLOW_UP_LATER", "outcome": "Takast opp att i februar."}
                ]}""".formatted(referralId));
        assertThat(draft.json().get("itemsWithoutAssignment").get(0).asInt()).isEqualTo(1);

        HttpApi.Response refused = coordinator().post("/meetings/" + id + "/minutes/close", "{}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:samhandling:problem:missing-responsibility-assignment");
        assertThat(refused.json().get("itemsWithoutAssignment").get(0).asInt()).isEqualTo(1);

        HttpApi.Response closed = coordinator().post("/meetings/" + id + "/minutes/close", """
                {"acceptItemsWithoutAssignment": true}""");
        assertThat(closed.json().get("status").asString()).isEqualTo("HELD");

        ConsumerRecord<String, byte[]> record = recordsOf(id, 2).get(1);
        MinutesRecorded minutes = (MinutesRecorded) CloudEventCodec.decode(record.headers(), record.value());
        assertThat(minutes.itemsWithoutAssignment()).isEqualTo(1);
        assertThat(minutes.items().getFirst().referralId()).isEqualTo(referralId);
        assertThat(minutes.items().getFirst().responsibleService()).isEqualTo("SCHOOL");
        // What was said and agreed stays in arena-service; the event carries codes and dates only.
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain("fråvær").doesNotContain("Kontaktlærar");
    }

    @Test
    void refusesMinutesAboutAReferralThatIsNotOnTheAgenda() {
        String id = scheduleMeeting(arena());

        HttpApi.Response response = coordinator().put("/meetings/" + id + "/minutes", """
                {"items": [{"referralId": "not-on-agenda", "outcomeCode": "DISCUSSED", "outcome": "x"}]}""");

        assertThat(response.status()).isEqualTo(409);
    }

    @Test
    void refusesAnIdentifierInTheMinutesOrTheLocationNamingTheFieldAndEchoingNothing() {
        String id = scheduleMeeting(arena());

        HttpApi.Response minutes = coordinator().put("/meetings/" + id + "/minutes", """
                {"items": [
                  {"topic": "Rutine for overgang barnehage–skule", "outcomeCode": "FOLLOW_UP_LATER", "outcome": "Takast opp att i februar."},
                  {"topic": "Eleven 010203 12345", "outcomeCode": "DISCUSSED", "outcome": "Jenta, fødd 1. mars, byrjar i 1. klasse",
                   "assignment": {"responsibleService": "SCHOOL", "task": "Ring mor før 01.02.2027", "dueDate": "2027-01-15"}}
                ]}""");
        HttpApi.Response location = coordinator().inLanguage("nn").post("/meetings/" + id + "/reschedule", """
                {"startsAt": "%s", "endsAt": "%s", "location": "Heime hos guten (f. 2.3.2015)"}""".formatted(START, END));

        assertThat(minutes.status()).isEqualTo(400);
        assertThat(minutes.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("items[1].topic", "items[1].outcome", "items[1].assignment.task");
        assertThat(minutes.body()).doesNotContain("12345").doesNotContain("1. mars").doesNotContain("2027");
        assertThat(location.status()).isEqualTo(400);
        assertThat(location.json().get("errors").findValuesAsString("field")).containsExactly("location");
        assertThat(location.json().get("errors").get(0).get("message").asString()).startsWith("kan ikkje innehalde eit fødselsnummer");
        assertThat(location.body()).doesNotContain("2015");
        assertThat(coordinator().get("/meetings/" + id).json().get("location").asString()).isEqualTo("Aukra rådhus, møterom 2");
    }

    @Test
    void namesInvalidFieldsOfAMeeting() {
        HttpApi.Response response = coordinator().post("/arenas/" + arena() + "/meetings", """
                {"startsAt": "%s", "endsAt": "%s", "participants": [{"userId": "", "kind": "NEIGHBOUR"}]}""".formatted(END, START));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).contains("participants[0].kind");
    }

    @Test
    void onlyCoordinatorsRunMeetingsAndOnlyTheArenasMembersReadThem() {
        String id = scheduleMeeting(arena());

        assertThat(HttpApi.at(port).as(TestTokens.forRole("MEMBER")).post("/meetings/" + id + "/cancel",
                "{\"reasonCode\": \"OTHER\"}").status()).isEqualTo(403);
        assertThat(HttpApi.at(port).as(TestTokens.forRole("REFERRER")).get("/meetings/" + id).status()).isEqualTo(403);
        assertThat(HttpApi.at(port).as(TestTokens.forRole("MEMBER")).get("/meetings/" + id).status()).isEqualTo(200);
        // A member of another arena has no need to know: to them the meeting does not exist.
        assertThat(HttpApi.at(port).as(TestTokens.token("another-member", TestTokens.AUKRA, "MEMBER")).get("/meetings/" + id).status())
                .isEqualTo(404);
        assertThat(HttpApi.at(port).as(TestTokens.token("another-coordinator", TestTokens.AUKRA, "COORDINATOR"))
                .post("/meetings/" + id + "/cancel", "{\"reasonCode\": \"OTHER\"}").status()).isEqualTo(404);
        assertThat(HttpApi.at(port).as(TestTokens.token("c", TestTokens.MELHUS, "COORDINATOR")).get("/meetings/" + id).status())
                .isEqualTo(404);
    }

    @Test
    void anAdministratorWhoIsNoMemberNeitherReadsNorRunsTheArenasMeetings() {
        String arenaId = arena();
        String id = scheduleMeeting(arenaId);
        HttpApi admin = HttpApi.at(port).as(TestTokens.forRole("ADMIN"));

        assertThat(admin.post("/arenas/" + arenaId + "/meetings", """
                {"startsAt": "%s", "endsAt": "%s"}""".formatted(START, END)).status()).isEqualTo(404);
        assertThat(admin.get("/arenas/" + arenaId + "/meetings").status()).isEqualTo(404);
        assertThat(admin.get("/meetings/" + id).status()).isEqualTo(404);
        assertThat(admin.post("/meetings/" + id + "/reschedule", """
                {"startsAt": "2026-12-08T08:00:00Z", "endsAt": "2026-12-08T09:30:00Z"}""").status()).isEqualTo(404);
        assertThat(admin.post("/meetings/" + id + "/agenda/items", "{\"referralId\": \"r\"}").status()).isEqualTo(404);
        assertThat(admin.post("/meetings/" + id + "/agenda/publish", "").status()).isEqualTo(404);
        assertThat(admin.put("/meetings/" + id + "/minutes", """
                {"items": [{"topic": "Rutinar", "outcomeCode": "DISCUSSED", "outcome": "Drøfta"}]}""").status()).isEqualTo(404);
        assertThat(admin.post("/meetings/" + id + "/minutes/close", "{}").status()).isEqualTo(404);
        assertThat(admin.post("/meetings/" + id + "/cancel", "{\"reasonCode\": \"OTHER\"}").status()).isEqualTo(404);
        assertThat(coordinator().get("/meetings/" + id).json().get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(coordinator().get("/meetings/" + id).json().get("minutes")).isEmpty();

        // Given a place by someone else, the administrator reads as a member, and still does not run the meeting.
        HttpApi.at(port).as(TestTokens.token("another-admin", TestTokens.AUKRA, "ADMIN")).post("/arenas/" + arenaId + "/members", """
                {"userId": "admin", "party": "SCHOOL", "role": "MEMBER"}""");
        assertThat(admin.get("/meetings/" + id).status()).isEqualTo(200);
        assertThat(admin.post("/meetings/" + id + "/cancel", "{\"reasonCode\": \"OTHER\"}").status()).isEqualTo(403);
    }

    @Test
    void theCoordinatorsPlaceRunsMeetingsOnlyWithACoordinatorsLoginAsItMovesCasesOnlyThen() {
        String arenaId = arena();
        String id = scheduleMeeting(arenaId);
        HttpApi.at(port).as(TestTokens.token("another-admin", TestTokens.AUKRA, "ADMIN")).post("/arenas/" + arenaId + "/members", """
                {"userId": "admin", "party": "SCHOOL", "role": "COORDINATOR"}""");
        HttpApi admin = HttpApi.at(port).as(TestTokens.forRole("ADMIN"));

        assertThat(admin.get("/meetings/" + id).status()).isEqualTo(200);
        assertThat(admin.post("/meetings/" + id + "/cancel", "{\"reasonCode\": \"OTHER\"}").status()).isEqualTo(403);
        assertThat(admin.post("/arenas/" + arenaId + "/meetings", """
                {"startsAt": "%s", "endsAt": "%s"}""".formatted(START, END)).status()).isEqualTo(403);
        assertThat(HttpApi.at(port).as(TestTokens.token("admin", TestTokens.AUKRA, "ADMIN", "COORDINATOR"))
                .post("/meetings/" + id + "/cancel", "{\"reasonCode\": \"OTHER\"}").status()).isEqualTo(200);
    }

    @Test
    void toAStrangerAMeetingThatExistsLooksLikeOneThatDoesNot() {
        String id = scheduleMeeting(arena());
        String unknown = UUID.randomUUID().toString();

        for (String token : List.of(TestTokens.token("another-coordinator", TestTokens.AUKRA, "COORDINATOR"),
                TestTokens.token("another-member", TestTokens.AUKRA, "MEMBER"), TestTokens.forRole("ADMIN"),
                TestTokens.token("coordinator", TestTokens.MELHUS, "COORDINATOR"))) {
            HttpApi stranger = HttpApi.at(port).as(token);
            HttpApi.Response existing = stranger.get("/meetings/" + id);
            HttpApi.Response missing = stranger.get("/meetings/" + unknown);
            assertThat(existing.status()).isEqualTo(404);
            assertThat(missing.status()).isEqualTo(404);
            assertThat(existing.json().get("title").asString()).isEqualTo(missing.json().get("title").asString());
            assertThat(stranger.post("/meetings/" + id + "/cancel", "{\"reasonCode\": \"OTHER\"}").status())
                    .isEqualTo(stranger.post("/meetings/" + unknown + "/cancel", "{\"reasonCode\": \"OTHER\"}").status());
        }
        assertThat(HttpApi.at(port).get("/meetings/" + id).status()).isEqualTo(401);
    }

    @Test
    void minutesCloseOnlyOnceTheMeetingHasBegun() {
        String arenaId = arena();
        String id = scheduleMeetingIn30Days(arenaId);
        String referralId = UUID.randomUUID().toString();
        scheduleReferral(referralId, arenaId, id);
        coordinator().put("/meetings/" + id + "/minutes", """
                {"items": [{"referralId": "%s", "outcomeCode": "MEASURES_AGREED", "outcome": "Skolen held fram.",
                  "assignment": {"responsibleService": "SCHOOL", "task": "Ringje heim", "dueDate": "2027-01-15"}}]}"""
                .formatted(referralId));

        HttpApi.Response early = coordinator().post("/meetings/" + id + "/minutes/close", "{}");

        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("type").asString()).isEqualTo("urn:samhandling:problem:invalid-transition");
        assertThat(coordinator().get("/meetings/" + id).json().get("minutesClosedAt").isNull()).isTrue();
        assertThat(coordinator().get("/meetings/" + id).json().get("status").asString()).isEqualTo("SCHEDULED");
    }

    @Test
    void theAgendaTakesOnlyAReferralScheduledToThatMeeting() {
        String arenaId = arena();
        String meeting = scheduleMeetingIn30Days(arenaId);
        String otherMeeting = scheduleMeetingIn30Days(arenaId);
        String scheduledElsewhere = UUID.randomUUID().toString();
        scheduleReferral(scheduledElsewhere, arenaId, otherMeeting);

        // Never scheduled (still submitted, say), or scheduled to another meeting: refused, naming the field.
        for (String referralId : List.of(UUID.randomUUID().toString(), scheduledElsewhere)) {
            HttpApi.Response refused = coordinator().post("/meetings/" + meeting + "/agenda/items", """
                    {"referralId": "%s"}""".formatted(referralId));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("referralId");
        }
        assertThat(agendaOf(meeting)).isEmpty();

        String scheduledHere = UUID.randomUUID().toString();
        scheduleReferral(scheduledHere, arenaId, meeting);
        assertThat(coordinator().post("/meetings/" + meeting + "/agenda/items", """
                {"referralId": "%s"}""".formatted(scheduledHere)).status()).isEqualTo(200);
        assertThat(agendaOf(meeting)).containsExactly(scheduledHere);
    }

    @Test
    void aReferralScheduledToAMeetingOfAnotherArenaStaysOffItsAgenda() {
        String arenaId = arena();
        String otherArena = arena();
        String otherArenasMeeting = scheduleMeetingIn30Days(otherArena);
        String strayReferral = UUID.randomUUID().toString();
        String ownReferral = UUID.randomUUID().toString();

        publish(new ReferralScheduled(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, strayReferral, arenaId, otherArenasMeeting));
        // Consumed in order after the stray one: once it is on the agenda, the stray one has been handled.
        scheduleReferral(ownReferral, otherArena, otherArenasMeeting);

        assertThat(agendaOf(otherArenasMeeting)).containsExactly(ownReferral);
    }

    @Test
    void movingAReferralToAnotherMeetingMovesItsAgendaItemAndItsGuardians() {
        String arenaId = arena();
        String first = scheduleMeetingIn30Days(arenaId);
        String second = scheduleMeetingIn30Days(arenaId);
        String referralId = namedCaseAttendedBy(arenaId, "guardian-mor");
        scheduleReferral(referralId, arenaId, first);
        await().atMost(Duration.ofSeconds(30)).until(() -> guardiansOf(first).size() == 1);

        scheduleReferral(referralId, arenaId, second);

        await().atMost(Duration.ofSeconds(30)).until(() -> agendaOf(first).isEmpty() && guardiansOf(first).isEmpty());
        await().atMost(Duration.ofSeconds(30)).until(() -> guardiansOf(second).size() == 1);
        assertThat(agendaOf(second)).containsExactly(referralId);
        MeetingRescheduled dropped = (MeetingRescheduled) eventsOf(first, 3).get(2);
        assertThat(dropped.participantUserIds()).doesNotContain("guardian-mor");
    }

    @Autowired
    Meetings meetings;

    @Test
    void callsOffAMeetingWithNoCasesWhenItsRuleSaysSoButKeepsOneWithACase() {
        String arenaId = arena();
        String soon = Instant.now().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        String soonEnd = Instant.now().plus(Duration.ofDays(2)).plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        String empty = coordinator().post("/arenas/" + arenaId + "/meetings", """
                {"startsAt": "%s", "endsAt": "%s", "cancelIfNoCasesDaysBefore": 3}""".formatted(soon, soonEnd)).json().get("id").asString();
        String withCase = coordinator().post("/arenas/" + arenaId + "/meetings", """
                {"startsAt": "%s", "endsAt": "%s", "cancelIfNoCasesDaysBefore": 3}""".formatted(soon, soonEnd)).json().get("id").asString();
        scheduleReferral("r-" + UUID.randomUUID(), arenaId, withCase);
        String later = coordinator().post("/arenas/" + arenaId + "/meetings", """
                {"startsAt": "2027-03-02T08:00:00Z", "endsAt": "2027-03-02T09:00:00Z", "cancelIfNoCasesDaysBefore": 3}""")
                .json().get("id").asString();

        meetings.cancelMeetingsWithoutCases();

        assertThat(coordinator().get("/meetings/" + empty).json().get("cancellationReason").asString()).isEqualTo("NO_CASES_REGISTERED");
        assertThat(coordinator().get("/meetings/" + withCase).json().get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(coordinator().get("/meetings/" + later).json().get("status").asString()).isEqualTo("SCHEDULED");
        MeetingCancelled cancelled = (MeetingCancelled) eventsOf(empty, 2).get(1);
        assertThat(cancelled.noCasesRegistered()).isTrue();
    }

    @Test
    void aMeetingNeedsAnArenaOfTheMunicipality() {
        HttpApi.Response response = coordinator().post("/arenas/no-such-arena/meetings", """
                {"startsAt": "%s", "endsAt": "%s"}""".formatted(START, END));

        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void membersJoinAndLeaveWithEvents() {
        String arenaId = arena();
        HttpApi admin = HttpApi.at(port).as(TestTokens.forRole("ADMIN"));

        assertThat(admin.post("/arenas/" + arenaId + "/members", """
                {"userId": "member", "party": "SCHOOL", "role": "MEMBER"}""").status()).isEqualTo(409);
        assertThat(admin.post("/arenas/" + arenaId + "/members", """
                {"userId": "x", "party": "ikkje ein kode", "role": "MEMBER"}""").json().get("errors").findValuesAsString("field"))
                .containsExactly("party");
        HttpApi.Response left = HttpApi.at(port).as(TestTokens.forRole("ADMIN")).delete("/arenas/" + arenaId + "/members/member");

        assertThat(left.status()).isEqualTo(200);
        assertThat(eventsOf(arenaId, 4)).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("ArenaRegistered", "MemberJoined", "MemberJoined", "MemberLeft");
        assertThat(HttpApi.at(port).as(TestTokens.forRole("MEMBER")).get("/arenas/" + arenaId + "/meetings").status()).isEqualTo(404);
    }

    @Test
    void invitesTheChildsGuardiansForTheirCaseOnlyWhileItsConsentAllows() {
        String arenaId = arena();
        String meetingId = scheduleMeetingIn30Days(arenaId);
        String referralId = UUID.randomUUID().toString();
        String consentId = UUID.randomUUID().toString();
        String subjectId = UUID.randomUUID().toString();

        publish(new ReferralSubmitted(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, referralId, arenaId, DiscussionBasis.NAMED,
                subjectId, consentId, "6-12", "SCHOOL", List.of("ABSENCE"), PreventionLevel.YELLOW, IntakePath.STAFF, true));
        publish(new ReferralScheduled(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, referralId, arenaId, meetingId));
        // The consent arrives on its own topic, here after the case was scheduled.
        publish(new ConsentGranted(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, consentId, subjectId, List.of(arenaId),
                List.of("SCHOOL", "PPT"), "INTERDISCIPLINARY_DISCUSSION", LocalDate.now().minusDays(1), null, ConsentGiver.GUARDIANS,
                List.of("guardian-mor", "guardian-far")));

        await().atMost(Duration.ofSeconds(30)).until(() -> guardiansOf(meetingId).size() == 2);
        assertThat(guardiansOf(meetingId)).allSatisfy(guardian -> assertThat(guardian.get("referralId").asString()).isEqualTo(referralId));
        MeetingRescheduled invitation = (MeetingRescheduled) eventsOf(meetingId, 2).get(1);
        assertThat(invitation.participantUserIds()).contains("guardian-mor", "guardian-far");

        publish(new ConsentWithdrawn(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, consentId, subjectId, ConsentWithdrawer.GUARDIAN));

        await().atMost(Duration.ofSeconds(30)).until(() -> guardiansOf(meetingId).isEmpty());
        MeetingRescheduled withdrawn = (MeetingRescheduled) eventsOf(meetingId, 3).get(2);
        assertThat(withdrawn.participantUserIds()).doesNotContain("guardian-mor", "guardian-far").contains("coordinator");
    }

    @Test
    void aConsentGivenBeforeTheCaseWasScheduledBringsTheGuardiansAndAnonymisingTheCaseTakesThemOff() {
        String arenaId = arena();
        String meetingId = scheduleMeetingIn30Days(arenaId);
        String referralId = UUID.randomUUID().toString();
        String consentId = UUID.randomUUID().toString();
        String subjectId = UUID.randomUUID().toString();
        publish(new ConsentGranted(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, consentId, subjectId, List.of(arenaId),
                List.of("SCHOOL", "PPT"), "INTERDISCIPLINARY_DISCUSSION", LocalDate.now().minusDays(1), null, ConsentGiver.GUARDIANS,
                List.of("guardian")));
        publish(new ReferralSubmitted(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, referralId, arenaId, DiscussionBasis.NAMED,
                subjectId, consentId, "0-5", "KINDERGARTEN", List.of("DEVELOPMENT"), PreventionLevel.GREEN, IntakePath.STAFF, true));
        publish(new ReferralScheduled(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, referralId, arenaId, meetingId));

        await().atMost(Duration.ofSeconds(30)).until(() -> guardiansOf(meetingId).size() == 1);

        publish(new ReferralAnonymised(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, referralId, arenaId,
                AnonymisationReason.CONSENT_WITHDRAWN, true));

        await().atMost(Duration.ofSeconds(30)).until(() -> guardiansOf(meetingId).isEmpty());
        assertThat(agendaOf(meetingId)).containsExactly(referralId);
    }

    @Test
    void erasingTheChildTakesItsGuardiansOffEveryMeetingHeldOnesTooAndWipesTheMinutesTextsAboutItsCase() {
        String arenaId = arena();
        String meetingId = scheduleMeetingIn30Days(arenaId);
        String referralId = UUID.randomUUID().toString();
        String consentId = UUID.randomUUID().toString();
        String subjectId = UUID.randomUUID().toString();
        publish(new ConsentGranted(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, consentId, subjectId, List.of(arenaId),
                List.of("SCHOOL", "PPT"), "INTERDISCIPLINARY_DISCUSSION", LocalDate.now().minusDays(1), null, ConsentGiver.GUARDIANS,
                List.of("guardian-erased")));
        publish(new ReferralSubmitted(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, referralId, arenaId, DiscussionBasis.NAMED,
                subjectId, consentId, "6-12", "SCHOOL", List.of("ABSENCE"), PreventionLevel.YELLOW, IntakePath.STAFF, true));
        scheduleReferral(referralId, arenaId, meetingId);
        await().atMost(Duration.ofSeconds(30)).until(() -> guardiansOf(meetingId).size() == 1);
        // The meeting has since been held, with its guardian, and its minutes name the child.
        mongo.getCollection("meetings").updateOne(com.mongodb.client.model.Filters.eq("_id", meetingId),
                com.mongodb.client.model.Updates.set("startsAt", java.util.Date.from(Instant.now().minus(Duration.ofHours(1)))));
        coordinator().put("/meetings/" + meetingId + "/minutes", """
                {"items": [{"referralId": "%s", "topic": "Ola Testesen", "outcomeCode": "MEASURES_AGREED", "outcome": "Ola får leksehjelp.",
                   "assignment": {"responsibleService": "SCHOOL", "task": "Ring Olas mor", "dueDate": "2027-01-15", "followUpDate": "2027-02-02"}},
                  {"topic": "Rutine for overgang", "outcomeCode": "FOLLOW_UP_LATER", "outcome": "Takast opp att i februar."}]}"""
                .formatted(referralId));
        assertThat(coordinator().post("/meetings/" + meetingId + "/minutes/close", """
                {"acceptItemsWithoutAssignment": true}""").json().get("status").asString()).isEqualTo("HELD");
        // The words about the named case are sealed under the child's key: members read them, MongoDB never holds them.
        String sealed = storedMeeting(meetingId);
        assertThat(sealed).doesNotContain("Ola").contains("sealed.v1.minutes-text.").contains("Takast opp att");
        HttpApi.Response read = coordinator().get("/meetings/" + meetingId);
        assertThat(read.body()).contains("Ola Testesen").contains("Ola får leksehjelp.").contains("Ring Olas mor")
                .doesNotContain("sealed").doesNotContain(subjectId);

        publish(new SubjectErased(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, subjectId));

        await().atMost(Duration.ofSeconds(30)).until(() -> guardiansOf(meetingId).isEmpty());
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.getCollection("subject_keys")
                .find(com.mongodb.client.model.Filters.eq("_id", subjectId)).first().getBoolean("erased", false));
        String stored = storedMeeting(meetingId);
        assertThat(stored).doesNotContain("Ola").doesNotContain("sealed.v1").doesNotContain(subjectId).doesNotContain("guardian-erased")
                .contains("MEASURES_AGREED").contains("Takast opp att");
        assertThat(mongo.getCollection("guardian_consents").countDocuments(com.mongodb.client.model.Filters.eq("subjectId", subjectId))).isZero();
        assertThat(mongo.getCollection("guardian_cases").countDocuments(com.mongodb.client.model.Filters.eq("subjectId", subjectId))).isZero();
        assertThat(mongo.getCollection("named_cases").countDocuments(com.mongodb.client.model.Filters.eq("subjectId", subjectId))).isZero();

        // A late consent of the erased child is not taken in again: the tombstone in subject_keys says so.
        String lateConsentId = UUID.randomUUID().toString();
        publish(new ConsentGranted(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, lateConsentId, subjectId, List.of(arenaId),
                List.of("SCHOOL", "PPT"), "INTERDISCIPLINARY_DISCUSSION", LocalDate.now().minusDays(1), null, ConsentGiver.GUARDIANS,
                List.of("guardian-erased")));
        // A consent of another child, on the same partition (the same key), is taken in after it: then the late one was handled.
        String markerConsentId = UUID.randomUUID().toString();
        var marker = codec.toRecord(new ConsentGranted(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, markerConsentId,
                UUID.randomUUID().toString(), List.of(arenaId), List.of("SCHOOL"), "INTERDISCIPLINARY_DISCUSSION", LocalDate.now(), null,
                ConsentGiver.GUARDIANS, List.of()));
        try (TestProducer producer = new TestProducer(brokers())) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(marker.topic(), null, lateConsentId, marker.value(),
                    marker.headers()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.getCollection("guardian_consents")
                .countDocuments(com.mongodb.client.model.Filters.eq("_id", markerConsentId)) == 1);
        assertThat(mongo.getCollection("guardian_consents").countDocuments(com.mongodb.client.model.Filters.eq("_id", lateConsentId))).isZero();
    }

    String storedMeeting(String meetingId) {
        return mongo.getCollection("meetings").find(com.mongodb.client.model.Filters.eq("_id", meetingId)).first().toJson();
    }

    @Test
    void aCaseWhoseGuardiansDoNotAttendOrThatIsAnonymousBringsNoGuardians() {
        String arenaId = arena();
        String meetingId = scheduleMeetingIn30Days(arenaId);
        String consentId = UUID.randomUUID().toString();
        String subjectId = UUID.randomUUID().toString();
        publish(new ConsentGranted(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, consentId, subjectId, List.of(arenaId),
                List.of("SCHOOL", "PPT"), "INTERDISCIPLINARY_DISCUSSION", LocalDate.now().minusDays(1), null, ConsentGiver.GUARDIANS,
                List.of("guardian-mor")));
        String notAttending = UUID.randomUUID().toString();
        String anonymous = UUID.randomUUID().toString();
        publish(new ReferralSubmitted(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, notAttending, arenaId, DiscussionBasis.NAMED,
                subjectId, consentId, "6-12", "SCHOOL", List.of("ABSENCE"), PreventionLevel.YELLOW, IntakePath.STAFF, false));
        publish(new ReferralSubmitted(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, anonymous, arenaId, DiscussionBasis.ANONYMOUS,
                null, null, "6-12", "SCHOOL", List.of("ABSENCE"), PreventionLevel.YELLOW, IntakePath.STAFF, true));
        publish(new ReferralScheduled(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, notAttending, arenaId, meetingId));
        publish(new ReferralScheduled(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, anonymous, arenaId, meetingId));

        await().atMost(Duration.ofSeconds(30)).until(() -> agendaOf(meetingId).size() == 2);
        assertThat(guardiansOf(meetingId)).isEmpty();
    }

    @Autowired
    MongoTemplate mongo;

    @Test
    void aConsentNotYetValidOrWithoutEveryServiceOfTheArenaBringsNoGuardians() {
        String arenaId = arena();
        String meetingId = scheduleMeetingIn30Days(arenaId);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Oslo"));
        // The arena seats PPT and SCHOOL; only the last consent lets both share, from today.
        String notYetValid = namedCaseUnder(arenaId, List.of("SCHOOL", "PPT"), today.plusDays(7), "guardian-not-yet");
        String withoutPpt = namedCaseUnder(arenaId, List.of("SCHOOL"), today.minusDays(1), "guardian-without-ppt");
        String covering = namedCaseUnder(arenaId, List.of("SCHOOL", "PPT"), today, "guardian-covered");
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.getCollection("guardian_consents")
                .countDocuments(com.mongodb.client.model.Filters.in("_id", notYetValid, withoutPpt, covering)) == 3);

        for (String consentId : List.of(notYetValid, withoutPpt, covering)) {
            String referralId = UUID.randomUUID().toString();
            publish(new ReferralSubmitted(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, referralId, arenaId, DiscussionBasis.NAMED,
                    "subject-of-" + consentId, consentId, "6-12", "SCHOOL", List.of("ABSENCE"), PreventionLevel.YELLOW, IntakePath.STAFF, true));
            publish(new ReferralScheduled(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, referralId, arenaId, meetingId));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> agendaOf(meetingId).size() == 3 && guardiansOf(meetingId).size() == 1);
        assertThat(guardiansOf(meetingId)).extracting(guardian -> guardian.get("userId").asString()).containsExactly("guardian-covered");

        // Narrowed to SCHOOL alone, the consent no longer covers an arena where PPT sits.
        publish(new ConsentLimited(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, covering, "subject-of-" + covering,
                List.of(arenaId), List.of("SCHOOL"), "INTERDISCIPLINARY_DISCUSSION", null));

        await().atMost(Duration.ofSeconds(30)).until(() -> guardiansOf(meetingId).isEmpty());
    }

    /** A consent for the arena from {@code validFrom} with these services, given by one guardian; returns its id. */
    private String namedCaseUnder(String arenaId, List<String> parties, LocalDate validFrom, String guardian) {
        String consentId = UUID.randomUUID().toString();
        publish(new ConsentGranted(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, consentId, "subject-of-" + consentId,
                List.of(arenaId), parties, "INTERDISCIPLINARY_DISCUSSION", validFrom, null, ConsentGiver.GUARDIANS, List.of(guardian)));
        return consentId;
    }

    @Test
    void coordinatorsCannotInviteAGuardianAroundTheConsent() {
        HttpApi.Response refused = coordinator().post("/arenas/" + arena() + "/meetings", """
                {"startsAt": "%s", "endsAt": "%s", "participants": [{"userId": "guardian-mor", "kind": "GUARDIAN"}]}"""
                .formatted(START, END));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("participants[0].kind");
    }

    /** A named case in the arena whose guardian attends, under a consent that covers the arena; returns its id. */
    String namedCaseAttendedBy(String arenaId, String guardian) {
        String referralId = UUID.randomUUID().toString();
        String consentId = UUID.randomUUID().toString();
        String subjectId = UUID.randomUUID().toString();
        publish(new ConsentGranted(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, consentId, subjectId, List.of(arenaId),
                List.of("SCHOOL", "PPT"), "INTERDISCIPLINARY_DISCUSSION", LocalDate.now().minusDays(1), null, ConsentGiver.GUARDIANS,
                List.of(guardian)));
        publish(new ReferralSubmitted(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, referralId, arenaId, DiscussionBasis.NAMED,
                subjectId, consentId, "6-12", "SCHOOL", List.of("ABSENCE"), PreventionLevel.YELLOW, IntakePath.STAFF, true));
        return referralId;
    }

    /** A meeting that began an hour ago, so that its minutes can be closed. */
    String scheduleMeetingStartedAnHourAgo(String arenaId) {
        Instant start = Instant.now().minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        HttpApi.Response created = coordinator().post("/arenas/" + arenaId + "/meetings", """
                {"startsAt": "%s", "endsAt": "%s", "location": "Aukra rådhus"}""".formatted(start, start.plus(Duration.ofMinutes(90))));
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** referral-service scheduled the referral to the meeting; returns once the referral is on its agenda. */
    void scheduleReferral(String referralId, String arenaId, String meetingId) {
        publish(new ReferralScheduled(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, referralId, arenaId, meetingId));
        await().atMost(Duration.ofSeconds(30)).until(() -> agendaOf(meetingId).contains(referralId));
    }

    String scheduleMeetingIn30Days(String arenaId) {
        Instant start = Instant.now().plus(Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        HttpApi.Response created = coordinator().post("/arenas/" + arenaId + "/meetings", """
                {"startsAt": "%s", "endsAt": "%s", "location": "Aukra rådhus"}""".formatted(start, start.plus(Duration.ofHours(1))));
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    List<JsonNode> guardiansOf(String meetingId) {
        return coordinator().get("/meetings/" + meetingId).json().get("participants").valueStream()
                .filter(participant -> "GUARDIAN".equals(participant.get("kind").asString())).toList();
    }

    void publish(DomainEvent event) {
        try (TestProducer producer = new TestProducer(brokers())) {
            producer.send(codec.toRecord(event));
        }
    }

    List<String> agendaOf(String meetingId) {
        JsonNode agenda = coordinator().get("/meetings/" + meetingId).json().get("agenda");
        return agenda.valueStream().map(JsonNode::asString).toList();
    }

    List<DomainEvent> eventsOf(String meetingId, int count) {
        return recordsOf(meetingId, count).stream().map(r -> CloudEventCodec.decode(r.headers(), r.value())).toList();
    }

    private List<ConsumerRecord<String, byte[]>> recordsOf(String meetingId, int count) {
        try (TopicProbe probe = new TopicProbe(brokers(), Topics.ARENA_EVENTS)) {
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    probe.drain(Duration.ofMillis(300)).stream().filter(r -> meetingId.equals(r.key())).count() >= count);
            return probe.drain(Duration.ZERO).stream().filter(r -> meetingId.equals(r.key())).toList();
        }
    }
}
