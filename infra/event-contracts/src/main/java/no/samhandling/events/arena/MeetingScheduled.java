package no.samhandling.events.arena;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventType;
import no.samhandling.events.Events;

/**
 * A meeting of an arena was put in the calendar. The aggregate id is the meeting id; carries what
 * an invitation with a calendar file needs.
 *
 * @param location where the meeting is held (a room or "digital"), if decided; never a private address
 * @param participantUserIds staff by their login id; a child's guardians only by the per-child pseudonyms
 *        {@code ConsentGranted} carried, never by their login id
 * @param sequence the calendar SEQUENCE, 0 for a new meeting
 */
@EventType("arena.meeting-scheduled.v1")
public record MeetingScheduled(
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

    public MeetingScheduled {
        Events.requireEnvelope(eventId, occurredAt, municipality, aggregateId);
        Objects.requireNonNull(arenaId, "arenaId");
        MeetingTimes.check(startsAt, endsAt);
        MeetingTimes.checkSequence(sequence, 0);
        participantUserIds = participantUserIds == null ? List.of() : List.copyOf(participantUserIds);
    }
}
