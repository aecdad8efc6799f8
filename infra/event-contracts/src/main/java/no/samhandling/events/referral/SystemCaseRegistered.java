package no.samhandling.events.referral;

import java.time.Instant;
import java.util.UUID;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventType;
import no.samhandling.events.Events;

/**
 * A system-level case (about routines, trends or services, not a child) was registered for the
 * leaders' agenda. The aggregate id is the system case id.
 *
 * <p>History: referral-service no longer writes it. Since leadership items moved to
 * {@code leadership.events} it writes
 * {@link no.samhandling.events.leadership.LeadershipItemRegistered}
 * instead; this type stays to read the records already on {@code referral.events}, as
 * {@link no.samhandling.events.leadership.FormerLeadershipEvents} does.
 *
 * @param categoryCode what it concerns, such as {@code ROUTINES} or {@code COMPETENCE}
 * @param arenaId the arena it was raised in, if any
 */
@EventType("referral.system-case-registered.v1")
public record SystemCaseRegistered(
        UUID eventId,
        Instant occurredAt,
        String municipality,
        String aggregateId,
        String categoryCode,
        String arenaId) implements DomainEvent {

    public SystemCaseRegistered {
        Events.requireEnvelope(eventId, occurredAt, municipality, aggregateId);
        Events.requireCode(categoryCode, "categoryCode");
    }
}
