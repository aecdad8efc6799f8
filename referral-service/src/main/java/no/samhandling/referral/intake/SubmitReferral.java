package no.samhandling.referral.intake;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import no.samhandling.events.referral.PreventionLevel;
import no.samhandling.events.referral.Theme;

/**
 * The body of {@code POST /referrals} for an anonymous concern: what Alta's intake asks for,
 * with nothing that identifies the child.
 */
record SubmitReferral(
        @NotBlank @Size(max = 64) String arenaId,
        @NotBlank @Size(max = 200) String referrerUnit,
        @NotBlank @Pattern(regexp = "[A-Z_]{2,40}") String referrerUnitType,
        @NotBlank @Pattern(regexp = "0-5|6-12|13-15|16-18|19-25") String ageBand,
        @NotEmpty @Size(max = 12) List<@NotNull Theme> themes,
        @NotNull PreventionLevel preventionLevel,
        @NotEmpty @Size(max = 20) List<@NotNull @Valid MeasureTried> measuresTried,
        @Size(max = 4000) String description,
        @NotNull Boolean guardiansAttend) {

    /** A measure already tried locally, for how long, and what it achieved. */
    record MeasureTried(
            @NotBlank @Size(max = 1000) String description,
            @NotBlank @Size(max = 100) String period,
            @NotBlank @Size(max = 1000) String effect) {
    }
}
