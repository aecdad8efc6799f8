package no.samhandling.events.leadership;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.referral.DeviationClosed;
import no.samhandling.events.referral.DeviationFollowedUp;
import no.samhandling.events.referral.DeviationRecategorised;
import no.samhandling.events.referral.DeviationReported;
import no.samhandling.events.referral.SystemCaseClosed;
import no.samhandling.events.referral.SystemCaseFollowedUp;
import no.samhandling.events.referral.SystemCaseRegistered;

/**
 * The transition's one translation. Before {@code leadership.events}, referral-service wrote the
 * leaders' registers to {@code referral.events} as seven types of their own
 * ({@code referral.deviation-*}, {@code referral.system-case-*}); those records stay there as history.
 * A consumer that reads both topics hands every event through {@link #asLeadershipItemEvent} and then
 * knows only the leadership-item model: a former event becomes the leadership-item event that replaced
 * it, with the same event id, time, municipality and item id, and the kind its register implies (a
 * former deviation names no arena, a former system case no unit type, as they never did). Any other
 * event is returned as it is.
 *
 * <p>Each item was written on one topic per step: referral-service switched every type at once, so an
 * item registered on {@code referral.events} has no second registration on {@code leadership.events},
 * and a consumer that counts registrations counts each item once.
 */
public final class FormerLeadershipEvents {

    public static DomainEvent asLeadershipItemEvent(DomainEvent event) {
        LeadershipItemKind deviation = LeadershipItemKind.DEVIATION;
        LeadershipItemKind systemCase = LeadershipItemKind.SYSTEM_CASE;
        return switch (event) {
            case DeviationReported e -> new LeadershipItemRegistered(e.eventId(), e.occurredAt(), e.municipality(), e.aggregateId(),
                    deviation, e.categoryCode(), e.unitType(), null);
            case DeviationRecategorised e -> new LeadershipItemRecategorised(e.eventId(), e.occurredAt(), e.municipality(),
                    e.aggregateId(), deviation, e.categoryCode(), e.previousCategoryCode(), e.unitType(), null);
            case DeviationFollowedUp e -> new LeadershipItemFollowedUp(e.eventId(), e.occurredAt(), e.municipality(), e.aggregateId(),
                    deviation, e.categoryCode(), e.unitType(), null, e.followUpNumber());
            case DeviationClosed e -> new LeadershipItemClosed(e.eventId(), e.occurredAt(), e.municipality(), e.aggregateId(),
                    deviation, e.categoryCode(), e.unitType(), null, e.actionCode());
            case SystemCaseRegistered e -> new LeadershipItemRegistered(e.eventId(), e.occurredAt(), e.municipality(), e.aggregateId(),
                    systemCase, e.categoryCode(), null, e.arenaId());
            case SystemCaseFollowedUp e -> new LeadershipItemFollowedUp(e.eventId(), e.occurredAt(), e.municipality(), e.aggregateId(),
                    systemCase, e.categoryCode(), null, e.arenaId(), e.followUpNumber());
            case SystemCaseClosed e -> new LeadershipItemClosed(e.eventId(), e.occurredAt(), e.municipality(), e.aggregateId(),
                    systemCase, e.categoryCode(), null, e.arenaId(), e.actionCode());
            default -> event;
        };
    }

    private FormerLeadershipEvents() {
    }
}
