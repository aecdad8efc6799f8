package no.samhandling.events.arena;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventType;
import no.samhandling.events.Events;

/**
 * A user became a member of an arena, which gives them need-to-know access to its cases.
 *
 * @param party code of the service the member represents, such as {@code HEALTH_STATION}
 */
@EventType("arena.member-joined.v1")
public record MemberJoined(
        UUID eventId,
        Instant occurredAt,
        String municipality,
        String aggregateId,
        String userId,
        String party,
        MemberRole role) implements DomainEvent {

    public MemberJoined {
        Events.requireEnvelope(eventId, occurredAt, municipality, aggregateId);
        Objects.requireNonNull(userId, "userId");
        Events.requireCode(party, "party");
        Objects.requireNonNull(role, "role");
    }
}
