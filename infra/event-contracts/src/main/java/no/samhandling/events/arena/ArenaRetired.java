package no.samhandling.events.arena;

import java.time.Instant;
import java.util.UUID;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventType;
import no.samhandling.events.Events;

/**
 * An arena left the catalogue and takes no new cases.
 *
 * @param replacementArenaId the arena that takes over its mandate, if any, so that open cases can be redirected
 */
@EventType("arena.retired.v1")
public record ArenaRetired(
        UUID eventId,
        Instant occurredAt,
        String municipality,
        String aggregateId,
        String replacementArenaId) implements DomainEvent {

    public ArenaRetired {
        Events.requireEnvelope(eventId, occurredAt, municipality, aggregateId);
    }
}
