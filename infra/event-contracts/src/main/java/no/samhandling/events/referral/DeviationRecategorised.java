package no.samhandling.events.referral;

import java.time.Instant;
import java.util.UUID;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventType;
import no.samhandling.events.Events;

/**
 * The leaders put a deviation report in another category than the reporter chose. The aggregate
 * id is the deviation id.
 *
 * <p>History: referral-service no longer writes it. Since leadership items moved to
 * {@code leadership.events} it writes
 * {@link no.samhandling.events.leadership.LeadershipItemRecategorised}
 * instead; this type stays to read the records already on {@code referral.events}, as
 * {@link no.samhandling.events.leadership.FormerLeadershipEvents} does.
 *
 * @param categoryCode the category from now on, such as {@code SHARED_WITHOUT_CONSENT}
 * @param previousCategoryCode the category it had until now
 * @param unitType code of the kind of unit that reported it, such as {@code SCHOOL}
 */
@EventType("referral.deviation-recategorised.v1")
public record DeviationRecategorised(
        UUID eventId,
        Instant occurredAt,
        String municipality,
        String aggregateId,
        String categoryCode,
        String previousCategoryCode,
        String unitType) implements DomainEvent {

    public DeviationRecategorised {
        Events.requireEnvelope(eventId, occurredAt, municipality, aggregateId);
        Events.requireCode(categoryCode, "categoryCode");
        Events.requireCode(previousCategoryCode, "previousCategoryCode");
        Events.requireCode(unitType, "unitType");
        if (categoryCode.equals(previousCategoryCode)) {
            throw new IllegalArgumentException("categoryCode must differ from previousCategoryCode");
        }
    }
}
