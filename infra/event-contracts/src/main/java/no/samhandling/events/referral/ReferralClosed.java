package no.samhandling.events.referral;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventType;
import no.samhandling.events.Events;

/**
 * A referral's follow-up ended.
 *
 * @param reasonCode why, such as {@code FOLLOW_UP_COMPLETED} or {@code TRANSFERRED_TO_RESPONSIBILITY_GROUP}
 */
@EventType("referral.closed.v1")
public record ReferralClosed(
        UUID eventId,
        Instant occurredAt,
        String municipality,
        String aggregateId,
        String arenaId,
        String reasonCode) implements DomainEvent {

    public ReferralClosed {
        Events.requireEnvelope(eventId, occurredAt, municipality, aggregateId);
        Objects.requireNonNull(arenaId, "arenaId");
        Events.requireCode(reasonCode, "reasonCode");
    }
}
