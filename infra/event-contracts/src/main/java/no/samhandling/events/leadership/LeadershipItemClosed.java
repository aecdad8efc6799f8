package no.samhandling.events.leadership;

import java.time.Instant;
import java.util.UUID;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventType;
import no.samhandling.events.Events;

/**
 * A leader closed a leadership item with what was done about it.
 *
 * @param actionCode what was done, such as {@code ROUTINE_CHANGED}
 */
@EventType("leadership.item-closed.v1")
public record LeadershipItemClosed(
        UUID eventId,
        Instant occurredAt,
        String municipality,
        String aggregateId,
        LeadershipItemKind kind,
        String categoryCode,
        String unitType,
        String arenaId,
        String actionCode) implements DomainEvent {

    public LeadershipItemClosed {
        Events.requireEnvelope(eventId, occurredAt, municipality, aggregateId);
        LeadershipItems.requireItem(kind, categoryCode, unitType);
        Events.requireCode(actionCode, "actionCode");
    }
}
