package no.samhandling.events.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventType;
import no.samhandling.events.Events;

/**
 * A time-limited consent ran out. The aggregate id is the consent id.
 *
 * @param validTo the last day the consent held
 */
@EventType("consent.expired.v1")
public record ConsentExpired(
        UUID eventId,
        Instant occurredAt,
        String municipality,
        String aggregateId,
        String subjectId,
        LocalDate validTo) implements DomainEvent {

    public ConsentExpired {
        Events.requireEnvelope(eventId, occurredAt, municipality, aggregateId);
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(validTo, "validTo");
    }
}
