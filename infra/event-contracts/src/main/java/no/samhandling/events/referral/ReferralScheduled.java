package no.samhandling.events.referral;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventType;
import no.samhandling.events.Events;

/** A referral was put on the agenda of one of its arena's meetings. */
@EventType("referral.scheduled.v1")
public record ReferralScheduled(
        UUID eventId,
        Instant occurredAt,
        String municipality,
        String aggregateId,
        String arenaId,
        String meetingId) implements DomainEvent {

    public ReferralScheduled {
        Events.requireEnvelope(eventId, occurredAt, municipality, aggregateId);
        Objects.requireNonNull(arenaId, "arenaId");
        Objects.requireNonNull(meetingId, "meetingId");
    }
}
