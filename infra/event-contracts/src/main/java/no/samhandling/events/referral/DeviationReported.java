package no.samhandling.events.referral;

import java.time.Instant;
import java.util.UUID;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventType;
import no.samhandling.events.Events;

/**
 * A deviation report: identification or follow-up of a child failed somewhere. The aggregate id
 * is the deviation id; the report's text stays in referral-service.
 *
 * @param categoryCode what failed, such as {@code MISSED_FOLLOW_UP}
 * @param unitType code of the kind of unit reporting, such as {@code SCHOOL}
 */
@EventType("referral.deviation-reported.v1")
public record DeviationReported(
        UUID eventId,
        Instant occurredAt,
        String municipality,
        String aggregateId,
        String categoryCode,
        String unitType) implements DomainEvent {

    public DeviationReported {
        Events.requireEnvelope(eventId, occurredAt, municipality, aggregateId);
        Events.requireCode(categoryCode, "categoryCode");
        Events.requireCode(unitType, "unitType");
    }
}
