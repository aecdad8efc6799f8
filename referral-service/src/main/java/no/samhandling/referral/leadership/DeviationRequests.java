package no.samhandling.referral.leadership;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import no.samhandling.personaldata.NoIdentifiers;

/** The bodies of the deviation endpoints. */
final class DeviationRequests {

    /**
     * {@code POST /deviations}: a routine of cooperation that was not followed.
     *
     * @param unitType the kind of unit the reporter works in, as intake's referrerUnitType (SCHOOL, KINDERGARTEN, …)
     * @param occurredOn the day it happened, not after today
     */
    record ReportDeviation(
            @NotNull DeviationCategory category,
            @NotBlank @Pattern(regexp = "[A-Z_]{2,40}") String unitType,
            @Size(min = 1, max = 64) String arenaId,
            @NotBlank @Size(max = 4000) @NoIdentifiers String whatHappened,
            @NotNull LocalDate occurredOn) {
    }

    /** {@code POST /deviations/{id}/recategorise}. */
    record Recategorise(@NotNull DeviationCategory category) {
    }

    /** {@code POST /deviations/{id}/follow-ups}. */
    record AddFollowUp(@NotBlank @Size(max = 4000) @NoIdentifiers String note) {
    }

    /** {@code POST /deviations/{id}/close}: the code goes into the event, the text stays here. */
    record CloseDeviation(@NotNull DeviationAction actionCode, @NotBlank @Size(max = 4000) @NoIdentifiers String actionTaken) {
    }

    private DeviationRequests() {
    }
}
