package no.samhandling.referral.intake;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import no.samhandling.events.referral.PreventionLevel;
import no.samhandling.events.referral.Theme;
import no.samhandling.events.referral.UnitType;
import no.samhandling.personaldata.NoIdentifiers;

/**
 * The body of {@code POST /referrals}: what Alta's intake asks for. Without {@code subject} the
 * case is anonymous and must not identify the child; with it the case is named, and needs the
 * consent that lets the arena discuss the child by name. Free text never holds a national id number
 * or a birth date, named or not: the child's identity has its own fields, validated and sealed.
 *
 * @param referrerUnitType the kind of unit, from a closed list: the code is published in reports, so it
 *        can never be free text (a code like ELEV_KARI_NORDMANN is refused, naming the field)
 * @param subject the child, only for a named case; stored sealed under the child's own key
 * @param consentId the consent (from consent-service) that covers the arena, only for a named case
 * @param requestedBy who asked for the discussion: staff (path I), or the guardians or the youth (path II)
 */
record SubmitReferral(
        @NotBlank @Size(max = 64) String arenaId,
        @NotBlank @Size(max = 200) @NoIdentifiers String referrerUnit,
        @NotNull UnitType referrerUnitType,
        @NotBlank @Pattern(regexp = "0-5|6-12|13-15|16-18|19-25") String ageBand,
        @NotEmpty @Size(max = 12) List<@NotNull Theme> themes,
        @NotNull PreventionLevel preventionLevel,
        @NotEmpty @Size(max = 20) List<@NotNull @Valid MeasureTried> measuresTried,
        @Size(max = 4000) @NoIdentifiers String description,
        @NotNull Boolean guardiansAttend,
        @Valid Subject subject,
        @Size(max = 64) String consentId,
        RequestedBy requestedBy) {

    /** A measure already tried locally, for how long, and what it achieved. */
    record MeasureTried(
            @NotBlank @Size(max = 1000) @NoIdentifiers String description,
            @NotBlank @Size(max = 100) @NoIdentifiers String period,
            @NotBlank @Size(max = 1000) @NoIdentifiers String effect) {
    }

    /**
     * Who the child is, in a named case: the name and at least one of birth date and national id
     * number (fødselsnummer or D-nummer).
     */
    record Subject(
            @NotBlank @Size(max = 200) String name,
            @Past LocalDate birthDate,
            @Pattern(regexp = "\\d{11}") String nationalId) {

        @Override
        public String toString() {
            return "Subject[…]";
        }
    }

    /** Alta's two paths: staff register (I), or the guardians or the youth ask themselves (II). */
    enum RequestedBy {
        STAFF,
        GUARDIANS,
        YOUTH
    }

    boolean named() {
        return subject != null;
    }

    @Override
    public String toString() {
        return "SubmitReferral[arenaId=" + arenaId + ", named=" + named() + "]";
    }
}
