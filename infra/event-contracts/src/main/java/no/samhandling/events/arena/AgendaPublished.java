package no.samhandling.events.arena;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventType;
import no.samhandling.events.Events;

/**
 * A meeting's agenda was published to its participants. The aggregate id is the meeting id.
 * Publishing again replaces the earlier agenda.
 *
 * @param referralIds the referrals to be discussed, in agenda order
 */
@EventType("arena.agenda-published.v1")
public record AgendaPublished(
        UUID eventId,
        Instant occurredAt,
        String municipality,
        String aggregateId,
        String arenaId,
        List<String> referralIds) implements DomainEvent {

    public AgendaPublished {
        Events.requireEnvelope(eventId, occurredAt, municipality, aggregateId);
        Objects.requireNonNull(arenaId, "arenaId");
        referralIds = referralIds == null ? List.of() : List.copyOf(referralIds);
    }
}
