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
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import no.samhandling.arena.catalogue.ArenaLookup;
import no.samhandling.arena.membership.Memberships;
import no.samhandling.events.referral.ReferralScheduled;
import no.samhandling.platform.access.Relation;
import no.samhandling.platform.security.Caller;
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
    private final ScheduledReferrals scheduled;
    private final MinutesTexts texts;
    private final Clock clock;

    Meetings(AggregateStores stores, ArenaLookup arenas, Memberships memberships, ScheduledReferrals scheduled, MinutesTexts texts,
            Clock clock) {
        this.meetings = stores.of(Meeting.class);
        this.arenas = arenas;
        this.memberships = memberships;
        this.scheduled = scheduled;
        this.texts = texts;
        this.clock = clock;
    }

    /** The arena's members are invited; guests named in the request come in addition. */
    MeetingView scheduleMeeting(Caller caller, String arenaId, MeetingRequests.ScheduleMeeting request) {
        requireRelation(caller, arenaId, Access.RUN);
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
        requireRelation(caller, arenaId, Access.READ);
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
        return meetings.find(Query.query(criteria).with(Sort.by("startsAt"))).stream().map(this::view).toList();
    }

    /** The meetings of every arena the caller sits in, from {@code from} until {@code to}, by start: their calendar. */
    List<MeetingView> ofMyArenas(Caller caller, Instant from, Instant to) {
        List<String> arenaIds = List.copyOf(memberships.placesOf(caller).keySet());
        if (arenaIds.isEmpty()) {
            return List.of();
        }
        Criteria criteria = new Criteria().andOperator(Criteria.where("municipality").is(caller.municipality()).and("arenaId").in(arenaIds),
                Criteria.where("startsAt").gte(from).lt(to));
        return meetings.find(Query.query(criteria).with(Sort.by("startsAt"))).stream().map(this::view).toList();
    }

    MeetingView find(Caller caller, String meetingId) {
        return view(load(caller, meetingId, Access.READ));
    }

    MeetingView rescheduleMeeting(Caller caller, String meetingId, MeetingRequests.RescheduleMeeting request) {
        return change(caller, meetingId, meeting -> meeting.reschedule(request.startsAt(), request.endsAt(),
                request.location(), clock.instant()));
    }

    MeetingView cancelMeeting(Caller caller, String meetingId, String reasonCode) {
        return change(caller, meetingId, meeting -> meeting.cancel(reasonCode, clock.instant()));
    }

    /**
     * Puts a referral on the agenda by hand; it must be scheduled to this very meeting (referral-service decides
     * that, and its event puts it there by itself). Anything else, a referral still only submitted or one of
     * another arena included, is refused naming {@code referralId}.
     */
    MeetingView addToAgenda(Caller caller, String meetingId, String referralId) {
        return change(caller, meetingId, meeting -> {
            boolean scheduledHere = scheduled.find(caller.municipality(), referralId)
                    .filter(found -> found.meetingId().equals(meetingId) && found.arenaId().equals(meeting.arenaId()))
                    .isPresent();
            if (!scheduledHere) {
                throw ProblemException.invalid("referralId", "meeting.agenda-referral-not-scheduled-here");
            }
            meeting.addToAgenda(referralId, clock.instant());
        });
    }

    MeetingView publishAgenda(Caller caller, String meetingId) {
        return change(caller, meetingId, meeting -> meeting.publishAgenda(clock.instant()));
    }

    MeetingView draftMinutes(Caller caller, String meetingId, MeetingRequests.MinutesDraft draft) {
        List<Meeting.MinutesEntry> entries = draft.items().stream().map(item -> new Meeting.MinutesEntry(
                item.referralId(), item.topic(), item.outcomeCode(), item.outcome(),
                item.assignment() == null ? null : new Meeting.Assignment(item.assignment().responsibleUserId(),
                        item.assignment().responsibleService(), item.assignment().task(), item.assignment().dueDate(),
                        item.assignment().followUpDate()), null)).toList();
        return change(caller, meetingId, meeting -> meeting.draftMinutes(texts.sealed(caller.municipality(), entries)));
    }

    MeetingView closeMinutes(Caller caller, String meetingId, boolean acceptItemsWithoutAssignment) {
        return change(caller, meetingId, meeting -> meeting.closeMinutes(acceptItemsWithoutAssignment, clock.instant()));
    }

    /**
     * A referral was scheduled to a meeting (referral-service decides that): it goes on that meeting's
     * agenda, and off the agenda of any other coming meeting it was on, so that a referral moved to another
     * meeting is discussed once, where it was moved to. A meeting that is unknown, of another arena than the
     * referral's, or no longer open is skipped, not retried: retrying cannot change it.
     */
    void on(ReferralScheduled event) {
        scheduled.on(event);
        Query elsewhere = Query.query(Criteria.where("municipality").is(event.municipality())
                .and("status").is(Meeting.Status.SCHEDULED.name())
                .and("agenda.referralId").is(event.aggregateId())
                .and("_id").ne(event.meetingId()));
        for (Meeting earlier : meetings.find(elsewhere)) {
            if (earlier.removeFromAgenda(event.aggregateId(), event.occurredAt())) {
                meetings.save(earlier);
            }
        }
        Meeting meeting = meetings.find(event.municipality(), event.meetingId()).orElse(null);
        if (meeting == null || !meeting.arenaId().equals(event.arenaId())) {
            log.warn("Referral scheduled to meeting {}, which is not a meeting of its arena {}; skipped", event.meetingId(), event.arenaId());
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

    /** What the caller is about to do with an arena's meetings. */
    private enum Access {
        /** See meetings, their participants, agendas and minutes: the arena's members. */
        READ,
        /** Schedule, move and cancel meetings, set agendas, write and close minutes: the arena's coordinator. */
        RUN
    }

    /**
     * A meeting, to the members of its arena; to anyone else it does not exist, whether it does or not, so
     * that a meeting id tells a stranger nothing.
     */
    private Meeting load(Caller caller, String meetingId, Access access) {
        Meeting meeting = meetings.find(caller.municipality(), meetingId).orElse(null);
        Relation relation = meeting == null ? null : memberships.relationOf(caller, meeting.arenaId()).orElse(null);
        if (relation == null) {
            throw ProblemException.notFound("Møte", meetingId);
        }
        permit(access, relation);
        return meeting;
    }

    /**
     * Need-to-know: only an arena's members see its meetings, whose participants, agendas and minutes concern
     * children, and only its coordinator runs them. A role alone gives nothing: an administrator, too, sees an
     * arena's meetings only with a place in it. Those without a place are told the arena has no such meetings
     * (404, as for an unknown arena); a member who is not its coordinator may look but not act (403).
     */
    private void requireRelation(Caller caller, String arenaId, Access access) {
        arenas.requireArena(caller.municipality(), arenaId);
        permit(access, memberships.relationOf(caller, arenaId).orElseThrow(() -> ProblemException.notFound("Arena", arenaId)));
    }

    /** Running a meeting is the arena coordinator's: the coordinator's place, and a coordinator's login. */
    private static void permit(Access access, Relation relation) {
        if (access == Access.RUN && relation != Relation.ARENA_COORDINATOR) {
            throw new AccessDeniedException("Only the arena's coordinator runs its meetings");
        }
    }

    /** The meeting as members read it, its minutes' sealed words opened. */
    private MeetingView view(Meeting meeting) {
        return texts.opened(meeting.view());
    }

    /** Load, change and save; a concurrent change is retried on fresh state a few times. */
    private MeetingView change(Caller caller, String meetingId, Consumer<Meeting> change) {
        for (int attempt = 1; ; attempt++) {
            Meeting meeting = load(caller, meetingId, Access.RUN);
            change.accept(meeting);
            try {
                return view(meetings.save(meeting));
            } catch (OptimisticLockingFailureException e) {
                if (attempt == CONCURRENT_UPDATE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
