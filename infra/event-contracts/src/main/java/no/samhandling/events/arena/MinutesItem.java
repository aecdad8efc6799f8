package no.samhandling.events.arena;

import java.time.LocalDate;

import no.samhandling.events.Events;

/**
 * One agenda item of a meeting's minutes, without the minutes' text: what was decided and who
 * took responsibility in writing.
 *
 * @param referralId the referral discussed, or null for a system-level item
 * @param outcomeCode the decision, such as {@code RESPONSIBILITY_ASSIGNED} or {@code ESCALATE}
 * @param responsibleService code of the service that took responsibility, such as {@code PPT}
 */
public record MinutesItem(
        String referralId,
        String outcomeCode,
        boolean hasResponsibilityAssignment,
        String responsibleUserId,
        String responsibleService,
        LocalDate dueDate,
        LocalDate followUpDate) {

    public MinutesItem {
        Events.requireCode(outcomeCode, "outcomeCode");
        Events.optionalCode(responsibleService, "responsibleService");
        if (hasResponsibilityAssignment && responsibleUserId == null && responsibleService == null) {
            throw new IllegalArgumentException("a responsibility assignment names a responsible user or service");
        }
    }
}
