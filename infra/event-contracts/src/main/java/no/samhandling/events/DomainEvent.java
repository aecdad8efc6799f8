package no.samhandling.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A fact that happened to one aggregate in one municipality.
 *
 * <p>Implementations are immutable records annotated with {@link EventType}. Events never carry
 * plaintext personal data: subjects are referred to by opaque internal ids only.
 */
public interface DomainEvent {

    /** Unique id of this occurrence; consumers deduplicate on it. */
    UUID eventId();

    Instant occurredAt();

    /** Kommunenummer of the owning municipality (four digits), the tenant. */
    String municipality();

    /** Id of the aggregate the event belongs to; the Kafka record key. */
    String aggregateId();
}
