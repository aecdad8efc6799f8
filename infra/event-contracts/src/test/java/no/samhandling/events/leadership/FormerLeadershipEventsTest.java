package no.samhandling.events.leadership;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventCatalogue;
import no.samhandling.events.GoldenFixtures;
import no.samhandling.events.Topics;

/** Every former deviation and system-case type on referral.events reads as the leadership-item event that replaced it. */
class FormerLeadershipEventsTest {

    @ParameterizedTest
    @CsvSource({
            "referral.deviation-reported.v1, leadership.item-registered.v1, DEVIATION",
            "referral.deviation-recategorised.v1, leadership.item-recategorised.v1, DEVIATION",
            "referral.deviation-followed-up.v1, leadership.item-followed-up.v1, DEVIATION",
            "referral.deviation-closed.v1, leadership.item-closed.v1, DEVIATION",
            "referral.system-case-registered.v1, leadership.item-registered.v1, SYSTEM_CASE",
            "referral.system-case-followed-up.v1, leadership.item-followed-up.v1, SYSTEM_CASE",
            "referral.system-case-closed.v1, leadership.item-closed.v1, SYSTEM_CASE"})
    void aFormerEventBecomesItsReplacementWithTheSameIdTimeAndItem(String former, String replacement, LeadershipItemKind kind) {
        DomainEvent event = GoldenFixtures.event(former);

        DomainEvent current = FormerLeadershipEvents.asLeadershipItemEvent(event);

        assertThat(EventCatalogue.of(current).type()).isEqualTo(replacement);
        assertThat(EventCatalogue.of(current).topic()).isEqualTo(Topics.LEADERSHIP_EVENTS);
        assertThat(current.eventId()).isEqualTo(event.eventId());
        assertThat(current.occurredAt()).isEqualTo(event.occurredAt());
        assertThat(current.municipality()).isEqualTo(event.municipality());
        assertThat(current.aggregateId()).isEqualTo(event.aggregateId());
        assertThat(kindOf(current)).isEqualTo(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"referral.submitted.v1", "arena.registered.v1", "leadership.item-registered.v1", "consent.granted.v1"})
    void anyOtherEventIsLeftAsItIs(String type) {
        DomainEvent event = GoldenFixtures.event(type);

        assertThat(FormerLeadershipEvents.asLeadershipItemEvent(event)).isSameAs(event);
    }

    private static LeadershipItemKind kindOf(DomainEvent event) {
        return switch (event) {
            case LeadershipItemRegistered e -> e.kind();
            case LeadershipItemRecategorised e -> e.kind();
            case LeadershipItemFollowedUp e -> e.kind();
            case LeadershipItemClosed e -> e.kind();
            default -> throw new AssertionError(event);
        };
    }
}
