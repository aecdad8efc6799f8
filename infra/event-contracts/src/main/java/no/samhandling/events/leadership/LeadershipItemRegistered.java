package no.samhandling.events.leadership;

import java.time.Instant;
import java.util.UUID;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventType;
import no.samhandling.events.Events;

/**
 * A leadership item was registered: a deviation reported or a system case raised. The aggregate id
 * is the item id (the same id the old {@code referral.deviation-*} or {@code referral.system-case-*}
 * events carried, so that a consumer reading both topics over the transition sees one item); the
 * item's text stays in referral-service.
 *
 * @param kind         which register it belongs to
 * @param categoryCode what failed or what it concerns, such as {@code MISSED_FOLLOW_UP} or {@code ROUTINES}
 * @param unitType     code of the kind of unit reporting a deviation, such as {@code SCHOOL}; absent for a system case
 * @param arenaId      the arena a system case was raised in, if any
 */
@EventType("leadership.item-registered.v1")
public record LeadershipItemRegistered(
        UUID eventId,
        Instant occurredAt,
        String municipality,
        String aggregateId,
        LeadershipItemKind kind,
        String categoryCode,
        String unitType,
        String arenaId) implements DomainEvent {

    public LeadershipItemRegistered {
        Events.requireEnvelope(eventId, occurredAt, municipality, aggregateId);
        LeadershipItems.requireItem(kind, categoryCode, unitType);
    }
}
