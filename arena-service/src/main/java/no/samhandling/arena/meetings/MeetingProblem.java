package no.samhandling.arena.meetings;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import no.samhandling.platform.web.ProblemException;
import no.samhandling.platform.web.Problems;

/**
 * A meeting's problems: an impossible step in its current status (the platform's invalid-transition,
 * as for every aggregate), and minutes that lack responsibility assignments.
 */
final class MeetingProblem {

    static final java.net.URI MISSING_ASSIGNMENTS = Problems.type("missing-responsibility-assignment");

    static ProblemException conflict(String messageKey, Meeting.Status status, Object... arguments) {
        return ProblemException.invalidTransition(messageKey, status.name(), arguments);
    }

    static ProblemException missingAssignments(List<Integer> items) {
        return new ProblemException(HttpStatus.CONFLICT, MISSING_ASSIGNMENTS, "meeting.missing-assignments",
                new Object[] {items.size()}, Map.of("itemsWithoutAssignment", items));
    }

    private MeetingProblem() {
    }
}
