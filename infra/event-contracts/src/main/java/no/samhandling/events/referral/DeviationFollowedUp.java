package no.samhandling.events.referral;

import java.time.Instant;
import java.util.UUID;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventType;
import no.samhandling.events.Events;

/**
 * The leaders followed up a deviation report; the note itself stays in referral-service. The
 * aggregate id is the deviation id.
 *
 * <p>History: referral-service no longer writes it. Since leadership items moved to
 * {@code leadership.events} it writes
 * {@link no.samhandling.events.leadership.LeadershipItemFollowedUp}
 * instead; this type stays to read the records already on {@code referral.events}, as
 * {@link no.samhandling.events.leadership.FormerLeadershipEvents} does.
 *
 * @param categoryCode the report's category, such as {@code MISSED_FOLLOW_UP}
 * @param unitType code of the kind of unit that reported it, such as {@code SCHOOL}
 * @param followUpNumber 1 for the report's first follow-up, 2 for the second, and so on
 */
@EventType("referral.deviation-followed-up.v1")
public record DeviationFollowedUp(
        UUID eventId,
        Instant occurredAt,
        String municipality,
        String aggregateId,
        String categoryCode,
        String unitType,
        int followUpNumber) implements DomainEvent {

    public DeviationFollowedUp {
        Events.requireEnvelope(eventId, occurredAt, municipality, aggregateId);
        Events.requireCode(categoryCode, "categoryCode");
        Events.requireCode(unitType, "unitType");
        if (followUpNumber < 1) {
            throw new IllegalArgumentException("followUpNumber must be at least 1");
        }
    }
}
