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

import no.samhandling.events.referral.ReferralScheduled;
import no.samhandling.platform.events.AggregateStore;
import no.samhandling.platform.events.AggregateStores;
import no.samhandling.platform.web.ProblemException;

/** Schedules meetings and carries them through agenda and minutes; all scoped to one municipality. */
@Service
class Meetings {

    private static final Logger log = LoggerFactory.getLogger(Meetings.class);
    private static final int CONCURRENT_UPDATE_ATTEMPTS = 3;

    private final AggregateStore<Meeting> meetings;
    private final Clock clock;

    Meetings(AggregateStores stores, Clock clock) {
        this.meetings = stores.of(Meeting.class);
        this.clock = clock;
    }

    MeetingView scheduleMeeting(String municipality, String arenaId, MeetingRequests.ScheduleMeeting request) {
        List<Meeting.Participant> participants = request.participants() == null ? List.of()
                : request.participants().stream().map(p -> new Meeting.Participant(p.userId(), p.kind())).distinct().toList();
        return meetings.save(Meeting.schedule(municipality, arenaId, request.startsAt(), request.endsAt(), request.location(),
                participants, clock.instant())).view();
    }

    List<MeetingView> list(String municipality, String arenaId, Instant from, Instant to) {
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

    MeetingView find(String municipality, String meetingId) {
        return load(municipality, meetingId).view();
    }

    MeetingView rescheduleMeeting(String municipality, String meetingId, MeetingRequests.RescheduleMeeting request) {
        return change(municipality, meetingId, meeting -> meeting.reschedule(request.startsAt(), request.endsAt(),
                request.location(), clock.instant()));
    }

    MeetingView cancelMeeting(String municipality, String meetingId, String reasonCode) {
        return change(municipality, meetingId, meeting -> meeting.cancel(reasonCode, clock.instant()));
    }

    MeetingView addToAgenda(String municipality, String meetingId, String referralId) {
        return change(municipality, meetingId, meeting -> meeting.addToAgenda(referralId, clock.instant()));
    }

    MeetingView publishAgenda(String municipality, String meetingId) {
        return change(municipality, meetingId, meeting -> meeting.publishAgenda(clock.instant()));
    }

    MeetingView draftMinutes(String municipality, String meetingId, MeetingRequests.MinutesDraft draft) {
        List<Meeting.MinutesEntry> entries = draft.items().stream().map(item -> new Meeting.MinutesEntry(
                item.referralId(), item.topic(), item.outcomeCode(), item.outcome(),
                item.assignment() == null ? null : new Meeting.Assignment(item.assignment().responsibleUserId(),
                        item.assignment().responsibleService(), item.assignment().task(), item.assignment().dueDate(),
                        item.assignment().followUpDate()))).toList();
        return change(municipality, meetingId, meeting -> meeting.draftMinutes(entries));
    }

    MeetingView closeMinutes(String municipality, String meetingId, boolean acceptItemsWithoutAssignment) {
        return change(municipality, meetingId, meeting -> meeting.closeMinutes(acceptItemsWithoutAssignment, clock.instant()));
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

    private Meeting load(String municipality, String meetingId) {
        return meetings.find(municipality, meetingId).orElseThrow(() -> ProblemException.notFound("Møte", meetingId));
    }

    /** Load, change and save; a concurrent change is retried on fresh state a few times. */
    private MeetingView change(String municipality, String meetingId, Consumer<Meeting> change) {
        for (int attempt = 1; ; attempt++) {
            Meeting meeting = load(municipality, meetingId);
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
