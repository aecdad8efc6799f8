package no.samhandling.events.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventType;
import no.samhandling.events.Events;

/**
 * A granted consent was narrowed: it now covers only the arenas, services and period named here,
 * which are never wider than before. Whatever falls outside must stop using the child's personal
 * data at once, as after a withdrawal; whatever stays inside goes on under the same consent.
 * The aggregate id is the consent id.
 *
 * @param arenaIds the arenas still covered, at least one
 * @param parties codes of the services that may still share information
 * @param validTo the last day the consent now holds, or null when it still holds until withdrawn
 */
@EventType("consent.limited.v1")
public record ConsentLimited(
        UUID eventId,
        Instant occurredAt,
        String municipality,
        String aggregateId,
        String subjectId,
        List<String> arenaIds,
        List<String> parties,
        String purposeCode,
        LocalDate validTo) implements DomainEvent {

    public ConsentLimited {
        Events.requireEnvelope(eventId, occurredAt, municipality, aggregateId);
        Objects.requireNonNull(subjectId, "subjectId");
        arenaIds = arenaIds == null ? List.of() : List.copyOf(arenaIds);
        if (arenaIds.isEmpty()) {
            throw new IllegalArgumentException("a consent covers at least one arena");
        }
        parties = Events.copyCodes(parties, "parties");
        Events.requireCode(purposeCode, "purposeCode");
    }
}
