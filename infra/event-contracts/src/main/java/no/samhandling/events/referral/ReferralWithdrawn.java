package no.samhandling.events.referral;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventType;
import no.samhandling.events.Events;

/** A referral was withdrawn before the arena finished with it. */
@EventType("referral.withdrawn.v1")
public record ReferralWithdrawn(
        UUID eventId,
        Instant occurredAt,
        String municipality,
        String aggregateId,
        String arenaId,
        WithdrawingParty withdrawnBy) implements DomainEvent {

    public ReferralWithdrawn {
        Events.requireEnvelope(eventId, occurredAt, municipality, aggregateId);
        Objects.requireNonNull(arenaId, "arenaId");
        Objects.requireNonNull(withdrawnBy, "withdrawnBy");
    }
}
