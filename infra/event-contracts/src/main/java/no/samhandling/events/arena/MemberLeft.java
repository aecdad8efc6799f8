package no.samhandling.events.arena;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventType;
import no.samhandling.events.Events;

/** A user stopped being a member of an arena and loses access to its cases. */
@EventType("arena.member-left.v1")
public record MemberLeft(
        UUID eventId,
        Instant occurredAt,
        String municipality,
        String aggregateId,
        String userId) implements DomainEvent {

    public MemberLeft {
        Events.requireEnvelope(eventId, occurredAt, municipality, aggregateId);
        Objects.requireNonNull(userId, "userId");
    }
}
