package no.samhandling.events.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventType;
import no.samhandling.events.Events;

/**
 * A referral was discussed in a meeting.
 *
 * @param outcomeCode the decision, such as {@code RESPONSIBILITY_ASSIGNED} or {@code NO_FURTHER_ACTION}
 * @param hasResponsibilityAssignment whether who-does-what was agreed in writing
 * @param followUpDate when the arena looks at the case again, if it does
 */
@EventType("referral.discussed.v1")
public record ReferralDiscussed(
        UUID eventId,
        Instant occurredAt,
        String municipality,
        String aggregateId,
        String arenaId,
        String meetingId,
        String outcomeCode,
        boolean hasResponsibilityAssignment,
        LocalDate followUpDate) implements DomainEvent {

    public ReferralDiscussed {
        Events.requireEnvelope(eventId, occurredAt, municipality, aggregateId);
        Objects.requireNonNull(arenaId, "arenaId");
        Objects.requireNonNull(meetingId, "meetingId");
        Events.requireCode(outcomeCode, "outcomeCode");
    }
}
