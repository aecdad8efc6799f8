package no.samhandling.arena.meetings;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import no.samhandling.arena.catalogue.ArenaLookup;
import no.samhandling.arena.membership.Memberships;
import no.samhandling.events.referral.ReferralScheduled;
import no.samhandling.platform.security.Caller;
import no.samhandling.platform.security.Role;
import no.samhandling.platform.events.AggregateStore;
import no.samhandling.platform.events.AggregateStores;
import no.samhandling.platform.web.ProblemException;

/** Schedules meetings and carries them through agenda and minutes; all scoped to one municipality. */
@Service
class Meetings {

    private static final Logger log = LoggerFactory.getLogger(Meetings.class);
    private static final int CONCURRENT_UPDATE_ATTEMPTS = 3;

    private final AggregateStore<Meeting> meetings;
    private final ArenaLookup arenas;
    private final Memberships memberships;
    private final Clock clock;

    Meetings(AggregateStores stores, ArenaLookup arenas, Memberships memberships, Clock clock) {
        this.meetings = stores.of(Meeting.class);
        this.arenas = arenas;
        this.memberships = memberships;
        this.clock = clock;
    }

    /** The arena's members are invited; guests named in the request come in addition. */
    MeetingView scheduleMeeting(Caller caller, String arenaId, MeetingRequests.ScheduleMeeting request) {
        arenas.requireArena(caller.municipality(), arenaId);
        requireAccess(caller, arenaId, true);
        java.util.Map<String, Meeting.Participant> participants = new java.util.LinkedHashMap<>();
        memberships.memberIds(caller.municipality(), arenaId)
                .forEach(userId -> participants.put(userId, new Meeting.Participant(userId, Meeting.ParticipantKind.MEMBER, null)));
        if (request.participants() != null) {
            for (int i = 0; i < request.participants().size(); i++) {
                if (request.participants().get(i).kind() == Meeting.ParticipantKind.GUARDIAN) {
                    throw ProblemException.invalid("participants[" + i + "].kind", "meeting.guardian-only-through-consent");
                }
            }
            request.participants().forEach(p -> participants.putIfAbsent(p.userId(), new Meeting.Participant(p.userId(), p.kind(), null)));
        }
        return meetings.save(Meeting.schedule(caller.municipality(), arenaId, request.startsAt(), request.endsAt(),
                request.location(), List.copyOf(participants.values()), request.cancelIfNoCasesDaysBefore(), clock.instant())).view();
    }

    List<MeetingView> list(Caller caller, String arenaId, Instant from, Instant to) {
        requireAccess(caller, arenaId, false);
        String municipality = caller.municipality();
        Criteria criteria = Criteria.where("municipality").is(municipality).and("arenaId").is(arenaId);
        if (from != null || to != null) {
            Criteria window = Criteria.where("startsAt");
            if (from != null) {
                window = window.gte(from);
            }
            if (to != null) {
                window = window.lt(to);
            }
            criteria = new Criteria().andOperator(criteria, window);
        }
        return meetings.find(Query.query(criteria).with(Sort.by("startsAt"))).stream().map(Meeting::view).toList();
    }

    /** The meetings of every arena the caller sits in, from {@code from} until {@code to}, by start: their calendar. */
    List<MeetingView> ofMyArenas(Caller caller, Instant from, Instant to) {
        List<String> arenaIds = List.copyOf(memberships.placesOf(caller).keySet());
        if (arenaIds.isEmpty()) {
            return List.of();
        }
        Criteria criteria = new Criteria().andOperator(Criteria.where("municipality").is(caller.municipality()).and("arenaId").in(arenaIds),
                Criteria.where("startsAt").gte(from).lt(to));
        return meetings.find(Query.query(criteria).with(Sort.by("startsAt"))).stream().map(Meeting::view).toList();
    }

    MeetingView find(Caller caller, String meetingId) {
        return load(caller, meetingId, false).view();
    }

    MeetingView rescheduleMeeting(Caller caller, String meetingId, MeetingRequests.RescheduleMeeting request) {
        return change(caller, meetingId, meeting -> meeting.reschedule(request.startsAt(), request.endsAt(),
                request.location(), clock.instant()));
    }

    MeetingView cancelMeeting(Caller caller, String meetingId, String reasonCode) {
        return change(caller, meetingId, meeting -> meeting.cancel(reasonCode, clock.instant()));
    }

    MeetingView addToAgenda(Caller caller, String meetingId, String referralId) {
        return change(caller, meetingId, meeting -> meeting.addToAgenda(referralId, clock.instant()));
    }

    MeetingView publishAgenda(Caller caller, String meetingId) {
        return change(caller, meetingId, meeting -> meeting.publishAgenda(clock.instant()));
    }

    MeetingView draftMinutes(Caller caller, String meetingId, MeetingRequests.MinutesDraft draft) {
        List<Meeting.MinutesEntry> entries = draft.items().stream().map(item -> new Meeting.MinutesEntry(
                item.referralId(), item.topic(), item.outcomeCode(), item.outcome(),
                item.assignment() == null ? null : new Meeting.Assignment(item.assignment().responsibleUserId(),
                        item.assignment().responsibleService(), item.assignment().task(), item.assignment().dueDate(),
                        item.assignment().followUpDate()))).toList();
        return change(caller, meetingId, meeting -> meeting.draftMinutes(entries));
    }

    MeetingView closeMinutes(Caller caller, String meetingId, boolean acceptItemsWithoutAssignment) {
        return change(caller, meetingId, meeting -> meeting.closeMinutes(acceptItemsWithoutAssignment, clock.instant()));
    }

    /**
     * A referral was accepted for a meeting (referral-service decides that): it goes on the agenda.
     * An unknown meeting or one no longer open is skipped, not retried: retrying cannot change it.
     */
    void on(ReferralScheduled event) {
        Meeting meeting = meetings.find(event.municipality(), event.meetingId()).orElse(null);
        if (meeting == null) {
            log.warn("Referral scheduled to unknown meeting {}; skipped", event.meetingId());
            return;
        }
        try {
            if (meeting.addToAgenda(event.aggregateId(), event.occurredAt())) {
                meetings.save(meeting);
            }
        } catch (ProblemException notOpen) {
            log.warn("Referral scheduled to meeting {} which is not open for its agenda; skipped", event.meetingId());
        }
    }

    /** The arena's members changed: its coming meetings invite the members it has now. */
    @org.springframework.context.event.EventListener
    void on(Memberships.MembersChanged changed) {
        Instant now = clock.instant();
        Query coming = Query.query(Criteria.where("municipality").is(changed.municipality())
                .and("arenaId").is(changed.arenaId())
                .and("status").is(Meeting.Status.SCHEDULED.name())
                .and("startsAt").gt(now));
        for (Meeting meeting : meetings.find(coming)) {
            if (meeting.inviteMembers(changed.memberIds(), now)) {
                meetings.save(meeting);
            }
        }
    }

    /**
     * Calls off the meetings that are close and still have nothing on their agenda, where the
     * arena's rule asks for it. Returns how many were cancelled.
     */
    int cancelMeetingsWithoutCases() {
        Instant now = clock.instant();
        Query due = Query.query(Criteria.where("status").is(Meeting.Status.SCHEDULED.name())
                .and("cancelIfNoCasesDaysBefore").ne(null)
                .and("agenda").size(0));
        int cancelled = 0;
        for (Meeting meeting : meetings.find(due)) {
            if (meeting.dueForCancellationForLackOfCases(now)) {
                try {
                    meeting.cancel(Meeting.NO_CASES, now);
                    meetings.save(meeting);
                    cancelled++;
                } catch (OptimisticLockingFailureException changedMeanwhile) {
                    // Someone changed it (perhaps added a case); the next run decides again.
                }
            }
        }
        return cancelled;
    }

    private Meeting load(Caller caller, String meetingId, boolean write) {
        Meeting meeting = meetings.find(caller.municipality(), meetingId)
                .orElseThrow(() -> ProblemException.notFound("Møte", meetingId));
        requireAccess(caller, meeting.arenaId(), write);
        return meeting;
    }

    /**
     * Need-to-know: only the arena's members see its meetings, whose minutes concern children.
     * An administrator may run a meeting for the arena (schedule, move, cancel) without being one.
     */
    private void requireAccess(Caller caller, String arenaId, boolean write) {
        if (write && caller.has(Role.ADMIN)) {
            return;
        }
        if (!memberships.isMember(caller.municipality(), arenaId, caller.subject())) {
            throw new org.springframework.security.access.AccessDeniedException("Not a member of the arena");
        }
    }

    /** Load, change and save; a concurrent change is retried on fresh state a few times. */
    private MeetingView change(Caller caller, String meetingId, Consumer<Meeting> change) {
        for (int attempt = 1; ; attempt++) {
            Meeting meeting = load(caller, meetingId, true);
            change.accept(meeting);
            try {
                return meetings.save(meeting).view();
            } catch (OptimisticLockingFailureException e) {
                if (attempt == CONCURRENT_UPDATE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
