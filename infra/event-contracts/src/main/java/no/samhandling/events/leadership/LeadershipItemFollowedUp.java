package no.samhandling.events.leadership;

import java.time.Instant;
import java.util.UUID;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventType;
import no.samhandling.events.Events;

/**
 * A leader recorded a follow-up of an open leadership item; the follow-up's text stays in referral-service.
 *
 * @param followUpNumber 1 for the item's first follow-up, counting up
 */
@EventType("leadership.item-followed-up.v1")
public record LeadershipItemFollowedUp(
        UUID eventId,
        Instant occurredAt,
        String municipality,
        String aggregateId,
        LeadershipItemKind kind,
        String categoryCode,
        String unitType,
        String arenaId,
        int followUpNumber) implements DomainEvent {

    public LeadershipItemFollowedUp {
        Events.requireEnvelope(eventId, occurredAt, municipality, aggregateId);
        LeadershipItems.requireItem(kind, categoryCode, unitType);
        if (followUpNumber < 1) {
            throw new IllegalArgumentException("followUpNumber must be at least 1");
        }
    }
}
