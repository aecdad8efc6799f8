package no.samhandling.events.leadership;

import java.time.Instant;
import java.util.UUID;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventType;
import no.samhandling.events.Events;

/**
 * A leader moved an open leadership item to another category, so figures by category follow it.
 *
 * @param categoryCode         the category it has now
 * @param previousCategoryCode the category it had, never the same
 */
@EventType("leadership.item-recategorised.v1")
public record LeadershipItemRecategorised(
        UUID eventId,
        Instant occurredAt,
        String municipality,
        String aggregateId,
        LeadershipItemKind kind,
        String categoryCode,
        String previousCategoryCode,
        String unitType,
        String arenaId) implements DomainEvent {

    public LeadershipItemRecategorised {
        Events.requireEnvelope(eventId, occurredAt, municipality, aggregateId);
        LeadershipItems.requireItem(kind, categoryCode, unitType);
        Events.requireCode(previousCategoryCode, "previousCategoryCode");
        if (categoryCode.equals(previousCategoryCode)) {
            throw new IllegalArgumentException("categoryCode must differ from previousCategoryCode");
        }
    }
}
