package no.samhandling.events.arena;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventType;
import no.samhandling.events.Events;

/**
 * A meeting's minutes were approved. The aggregate id is the meeting id. The minutes' text stays
 * in arena-service; the event carries the structured outcome per agenda item.
 *
 * @param itemsWithoutAssignment how many items ended without a written responsibility assignment,
 *        which the leaders follow up; must agree with {@code items}
 */
@EventType("arena.minutes-recorded.v1")
public record MinutesRecorded(
        UUID eventId,
        Instant occurredAt,
        String municipality,
        String aggregateId,
        String arenaId,
        List<MinutesItem> items,
        int itemsWithoutAssignment) implements DomainEvent {

    public MinutesRecorded {
        Events.requireEnvelope(eventId, occurredAt, municipality, aggregateId);
        Objects.requireNonNull(arenaId, "arenaId");
        items = items == null ? List.of() : List.copyOf(items);
        long counted = items.stream().filter(item -> !item.hasResponsibilityAssignment()).count();
        if (itemsWithoutAssignment != counted) {
            throw new IllegalArgumentException("itemsWithoutAssignment does not match the items");
        }
    }
}
