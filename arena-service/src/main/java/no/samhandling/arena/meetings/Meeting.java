package no.samhandling.arena.meetings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.springframework.data.mongodb.core.mapping.Document;

import com.fasterxml.jackson.annotation.JsonIgnore;

import no.samhandling.events.arena.AgendaPublished;
import no.samhandling.events.arena.MeetingCancelled;
import no.samhandling.events.arena.MeetingRescheduled;
import no.samhandling.events.arena.MeetingScheduled;
import no.samhandling.events.arena.MinutesItem;
import no.samhandling.events.arena.MinutesRecorded;
import no.samhandling.platform.events.AggregateRoot;

/**
 * One meeting of an arena: its time and place, who takes part, the referrals on its agenda and
 * the minutes that end it. Every change raises an event on {@code arena.events}; the calendar
 * sequence rises with each change so that invitations are replaced, not duplicated.
 */
@Document("meetings")
class Meeting extends AggregateRoot {

    enum Status {
        SCHEDULED,
        CANCELLED,
        HELD
    }

    /** Who takes part; guardians come in only for their own child's case, when its consent allows. */
    enum ParticipantKind {
        MEMBER,
        GUEST,
        /** A guardian of the child in one case on the agenda, while that case's consent allows it. */
        GUARDIAN
    }

    /** @param referralId for a guardian, the one case they attend for; null otherwise */
    record Participant(String userId, ParticipantKind kind, String referralId) {
    }

    record AgendaItem(String referralId, Instant addedAt) {
    }

    /**
     * What the coordinator wrote for one agenda item; the text stays here and never enters an event. About a named
     * case, its texts (topic, outcome, task) are stored sealed under the child's key ({@link MinutesTexts}), and
     * {@code sealedFor} names that child; null when the texts are plain (an anonymous case, or no case).
     */
    record MinutesEntry(String referralId, String topic, String outcomeCode, String outcome, Assignment assignment,
            @JsonIgnore String sealedFor) {

        boolean hasAssignment() {
            return assignment != null;
        }

        /** The same entry with its texts changed, and sealed for the given child (null: plain). */
        MinutesEntry withTexts(UnaryOperator<String> change, String sealedFor) {
            Assignment changedAssignment = assignment == null ? null
                    : new Assignment(assignment.responsibleUserId(), assignment.responsibleService(),
                            assignment.task() == null ? null : change.apply(assignment.task()), assignment.dueDate(),
                            assignment.followUpDate());
            return new MinutesEntry(referralId, topic == null ? null : change.apply(topic), outcomeCode,
                    outcome == null ? null : change.apply(outcome), changedAssignment, sealedFor);
        }
    }

    /** Who does what, by when, and when the arena follows up (Melhus: written responsibility assignment). */
    record Assignment(String responsibleUserId, String responsibleService, String task, LocalDate dueDate, LocalDate followUpDate) {
    }

    private String arenaId;
    private Instant startsAt;
    private Instant endsAt;
    private String location;
    private Status status;
    private int sequence;
    private List<Participant> participants = new ArrayList<>();
    private List<AgendaItem> agenda = new ArrayList<>();
    private Instant agendaPublishedAt;
    private List<MinutesEntry> minutes = new ArrayList<>();
    private Instant minutesClosedAt;
    private String cancellationReason;
    /** The rule that planned this meeting (a fingerprint); absent for ad-hoc meetings. */
    private String plannedBy;
    /** Cancel automatically this many days ahead when nothing is on the agenda; null: never. */
    private Integer cancelIfNoCasesDaysBefore;

    Meeting() {
    }

    /** An ad-hoc meeting. */
    static Meeting schedule(String municipality, String arenaId, Instant startsAt, Instant endsAt, String location,
            List<Participant> participants, Integer cancelIfNoCasesDaysBefore, Instant now) {
        return create(UUID.randomUUID().toString(), municipality, arenaId, startsAt, endsAt, location, participants,
                cancelIfNoCasesDaysBefore, null, now);
    }

    /** A meeting generated from the arena's rhythm, with an id derived from the arena and its planned start. */
    static Meeting plan(String id, String municipality, String arenaId, Instant startsAt, Instant endsAt, String location,
            List<Participant> participants, Integer cancelIfNoCasesDaysBefore, String plannedBy, Instant now) {
        return create(id, municipality, arenaId, startsAt, endsAt, location, participants, cancelIfNoCasesDaysBefore,
                plannedBy, now);
    }

    private static Meeting create(String id, String municipality, String arenaId, Instant startsAt, Instant endsAt,
            String location, List<Participant> participants, Integer cancelIfNoCasesDaysBefore, String plannedBy, Instant now) {
        Meeting meeting = new Meeting();
        meeting.id = id;
        meeting.municipality = municipality;
        meeting.arenaId = arenaId;
        meeting.startsAt = startsAt;
        meeting.endsAt = endsAt;
        meeting.location = location;
        meeting.status = Status.SCHEDULED;
        meeting.participants = new ArrayList<>(participants);
        meeting.cancelIfNoCasesDaysBefore = cancelIfNoCasesDaysBefore;
        meeting.plannedBy = plannedBy;
        meeting.raise(new MeetingScheduled(UUID.randomUUID(), now, municipality, id, arenaId, startsAt, endsAt, location,
                meeting.participantIds(), 0));
        return meeting;
    }

    void reschedule(Instant newStart, Instant newEnd, String newLocation, Instant now) {
        requireStatus(Status.SCHEDULED, "meeting.not-scheduled");
        startsAt = newStart;
        endsAt = newEnd;
        location = newLocation;
        sequence++;
        raise(new MeetingRescheduled(UUID.randomUUID(), now, municipality, id, arenaId, startsAt, endsAt, location,
                participantIds(), sequence));
    }

    /**
     * Invites the arena's current members and keeps invited guests. A change is a new version of
     * the invitation (the calendar sequence rises), so newcomers get it and those who left lose it.
     */
    boolean inviteMembers(List<String> memberIds, Instant now) {
        if (status != Status.SCHEDULED) {
            return false;
        }
        List<Participant> updated = new ArrayList<>();
        memberIds.forEach(userId -> updated.add(new Participant(userId, ParticipantKind.MEMBER, null)));
        participants.stream()
                .filter(p -> p.kind() != ParticipantKind.MEMBER && !memberIds.contains(p.userId()))
                .forEach(updated::add);
        if (updated.equals(participants)) {
            return false;
        }
        participants = updated;
        sequence++;
        raise(new MeetingRescheduled(UUID.randomUUID(), now, municipality, id, arenaId, startsAt, endsAt, location,
                participantIds(), sequence));
        return true;
    }

    void cancel(String reasonCode, Instant now) {
        requireStatus(Status.SCHEDULED, "meeting.not-scheduled");
        status = Status.CANCELLED;
        cancellationReason = reasonCode;
        sequence++;
        raise(new MeetingCancelled(UUID.randomUUID(), now, municipality, id, arenaId, startsAt, reasonCode,
                agenda.isEmpty() && NO_CASES.equals(reasonCode), participantIds(), sequence));
    }

    static final String NO_CASES = "NO_CASES_REGISTERED";

    /** Whether the arena's rule says to call this meeting off now: it is close and nothing is on its agenda. */
    boolean dueForCancellationForLackOfCases(Instant now) {
        return status == Status.SCHEDULED && cancelIfNoCasesDaysBefore != null && agenda.isEmpty()
                && !now.isBefore(startsAt.minus(java.time.Duration.ofDays(cancelIfNoCasesDaysBefore)));
    }

    /** Adds a referral accepted for this meeting; adding it again changes nothing. */
    boolean addToAgenda(String referralId, Instant now) {
        requireStatus(Status.SCHEDULED, "meeting.not-scheduled");
        if (agenda.stream().anyMatch(item -> item.referralId().equals(referralId))) {
            return false;
        }
        agenda.add(new AgendaItem(referralId, now));
        return true;
    }

    /**
     * Takes a referral off the agenda of a meeting still to be held, because it was scheduled to another: with
     * it go its guardians (a new version of the invitation when they were invited) and any draft minutes about it.
     *
     * @return false when it was not on the agenda, or the meeting is no longer open for its agenda
     */
    boolean removeFromAgenda(String referralId, Instant now) {
        if (status != Status.SCHEDULED || !agenda.removeIf(item -> item.referralId().equals(referralId))) {
            return false;
        }
        minutes.removeIf(entry -> referralId.equals(entry.referralId()));
        if (participants.removeIf(p -> p.kind() == ParticipantKind.GUARDIAN && referralId.equals(p.referralId()))) {
            sequence++;
            raise(new MeetingRescheduled(UUID.randomUUID(), now, municipality, id, arenaId, startsAt, endsAt, location,
                    participantIds(), sequence));
        }
        return true;
    }

    /**
     * Invites the child's guardians for one case on the agenda, or, given none, stops inviting them
     * (the consent no longer allows it). A change is a new version of the invitation.
     */
    boolean inviteGuardians(String referralId, List<String> guardianUserIds, Instant now) {
        if (status != Status.SCHEDULED) {
            return false;
        }
        List<Participant> updated = new ArrayList<>(participants.stream()
                .filter(p -> !(p.kind() == ParticipantKind.GUARDIAN && referralId.equals(p.referralId())))
                .toList());
        if (agenda.stream().anyMatch(item -> item.referralId().equals(referralId))) {
            guardianUserIds.stream()
                    .filter(userId -> updated.stream().noneMatch(p -> p.userId().equals(userId) && p.kind() != ParticipantKind.GUARDIAN))
                    .forEach(userId -> updated.add(new Participant(userId, ParticipantKind.GUARDIAN, referralId)));
        }
        if (updated.equals(participants)) {
            return false;
        }
        participants = updated;
        sequence++;
        raise(new MeetingRescheduled(UUID.randomUUID(), now, municipality, id, arenaId, startsAt, endsAt, location,
                participantIds(), sequence));
        return true;
    }

    /**
     * The child of a case on this meeting was erased: its guardians leave the meeting, whatever its status, and what
     * the minutes say about the case in words (topic, outcome, task) is wiped, with the child it was sealed for; the
     * codes, dates and the responsible service stay, for they say nothing of who the child is. (The texts were sealed
     * under the child's key, which the erasure destroys, so even a copy kept elsewhere, such as in an oplog or a
     * backup, cannot be read again.) A meeting still to come changes through
     * {@link #inviteGuardians} first, which tells the participants; a past one changes silently, as nobody is to be
     * invited again.
     *
     * @return false when the meeting held nothing of the case
     */
    boolean forgetErasedCase(String referralId) {
        boolean changed = participants.removeIf(p -> p.kind() == ParticipantKind.GUARDIAN && referralId.equals(p.referralId()));
        List<MinutesEntry> wiped = new ArrayList<>();
        for (MinutesEntry entry : minutes) {
            if (referralId.equals(entry.referralId()) && (entry.topic() != null || entry.outcome() != null
                    || entry.hasAssignment() && entry.assignment().task() != null || entry.sealedFor() != null)) {
                wiped.add(entry.withTexts(text -> null, null));
                changed = true;
            } else {
                wiped.add(entry);
            }
        }
        minutes = wiped;
        return changed;
    }

    void publishAgenda(Instant now) {
        requireStatus(Status.SCHEDULED, "meeting.not-scheduled");
        agendaPublishedAt = now;
        raise(new AgendaPublished(UUID.randomUUID(), now, municipality, id, arenaId, agendaReferralIds()));
    }

    void draftMinutes(List<MinutesEntry> entries) {
        if (status == Status.CANCELLED || minutesClosedAt != null) {
            throw MeetingProblem.conflict("meeting.minutes-closed", status);
        }
        for (MinutesEntry entry : entries) {
            if (entry.referralId() != null && agenda.stream().noneMatch(item -> item.referralId().equals(entry.referralId()))) {
                throw MeetingProblem.conflict("meeting.minutes-referral-not-on-agenda", status, entry.referralId());
            }
        }
        minutes = new ArrayList<>(entries);
    }

    /**
     * Closes the minutes, once the meeting has begun: minutes record what a meeting agreed, and closing
     * them moves its cases on. Items without a responsibility assignment block closing unless the
     * coordinator explicitly accepts them; either way they are counted in the event.
     */
    void closeMinutes(boolean acceptItemsWithoutAssignment, Instant now) {
        if (status == Status.CANCELLED || minutesClosedAt != null) {
            throw MeetingProblem.conflict("meeting.minutes-closed", status);
        }
        if (now.isBefore(startsAt)) {
            throw MeetingProblem.conflict("meeting.not-started", status, startsAt);
        }
        if (minutes.isEmpty()) {
            throw MeetingProblem.conflict("meeting.minutes-empty", status);
        }
        List<Integer> missing = itemsWithoutAssignment();
        if (!missing.isEmpty() && !acceptItemsWithoutAssignment) {
            throw MeetingProblem.missingAssignments(missing);
        }
        minutesClosedAt = now;
        status = Status.HELD;
        List<MinutesItem> items = minutes.stream().map(entry -> new MinutesItem(entry.referralId(), entry.outcomeCode(),
                entry.hasAssignment(),
                entry.hasAssignment() ? entry.assignment().responsibleUserId() : null,
                entry.hasAssignment() ? entry.assignment().responsibleService() : null,
                entry.hasAssignment() ? entry.assignment().dueDate() : null,
                entry.hasAssignment() ? entry.assignment().followUpDate() : null)).toList();
        raise(new MinutesRecorded(UUID.randomUUID(), now, municipality, id, arenaId, items, missing.size()));
    }

    List<Integer> itemsWithoutAssignment() {
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < minutes.size(); i++) {
            if (!minutes.get(i).hasAssignment()) {
                missing.add(i);
            }
        }
        return missing;
    }

    private void requireStatus(Status required, String messageKey) {
        if (status != required) {
            throw MeetingProblem.conflict(messageKey, status, status.name());
        }
    }

    private List<String> participantIds() {
        return participants.stream().map(Participant::userId).distinct().toList();
    }

    private List<String> agendaReferralIds() {
        return agenda.stream().map(AgendaItem::referralId).toList();
    }

    String arenaId() {
        return arenaId;
    }

    boolean isOnAgenda(String referralId) {
        return agenda.stream().anyMatch(item -> item.referralId().equals(referralId));
    }

    boolean hasAgenda() {
        return !agenda.isEmpty();
    }

    MeetingView view() {
        return new MeetingView(id, arenaId, startsAt, endsAt, location, status.name(), sequence, List.copyOf(participants),
                agendaReferralIds(), agendaPublishedAt, List.copyOf(minutes), itemsWithoutAssignment(), minutesClosedAt,
                cancellationReason, cancelIfNoCasesDaysBefore);
    }
}
