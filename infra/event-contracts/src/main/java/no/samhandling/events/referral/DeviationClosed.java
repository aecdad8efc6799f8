package no.samhandling.events.referral;

import java.time.Instant;
import java.util.UUID;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventType;
import no.samhandling.events.Events;

/**
 * The leaders closed a deviation report. What they did is a code here; their own account of it
 * stays in referral-service. The aggregate id is the deviation id.
 *
 * <p>History: referral-service no longer writes it. Since leadership items moved to
 * {@code leadership.events} it writes
 * {@link no.samhandling.events.leadership.LeadershipItemClosed}
 * instead; this type stays to read the records already on {@code referral.events}, as
 * {@link no.samhandling.events.leadership.FormerLeadershipEvents} does.
 *
 * @param categoryCode the report's category, such as {@code MISSED_FOLLOW_UP}
 * @param unitType code of the kind of unit that reported it, such as {@code SCHOOL}
 * @param actionCode what was done, such as {@code ROUTINE_CLARIFIED} or {@code TRAINING_GIVEN}
 */
@EventType("referral.deviation-closed.v1")
public record DeviationClosed(
        UUID eventId,
        Instant occurredAt,
        String municipality,
        String aggregateId,
        String categoryCode,
        String unitType,
        String actionCode) implements DomainEvent {

    public DeviationClosed {
        Events.requireEnvelope(eventId, occurredAt, municipality, aggregateId);
        Events.requireCode(categoryCode, "categoryCode");
        Events.requireCode(unitType, "unitType");
        Events.requireCode(actionCode, "actionCode");
    }
}
