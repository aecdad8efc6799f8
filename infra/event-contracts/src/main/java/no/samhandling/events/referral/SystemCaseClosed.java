package no.samhandling.events.referral;

import java.time.Instant;
import java.util.UUID;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventType;
import no.samhandling.events.Events;

/**
 * The leaders closed a system-level case. What they did is a code here; their own account of it
 * stays in referral-service. The aggregate id is the system case id.
 *
 * <p>History: referral-service no longer writes it. Since leadership items moved to
 * {@code leadership.events} it writes
 * {@link no.samhandling.events.leadership.LeadershipItemClosed}
 * instead; this type stays to read the records already on {@code referral.events}, as
 * {@link no.samhandling.events.leadership.FormerLeadershipEvents} does.
 *
 * @param categoryCode the case's category, such as {@code CAPACITY}
 * @param arenaId the arena the case concerns, if any
 * @param actionCode what was done, such as {@code ROUTINE_CHANGED} or {@code ARENA_ESTABLISHED}
 */
@EventType("referral.system-case-closed.v1")
public record SystemCaseClosed(
        UUID eventId,
        Instant occurredAt,
        String municipality,
        String aggregateId,
        String categoryCode,
        String arenaId,
        String actionCode) implements DomainEvent {

    public SystemCaseClosed {
        Events.requireEnvelope(eventId, occurredAt, municipality, aggregateId);
        Events.requireCode(categoryCode, "categoryCode");
        Events.requireCode(actionCode, "actionCode");
    }
}
