package no.samhandling.events.arena;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventType;
import no.samhandling.events.Events;

/**
 * A meeting's time, place or participants changed. Carries the whole new state so that an
 * updated calendar invitation can be sent from this event alone.
 *
 * @param sequence the calendar SEQUENCE, higher than that of every earlier event of the meeting
 */
@EventType("arena.meeting-rescheduled.v1")
public record MeetingRescheduled(
        UUID eventId,
        Instant occurredAt,
        String municipality,
        String aggregateId,
        String arenaId,
        Instant startsAt,
        Instant endsAt,
        String location,
        List<String> participantUserIds,
        int sequence) implements DomainEvent {

    public MeetingRescheduled {
        Events.requireEnvelope(eventId, occurredAt, municipality, aggregateId);
        Objects.requireNonNull(arenaId, "arenaId");
        MeetingTimes.check(startsAt, endsAt);
        MeetingTimes.checkSequence(sequence, 1);
        participantUserIds = participantUserIds == null ? List.of() : List.copyOf(participantUserIds);
    }
}
