package no.samhandling.events.consent;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventType;
import no.samhandling.events.Events;

/**
 * A consent was withdrawn. Referrals under it must stop using the child's personal data at once.
 * The aggregate id is the consent id.
 */
@EventType("consent.withdrawn.v1")
public record ConsentWithdrawn(
        UUID eventId,
        Instant occurredAt,
        String municipality,
        String aggregateId,
        String subjectId,
        ConsentWithdrawer withdrawnBy) implements DomainEvent {

    public ConsentWithdrawn {
        Events.requireEnvelope(eventId, occurredAt, municipality, aggregateId);
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(withdrawnBy, "withdrawnBy");
    }
}
