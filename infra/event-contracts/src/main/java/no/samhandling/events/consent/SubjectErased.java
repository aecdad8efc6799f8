package no.samhandling.events.consent;

import java.time.Instant;
import java.util.UUID;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventType;
import no.samhandling.events.Events;

/**
 * A child's personal data was erased: the subject's key is destroyed, so everything encrypted
 * with it, Kafka topics included, is unreadable. The aggregate id is the child's topic id, the id
 * it went by on every topic (see {@link ConsentGranted#subjectId()}); consent-service forgets it
 * as it publishes this, so after erasure the records that carry it lead to no child. Children
 * registered before topic ids went by their subject id there, and are erased under it.
 */
@EventType("consent.subject-erased.v1")
public record SubjectErased(
        UUID eventId,
        Instant occurredAt,
        String municipality,
        String aggregateId) implements DomainEvent {

    public SubjectErased {
        Events.requireEnvelope(eventId, occurredAt, municipality, aggregateId);
    }
}
