package no.samhandling.arena.meetings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import no.samhandling.personaldata.NoIdentifiers;

/**
 * Request bodies of the meeting API. Their free text (location, minutes) never holds a national id
 * number or a birth date: the location goes out in every notice, and minutes are read by every member.
 */
final class MeetingRequests {

    static final String CODE = "[A-Z][A-Z0-9_]{0,63}";

    record ScheduleMeeting(
            @NotNull Instant startsAt,
            @NotNull Instant endsAt,
            @Size(max = 200) @NoIdentifiers String location,
            @Size(max = 100) List<@NotNull @Valid ParticipantRequest> participants,
            @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(60) Integer cancelIfNoCasesDaysBefore) {

        @AssertTrue(message = "{meeting.ends-before-start}")
        boolean isEndAfterStart() {
            return startsAt == null || endsAt == null || endsAt.isAfter(startsAt);
        }
    }

    /** A member or an invited guest; guardians come only through their child's case and its consent. */
    record ParticipantRequest(@NotBlank @Size(max = 100) String userId, @NotNull Meeting.ParticipantKind kind) {
    }

    record RescheduleMeeting(@NotNull Instant startsAt, @NotNull Instant endsAt, @Size(max = 200) @NoIdentifiers String location) {

        @AssertTrue(message = "{meeting.ends-before-start}")
        boolean isEndAfterStart() {
            return startsAt == null || endsAt == null || endsAt.isAfter(startsAt);
        }
    }

    /** Reason codes: NO_CASES_REGISTERED, COORDINATOR_ABSENT, TOO_FEW_PARTICIPANTS, MOVED, OTHER … */
    record CancelMeeting(@NotBlank @Pattern(regexp = CODE) String reasonCode) {
    }

    record AddAgendaItem(@NotBlank @Size(max = 64) String referralId) {
    }

    record MinutesDraft(@NotNull @Size(min = 1, max = 50) List<@NotNull @Valid MinutesEntryRequest> items) {
    }

    /** Either a referral on the agenda or a topic (system level); outcome as a code and in words. */
    record MinutesEntryRequest(
            @Size(max = 64) String referralId,
            @Size(max = 200) @NoIdentifiers String topic,
            @NotBlank @Pattern(regexp = CODE) String outcomeCode,
            @NotBlank @Size(max = 4000) @NoIdentifiers String outcome,
            @Valid AssignmentRequest assignment) {

        @AssertTrue(message = "{meeting.item-needs-referral-or-topic}")
        boolean isAboutSomething() {
            return (referralId != null && !referralId.isBlank()) || (topic != null && !topic.isBlank());
        }
    }

    record AssignmentRequest(
            @Size(max = 100) String responsibleUserId,
            @Pattern(regexp = CODE) String responsibleService,
            @NotBlank @Size(max = 2000) @NoIdentifiers String task,
            @NotNull LocalDate dueDate,
            LocalDate followUpDate) {

        @AssertTrue(message = "{meeting.assignment-needs-responsible}")
        boolean isSomeoneResponsible() {
            return (responsibleUserId != null && !responsibleUserId.isBlank()) || responsibleService != null;
        }
    }

    /** Absent means false: closing past missing assignments is an explicit choice. */
    record CloseMinutes(Boolean acceptItemsWithoutAssignment) {
    }

    private MeetingRequests() {
    }
}
