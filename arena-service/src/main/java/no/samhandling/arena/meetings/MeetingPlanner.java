package no.samhandling.arena.meetings;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import no.samhandling.arena.membership.Memberships;
import no.samhandling.arena.rhythm.MeetingRhythm;
import no.samhandling.arena.rhythm.Occurrence;
import no.samhandling.arena.rhythm.RhythmScheduler;
import no.samhandling.arena.rhythm.RhythmSpec;
import no.samhandling.arena.rhythm.SchoolCalendar;
import no.samhandling.platform.events.AggregateStore;
import no.samhandling.platform.events.AggregateStores;

/**
 * Turns an arena's meeting rhythm into meetings over the current and the next half-year.
 *
 * <p>Planning is idempotent: a planned meeting's id is derived from the arena and the planned
 * start, so planning again creates only what is missing, and a meeting that was moved or
 * cancelled is not planned anew. When the rule changes, future planned meetings of the old rule
 * that have nothing on their agenda are cancelled (RHYTHM_CHANGED); those with cases stay for
 * the coordinator to move.
 */
@Service
public class MeetingPlanner {

    static final String RHYTHM_CHANGED = "RHYTHM_CHANGED";

    private final AggregateStore<Meeting> meetings;
    private final Memberships memberships;
    private final SchoolCalendars calendars;
    private final Clock clock;

    MeetingPlanner(AggregateStores stores, Memberships memberships, SchoolCalendars calendars, Clock clock) {
        this.meetings = stores.of(Meeting.class);
        this.memberships = memberships;
        this.calendars = calendars;
        this.clock = clock;
    }

    /** What an arena's catalogue entry says about its meetings. */
    public record ArenaSchedule(String municipality, String arenaId, RhythmSpec rhythm, String location,
            Integer cancelIfNoCasesDaysBefore) {
    }

    /** Plans the arena's meetings up to the end of the next half-year; returns how many were created. */
    public int planMeetings(ArenaSchedule schedule) {
        Instant now = clock.instant();
        LocalDate today = now.atZone(RhythmScheduler.ZONE).toLocalDate();
        LocalDate horizon = endOfNextHalfYear(today);
        String fingerprint = schedule.rhythm() == null ? null : fingerprint(schedule.rhythm());
        retireOtherRules(schedule, fingerprint, now);
        if (schedule.rhythm() == null) {
            return 0;
        }
        MeetingRhythm rule = schedule.rhythm().toRule();
        List<String> members = memberships.memberIds(schedule.municipality(), schedule.arenaId());
        List<Meeting.Participant> participants = members.stream()
                .map(userId -> new Meeting.Participant(userId, Meeting.ParticipantKind.MEMBER, null)).toList();
        java.util.Set<String> planned = plannedIds(schedule);
        int created = 0;
        for (Occurrence occurrence : RhythmScheduler.occurrences(rule, today, horizon, calendars.forMunicipality(schedule.municipality(), today, horizon))) {
            Instant start = occurrence.start().toInstant();
            String id = plannedId(schedule.arenaId(), start);
            if (!start.isAfter(now) || planned.contains(id)) {
                continue;
            }
            try {
                meetings.save(Meeting.plan(id, schedule.municipality(), schedule.arenaId(), start, occurrence.end().toInstant(),
                        schedule.location(), participants, schedule.cancelIfNoCasesDaysBefore(), fingerprint, now));
                created++;
            } catch (DuplicateKeyException plannedMeanwhile) {
                // Another planning run created it first: the same meeting, nothing lost.
            }
        }
        return created;
    }

    /**
     * Ids of every meeting planned for the arena, whatever became of it: a moved or cancelled meeting
     * keeps the id of its planned start, so it is not planned again. One read per run, not per date.
     */
    private java.util.Set<String> plannedIds(ArenaSchedule schedule) {
        Query planned = Query.query(Criteria.where("municipality").is(schedule.municipality())
                .and("arenaId").is(schedule.arenaId())
                .and("plannedBy").exists(true));
        return meetings.find(planned).stream().map(Meeting::id).collect(java.util.stream.Collectors.toSet());
    }

    private void retireOtherRules(ArenaSchedule schedule, String fingerprint, Instant now) {
        Query planned = Query.query(Criteria.where("municipality").is(schedule.municipality())
                .and("arenaId").is(schedule.arenaId())
                .and("status").is(Meeting.Status.SCHEDULED.name())
                .and("plannedBy").exists(true).ne(fingerprint)
                .and("startsAt").gt(now));
        for (Meeting meeting : meetings.find(planned)) {
            if (!meeting.hasAgenda()) {
                try {
                    meeting.cancel(RHYTHM_CHANGED, now);
                    meetings.save(meeting);
                } catch (OptimisticLockingFailureException changedMeanwhile) {
                    // Someone touched it; the next planning run looks again.
                }
            }
        }
    }

    static LocalDate endOfNextHalfYear(LocalDate today) {
        return today.getMonthValue() <= 6
                ? LocalDate.of(today.getYear(), Month.DECEMBER, 31)
                : LocalDate.of(today.getYear() + 1, Month.JUNE, 30);
    }

    static String plannedId(String arenaId, Instant start) {
        return UUID.nameUUIDFromBytes(("planned|" + arenaId + "|" + start).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String fingerprint(RhythmSpec rhythm) {
        return UUID.nameUUIDFromBytes(rhythm.toString().getBytes(StandardCharsets.UTF_8)).toString();
    }
}
