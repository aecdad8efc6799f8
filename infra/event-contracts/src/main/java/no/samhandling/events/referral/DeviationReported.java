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
 * <p>History: referral-service no longer writes it. Since leadership items moved to
 * {@code leadership.events} it writes
 * {@link no.samhandling.events.leadership.LeadershipItemRegistered}
 * instead; this type stays to read the records already on {@code referral.events}, as
 * {@link no.samhandling.events.leadership.FormerLeadershipEvents} does.
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
