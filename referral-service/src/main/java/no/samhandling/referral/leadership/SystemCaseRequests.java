package no.samhandling.referral.leadership;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import no.samhandling.personaldata.NoIdentifiers;

/** The bodies of the system-case endpoints. */
final class SystemCaseRequests {

    /** {@code POST /system-cases}: a problem across services, for example "no arena for 16–18". */
    record RegisterSystemCase(
            @NotNull SystemCaseCategory category,
            @Size(min = 1, max = 64) String arenaId,
            @NotBlank @Size(max = 200) @NoIdentifiers String title,
            @NotBlank @Size(max = 4000) @NoIdentifiers String description) {
    }

    /** {@code POST /system-cases/{id}/follow-ups}. */
    record AddFollowUp(@NotBlank @Size(max = 4000) @NoIdentifiers String note) {
    }

    /** {@code POST /system-cases/{id}/close}: the code goes into the event, the text stays here. */
    record CloseSystemCase(@NotNull SystemCaseAction actionCode, @NotBlank @Size(max = 4000) @NoIdentifiers String actionTaken) {
    }

    private SystemCaseRequests() {
    }
}
