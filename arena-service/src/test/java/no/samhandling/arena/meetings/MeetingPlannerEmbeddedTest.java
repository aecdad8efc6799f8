package no.samhandling.arena.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import tools.jackson.databind.JsonNode;
import no.samhandling.arena.rhythm.RhythmSpec;
import no.samhandling.events.referral.ReferralScheduled;
import no.samhandling.platform.test.HttpApi;
import no.samhandling.platform.test.ServiceTest;
import no.samhandling.platform.test.TestTokens;

/** Planning from a rhythm, on 10 August 2026: the autumn term and the spring term after it. */
@ServiceTest
class MeetingPlannerEmbeddedTest {

    static final Instant TODAY = Instant.parse("2026-08-10T06:00:00Z");
    static final RhythmSpec EVERY_THIRD_TUESDAY =
            new RhythmSpec("EVERY_N_WEEKS", null, null, 3, null, "TUESDAY", null, null, "12:00", "PT1H30M", "2026-08-18");

    @TestConfiguration
    static class FixedClock {

        @Bean
        Clock clock() {
            return Clock.fixed(TODAY, ZoneOffset.UTC);
        }
    }

    @Autowired
    MeetingPlanner planner;

    @Autowired
    Meetings agendas;

    @LocalServerPort
    int port;

    @Test
    void plansEveryThirdTuesdayUntilTheSummerSkippingHolidaysAndSchoolBreaks() {
        String arenaId = arenaWithCoordinator();

        int created = planner.planMeetings(new MeetingPlanner.ArenaSchedule(TestTokens.AUKRA, arenaId, EVERY_THIRD_TUESDAY,
                "Julsundet skule", null));

        List<String> starts = startsInOslo(arenaId);
        assertThat(created).isEqualTo(starts.size());
        // Every third Tuesday from 18 August; 29 Sep (autumn break), 22 Dec (Christmas), 23 Feb (winter
        // break) and 29 Jun (summer) fall away; 12:00 Oslo time on both sides of the clock change.
        assertThat(starts).containsExactly(
                "2026-08-18T12:00", "2026-09-08T12:00", "2026-10-20T12:00", "2026-11-10T12:00", "2026-12-01T12:00",
                "2027-01-12T12:00", "2027-02-02T12:00", "2027-03-16T12:00", "2027-04-06T12:00", "2027-04-27T12:00",
                "2027-05-18T12:00", "2027-06-08T12:00");
        JsonNode first = meetings(arenaId).get(0);
        assertThat(Instant.parse(first.get("endsAt").asString()).getEpochSecond()
                - Instant.parse(first.get("startsAt").asString()).getEpochSecond()).isEqualTo(90 * 60);
        assertThat(first.get("participants").findValuesAsString("userId")).containsExactly("coordinator");
    }

    @Test
    void aMemberWhoJoinsLaterIsInvitedToTheComingMeetings() {
        String arenaId = arenaWithCoordinator();
        planner.planMeetings(new MeetingPlanner.ArenaSchedule(TestTokens.AUKRA, arenaId, EVERY_THIRD_TUESDAY, null, null));

        HttpApi.at(port).as(TestTokens.forRole("ADMIN")).post("/arenas/" + arenaId + "/members", """
                {"userId": "helsesjukepleiar", "party": "HEALTH_STATION", "role": "MEMBER"}""");

        assertThat(meetings(arenaId)).allSatisfy(meeting -> {
            assertThat(meeting.get("participants").findValuesAsString("userId")).containsExactly("coordinator", "helsesjukepleiar");
            assertThat(meeting.get("sequence").asInt()).isEqualTo(1);
        });
    }

    @Test
    void planningAgainCreatesNothingNew() {
        String arenaId = arenaWithCoordinator();
        MeetingPlanner.ArenaSchedule schedule = new MeetingPlanner.ArenaSchedule(TestTokens.AUKRA, arenaId, EVERY_THIRD_TUESDAY, null, null);
        planner.planMeetings(schedule);

        assertThat(planner.planMeetings(schedule)).isZero();
    }

    @Test
    void aNewRuleReplacesTheOldRulesMeetingsThatHaveNoCases() {
        String arenaId = arenaWithCoordinator();
        planner.planMeetings(new MeetingPlanner.ArenaSchedule(TestTokens.AUKRA, arenaId, EVERY_THIRD_TUESDAY, null, null));
        String withCase = meetings(arenaId).get(1).get("id").asString();
        // referral-service scheduled a case to it, as its event says.
        agendas.on(new ReferralScheduled(java.util.UUID.randomUUID(), TODAY, TestTokens.AUKRA, "r-1", arenaId, withCase));

        RhythmSpec firstThursday = new RhythmSpec("NTH_WEEKDAY_OF_MONTH", null, null, null, 1, "THURSDAY", null, null, "09:00", "PT1H30M", null);
        planner.planMeetings(new MeetingPlanner.ArenaSchedule(TestTokens.AUKRA, arenaId, firstThursday, null, null));

        List<JsonNode> all = meetings(arenaId);
        assertThat(all).filteredOn(m -> m.get("status").asString().equals("SCHEDULED"))
                .extracting(m -> m.get("id").asString()).contains(withCase);
        assertThat(all).filteredOn(m -> "RHYTHM_CHANGED".equals(m.get("cancellationReason").asString()))
                .hasSize(11);
        assertThat(all).filteredOn(m -> m.get("status").asString().equals("SCHEDULED")).hasSizeGreaterThan(5);
    }

    private String arenaWithCoordinator() {
        String key = "plan-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String arenaId = HttpApi.at(port).as(TestTokens.forRole("ADMIN")).post("/arenas", """
                {"externalKey": "%s", "name": "Ressursteam", "level": "INDIVIDUAL", "ageBand": {"from": 6, "to": 16},
                 "mandate": "Drøfte skulenærvær og skulemiljø", "parties": ["SCHOOL", "HEALTH_STATION"],
                 "meetingFrequency": "Kvar tredje tysdag à 1 ½ time", "meetingOwner": {"role": "Miljørettleiar i skolen", "text": "leiar teamet saman med skoleleiinga"}, "discussionMode": "ANONYMOUS_ONLY"}"""
                .formatted(key)).json().get("id").asString();
        HttpApi.at(port).as(TestTokens.forRole("ADMIN")).post("/arenas/" + arenaId + "/members", """
                {"userId": "coordinator", "party": "SCHOOL", "role": "COORDINATOR"}""");
        return arenaId;
    }

    private HttpApi coordinator() {
        return HttpApi.at(port).as(TestTokens.forRole("COORDINATOR"));
    }

    private List<JsonNode> meetings(String arenaId) {
        return coordinator().get("/arenas/" + arenaId + "/meetings").json().valueStream().toList();
    }

    private List<String> startsInOslo(String arenaId) {
        return meetings(arenaId).stream()
                .filter(m -> m.get("status").asString().equals("SCHEDULED"))
                .map(m -> Instant.parse(m.get("startsAt").asString()).atZone(ZoneId.of("Europe/Oslo")).toLocalDateTime().toString())
                .toList();
    }
}
