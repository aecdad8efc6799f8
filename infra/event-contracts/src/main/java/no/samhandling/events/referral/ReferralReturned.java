package no.samhandling.events.referral;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventType;
import no.samhandling.events.Events;

/**
 * The arena coordinator sent a referral back to the referrer.
 *
 * @param reasonCode why, such as {@code MEASURES_NOT_TRIED} or {@code WRONG_ARENA}; explanations
 *        to the referrer stay in referral-service
 */
@EventType("referral.returned.v1")
public record ReferralReturned(
        UUID eventId,
        Instant occurredAt,
        String municipality,
        String aggregateId,
        String arenaId,
        String reasonCode,
        String returnedByUserId) implements DomainEvent {

    public ReferralReturned {
        Events.requireEnvelope(eventId, occurredAt, municipality, aggregateId);
        Objects.requireNonNull(arenaId, "arenaId");
        Events.requireCode(reasonCode, "reasonCode");
        Objects.requireNonNull(returnedByUserId, "returnedByUserId");
    }
}
