package no.samhandling.arena.meetings;

import java.time.Instant;
import java.util.List;

/** A meeting as the API shows it to the arena's coordinator and members. */
record MeetingView(
        String id,
        String arenaId,
        Instant startsAt,
        Instant endsAt,
        String location,
        String status,
        int sequence,
        List<Meeting.Participant> participants,
        List<String> agenda,
        Instant agendaPublishedAt,
        List<Meeting.MinutesEntry> minutes,
        List<Integer> itemsWithoutAssignment,
        Instant minutesClosedAt,
        String cancellationReason,
        Integer cancelIfNoCasesDaysBefore) {
}
