package no.samhandling.arena.meetings;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import no.samhandling.platform.web.ProblemException;
import no.samhandling.platform.web.Problems;

/** The meeting's own problem types, so clients can tell an impossible step from a bad request. */
final class MeetingProblem {

    static final java.net.URI INVALID_STATE = Problems.type("meeting-state");
    static final java.net.URI MISSING_ASSIGNMENTS = Problems.type("missing-responsibility-assignment");

    static ProblemException conflict(String messageKey, Object... arguments) {
        return new ProblemException(HttpStatus.CONFLICT, INVALID_STATE, messageKey, arguments, Map.of());
    }

    static ProblemException missingAssignments(List<Integer> items) {
        return new ProblemException(HttpStatus.CONFLICT, MISSING_ASSIGNMENTS, "meeting.missing-assignments",
                new Object[] {items.size()}, Map.of("itemsWithoutAssignment", items));
    }

    private MeetingProblem() {
    }
}
