package no.samhandling.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventCatalogue;
import no.samhandling.events.Topics;
import no.samhandling.events.leadership.LeadershipItemKind;
import no.samhandling.events.leadership.LeadershipItemRegistered;
import no.samhandling.events.referral.DiscussionBasis;
import no.samhandling.events.referral.PreventionLevel;
import no.samhandling.events.referral.ReferralSubmitted;
import no.samhandling.reporting.testdata.EventMother;
import no.samhandling.reporting.testdata.LeadershipTransition;

class FigureProjectionTest {

    private static final String KOMMUNE = "1547";

    @Test
    void countsLeadTimeInWholeDaysFromSubmissionToTheFirstDiscussionOnly() {
        String referral = UUID.randomUUID().toString();
        Changes changes = FigureProjection.project(List.of(
                EventMother.submitted(KOMMUNE, "a", referral, EventMother.at(2026, 3, 2)),
                EventMother.discussed(KOMMUNE, "a", referral, EventMother.at(2026, 3, 12)),
                EventMother.discussed(KOMMUNE, "a", referral, EventMother.at(2026, 4, 20))), Map.of());

        assertThat(increments(changes)).containsEntry(Counters.id(KOMMUNE, Metric.LEAD_TIME_DAYS, "10", "2026-03"), 1L)
                .doesNotContainKey(Counters.id(KOMMUNE, Metric.LEAD_TIME_DAYS, "49", "2026-04"));
    }

    @Test
    void keepsAnOpenReferralUnderAHashAndForgetsItWhenItLeavesTheBacklog() {
        String referral = UUID.randomUUID().toString();
        Changes opened = FigureProjection.project(List.of(EventMother.submitted(KOMMUNE, "a", referral, EventMother.at(2026, 3, 2))), Map.of());

        String key = CaseKeys.of(KOMMUNE, referral);
        assertThat(key).doesNotContain(referral).hasSize(64);
        assertThat(opened.cases()).containsOnlyKeys(key);
        CaseState state = opened.cases().get(key).orElseThrow();
        assertThat(state.toString()).doesNotContain(referral);
        assertThat(increments(opened)).containsEntry(Counters.id(KOMMUNE, Metric.OPEN_BACKLOG_BY_ARENA, "a", Counters.NOW), 1L);

        Changes closed = FigureProjection.project(List.of(EventMother.closed(KOMMUNE, "a", referral, EventMother.at(2026, 5, 2))),
                Map.of(key, state));
        assertThat(closed.cases()).containsEntry(key, Optional.empty());
        assertThat(increments(closed)).containsEntry(Counters.id(KOMMUNE, Metric.OPEN_BACKLOG_BY_ARENA, "a", Counters.NOW), -1L)
                .containsEntry(Counters.id(KOMMUNE, Metric.CLOSED_BY_ARENA, "a", "2026-05"), 1L);
    }

    @Test
    void aReferralThatNeverOpenedHereIsNoExitFromTheBacklog() {
        // Exits are published beside the backlog, so they count only cases that were open: what entered less what left is open.
        Changes changes = FigureProjection.project(List.of(
                EventMother.returned(KOMMUNE, "a", UUID.randomUUID().toString(), EventMother.at(2026, 2, 2))), Map.of());

        assertThat(increments(changes)).isEmpty();
    }

    @Test
    void anEscalatedCaseIsCountedOnceAsACaseAndMovesToTheBacklogOfTheArenaAbove() {
        String referral = UUID.randomUUID().toString();
        String continued = UUID.randomUUID().toString();
        ReferralSubmitted first = EventMother.submitted(KOMMUNE, "local", referral, EventMother.at(2026, 3, 2));
        Changes changes = FigureProjection.project(List.of(first,
                EventMother.escalated(KOMMUNE, "local", referral, "above", EventMother.at(2026, 3, 20)),
                EventMother.escalatedSubmission(first, continued, "above", EventMother.at(2026, 3, 20))), Map.of());

        assertThat(increments(changes))
                .containsEntry(Counters.id(KOMMUNE, Metric.REFERRALS_BY_ARENA, "local", "2026-03"), 1L)
                .doesNotContainKey(Counters.id(KOMMUNE, Metric.REFERRALS_BY_ARENA, "above", "2026-03"))
                .containsEntry(Counters.id(KOMMUNE, Metric.REFERRALS_BY_THEME, "ABSENCE", "2026-03"), 1L)
                .containsEntry(Counters.id(KOMMUNE, Metric.REFERRALS_BY_AGE_BAND, "6-12", "2026-03"), 1L)
                .containsEntry(Counters.id(KOMMUNE, Metric.ESCALATED_BY_ARENA, "local", "2026-03"), 1L)
                .containsEntry(Counters.id(KOMMUNE, Metric.ESCALATED_IN_BY_ARENA, "above", "2026-03"), 1L)
                .containsEntry(Counters.id(KOMMUNE, Metric.ESCALATION_ROUTES, "local>above", "2026-03"), 1L)
                .containsEntry(Counters.id(KOMMUNE, Metric.OPEN_BACKLOG_BY_ARENA, "above", Counters.NOW), 1L)
                .doesNotContainKey(Counters.id(KOMMUNE, Metric.OPEN_BACKLOG_BY_ARENA, "local", Counters.NOW));
    }

    @Test
    void aCodeOutsideItsClosedListIsCountedAsUnknownAndNeverStored() {
        Changes changes = FigureProjection.project(List.of(EventMother.submitted(KOMMUNE, "a", UUID.randomUUID().toString(),
                EventMother.at(2026, 3, 2), "7", "ELEV_KARI_NORDMANN", List.of("ABSENCE", "KARI_ER_LEI_SEG"), PreventionLevel.RED,
                DiscussionBasis.ANONYMOUS), EventMother.deviation(KOMMUNE, "KARI_BLE_GLEMT", EventMother.at(2026, 3, 4))), Map.of());

        assertThat(increments(changes))
                .containsEntry(Counters.id(KOMMUNE, Metric.REFERRALS_BY_UNIT_TYPE, Counters.UNKNOWN, "2026-03"), 1L)
                .containsEntry(Counters.id(KOMMUNE, Metric.REFERRALS_BY_AGE_BAND, Counters.UNKNOWN, "2026-03"), 1L)
                .containsEntry(Counters.id(KOMMUNE, Metric.REFERRALS_BY_THEME, Counters.UNKNOWN, "2026-03"), 1L)
                .containsEntry(Counters.id(KOMMUNE, Metric.REFERRALS_BY_THEME, "ABSENCE", "2026-03"), 1L)
                .containsEntry(Counters.id(KOMMUNE, Metric.DEVIATIONS_BY_CATEGORY, Counters.UNKNOWN, "2026-03"), 1L);
        assertThat(increments(changes).keySet()).noneMatch(id -> id.contains("KARI"));
    }

    @Test
    void countsLeadershipItemsFromBothSidesOfTheTransitionAsTheSingleTopicTruth() {
        List<DomainEvent> truth = LeadershipTransition.items(KOMMUNE, 2026, 80, 5L);
        List<DomainEvent> published = LeadershipTransition.acrossCutOver(truth, EventMother.at(2026, 6, 1));
        assertThat(published).anyMatch(event -> EventCatalogue.of(event).topic().equals(Topics.REFERRAL_EVENTS))
                .anyMatch(event -> EventCatalogue.of(event).topic().equals(Topics.LEADERSHIP_EVENTS));

        Map<String, Long> counted = increments(FigureProjection.project(published, Map.of()));

        assertThat(counted).isEqualTo(increments(FigureProjection.project(truth, Map.of())));
        long deviations = truth.stream().filter(event -> event instanceof LeadershipItemRegistered item
                && item.kind() == LeadershipItemKind.DEVIATION).count();
        assertThat(counted.entrySet().stream().filter(counter -> counter.getKey().contains("|" + Metric.DEVIATIONS_BY_CATEGORY + "|"))
                .mapToLong(Map.Entry::getValue).sum()).isEqualTo(deviations);
        // A leadership item is no referral: neither side of the transition asks for a referral's state.
        assertThat(FigureProjection.caseKeys(published)).isEmpty();
    }

    @Test
    void countsAnItemOnceWhenACopyOfItsRegistrationFollowsOrWasCountedBefore() {
        List<DomainEvent> truth = LeadershipTransition.items(KOMMUNE, 2026, 40, 8L);
        List<DomainEvent> historyThenCopy = new java.util.ArrayList<>(LeadershipTransition.acrossCutOver(truth, EventMother.at(2027, 1, 1)));
        historyThenCopy.addAll(truth);

        assertThat(increments(FigureProjection.project(historyThenCopy, Map.of())))
                .isEqualTo(increments(FigureProjection.project(truth, Map.of())));
        assertThat(increments(FigureProjection.project(truth, Map.of(), FigureProjection.itemKeys(truth)))).isEmpty();
    }

    @Test
    void countsMeetingsCancelledForLackOfCasesInTheMonthTheMeetingWasDue() {
        Changes changes = FigureProjection.project(List.of(
                EventMother.cancelled(KOMMUNE, "a", EventMother.at(2026, 9, 1), true),
                EventMother.minutes(KOMMUNE, "a", EventMother.at(2026, 9, 15), 2, 1)), Map.of());

        assertThat(increments(changes))
                .containsEntry(Counters.id(KOMMUNE, Metric.MEETINGS_CANCELLED_BY_ARENA, "a", "2026-09"), 1L)
                .containsEntry(Counters.id(KOMMUNE, Metric.MEETINGS_CANCELLED_NO_CASES_BY_ARENA, "a", "2026-09"), 1L)
                .containsEntry(Counters.id(KOMMUNE, Metric.MEETINGS_HELD_BY_ARENA, "a", "2026-09"), 1L)
                .containsEntry(Counters.id(KOMMUNE, Metric.MINUTES_ITEMS_WITHOUT_ASSIGNMENT_BY_ARENA, "a", "2026-09"), 1L);
    }

    @Test
    void storesNoIdentifierOfAPersonOrReferralInAnyCounter() {
        List<DomainEvent> year = EventMother.year(KOMMUNE, 2026, 200, 4, 3L);
        Changes changes = FigureProjection.project(year, Map.of());
        List<String> identifiers = year.stream().flatMap(event -> java.util.stream.Stream.of(event.aggregateId(), event.eventId().toString()))
                .filter(id -> !id.startsWith("arena-")).toList();

        for (Changes.Increment increment : changes.increments()) {
            assertThat(identifiers).doesNotContain(increment.key());
        }
    }

    private static Map<String, Long> increments(Changes changes) {
        Map<String, Long> increments = new HashMap<>();
        changes.increments().forEach(increment -> increments.put(increment.id(), increment.delta()));
        return increments;
    }
}
