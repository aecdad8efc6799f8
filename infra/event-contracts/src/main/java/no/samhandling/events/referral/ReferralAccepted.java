package no.samhandling.events.referral;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventType;
import no.samhandling.events.Events;

/** The arena coordinator accepted a referral into the arena. */
@EventType("referral.accepted.v1")
public record ReferralAccepted(
        UUID eventId,
        Instant occurredAt,
        String municipality,
        String aggregateId,
        String arenaId,
        String acceptedByUserId) implements DomainEvent {

    public ReferralAccepted {
        Events.requireEnvelope(eventId, occurredAt, municipality, aggregateId);
        Objects.requireNonNull(arenaId, "arenaId");
        Objects.requireNonNull(acceptedByUserId, "acceptedByUserId");
    }
}
