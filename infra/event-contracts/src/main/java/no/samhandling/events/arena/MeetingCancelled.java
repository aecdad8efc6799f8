package no.samhandling.events.arena;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventType;
import no.samhandling.events.Events;

/**
 * A meeting was called off. Carries the original start and the participants so that a
 * cancellation notice can be sent from this event alone.
 *
 * @param reasonCode why, such as {@code NO_CASES_REGISTERED} or {@code COORDINATOR_ABSENT}
 * @param noCasesRegistered whether it was cancelled because no case was registered for it, which
 *        some arenas do by rule and the leaders' reports count
 * @param sequence the calendar SEQUENCE of the cancellation
 */
@EventType("arena.meeting-cancelled.v1")
public record MeetingCancelled(
        UUID eventId,
        Instant occurredAt,
        String municipality,
        String aggregateId,
        String arenaId,
        Instant startsAt,
        String reasonCode,
        boolean noCasesRegistered,
        List<String> participantUserIds,
        int sequence) implements DomainEvent {

    public MeetingCancelled {
        Events.requireEnvelope(eventId, occurredAt, municipality, aggregateId);
        Objects.requireNonNull(arenaId, "arenaId");
        Objects.requireNonNull(startsAt, "startsAt");
        Events.requireCode(reasonCode, "reasonCode");
        MeetingTimes.checkSequence(sequence, 1);
        participantUserIds = participantUserIds == null ? List.of() : List.copyOf(participantUserIds);
    }
}
