package no.samhandling.events.referral;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventType;
import no.samhandling.events.Events;

/**
 * A referral was passed on to a higher arena, for example from a local team to the discussion
 * team. The target arena gets a new referral; this one ends here.
 *
 * @param newReferralId the referral created in the target arena
 */
@EventType("referral.escalated.v1")
public record ReferralEscalated(
        UUID eventId,
        Instant occurredAt,
        String municipality,
        String aggregateId,
        String arenaId,
        String targetArenaId,
        String newReferralId) implements DomainEvent {

    public ReferralEscalated {
        Events.requireEnvelope(eventId, occurredAt, municipality, aggregateId);
        Objects.requireNonNull(arenaId, "arenaId");
        Objects.requireNonNull(targetArenaId, "targetArenaId");
        Objects.requireNonNull(newReferralId, "newReferralId");
        if (targetArenaId.equals(arenaId)) {
            throw new IllegalArgumentException("a referral is escalated to another arena");
        }
    }
}
