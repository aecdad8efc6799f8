package no.samhandling.events.referral;

import java.time.Instant;
import java.util.UUID;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventType;
import no.samhandling.events.Events;

/**
 * The leaders followed up a system-level case; the note itself stays in referral-service. The
 * aggregate id is the system case id.
 *
 * <p>History: referral-service no longer writes it. Since leadership items moved to
 * {@code leadership.events} it writes
 * {@link no.samhandling.events.leadership.LeadershipItemFollowedUp}
 * instead; this type stays to read the records already on {@code referral.events}, as
 * {@link no.samhandling.events.leadership.FormerLeadershipEvents} does.
 *
 * @param categoryCode the case's category, such as {@code ARENA_GAP}
 * @param arenaId the arena the case concerns, if any
 * @param followUpNumber 1 for the case's first follow-up, 2 for the second, and so on
 */
@EventType("referral.system-case-followed-up.v1")
public record SystemCaseFollowedUp(
        UUID eventId,
        Instant occurredAt,
        String municipality,
        String aggregateId,
        String categoryCode,
        String arenaId,
        int followUpNumber) implements DomainEvent {

    public SystemCaseFollowedUp {
        Events.requireEnvelope(eventId, occurredAt, municipality, aggregateId);
        Events.requireCode(categoryCode, "categoryCode");
        if (followUpNumber < 1) {
            throw new IllegalArgumentException("followUpNumber must be at least 1");
        }
    }
}
