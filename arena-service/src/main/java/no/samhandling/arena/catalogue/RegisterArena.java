package no.samhandling.arena.catalogue;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import no.samhandling.events.arena.ArenaLevel;
import no.samhandling.arena.rhythm.InvalidRhythmException;
import no.samhandling.arena.rhythm.RhythmSpec;
import no.samhandling.events.arena.DiscussionMode;
import no.samhandling.platform.web.ProblemException;

/**
 * One row of a municipality's arena overview: the body of {@code POST /arenas} and {@code PUT /arenas/{id}},
 * and each element of an import file's {@code arenas}. The escalation target is named by its external key,
 * so a whole overview can be written before any arena has an id.
 */
record RegisterArena(
        @NotBlank @Size(max = 120) @Pattern(regexp = "[a-z0-9][a-z0-9-]*") String externalKey,
        @NotBlank @Size(max = 200) String name,
        @NotNull ArenaLevel level,
        @NotNull @Valid AgeBand ageBand,
        @NotBlank @Size(max = 4000) String mandate,
        @Size(max = 200) String legalBasis,
        @NotEmpty List<@NotNull Party> parties,
        @Size(max = 1000) String partiesText,
        @NotBlank @Size(max = 500) String meetingFrequency,
        @NotNull @Valid MeetingOwner meetingOwner,
        @Size(max = 100) String coordinatorUserId,
        @NotNull DiscussionMode discussionMode,
        @Valid IntakeRules intake,
        @Size(max = 120) String escalatesTo,
        Boolean nameSensitive,
        @Size(max = 500) String location,
        RhythmSpec rhythm,
        @Min(1) @Max(60) Integer cancelIfNoCasesDaysBefore) {

    /**
     * Rejects a meeting rhythm that cannot be expressed, naming its field ({@code rhythm.interval}),
     * rather than approximating it.
     */
    void checkRhythm() {
        if (rhythm != null) {
            try {
                rhythm.toRule();
            } catch (InvalidRhythmException e) {
                throw ProblemException.invalid(e.field(), e.messageKey(), e.arguments().toArray());
            }
        }
    }

    /**
     * Nobody appoints themself: the entry names the arena's coordinator, a place that opens the arena's cases, so its
     * writer (an administrator) may name anyone but themself; another administrator may.
     */
    void checkCoordinatorIsNot(String writer) {
        if (writer.equals(blankToNull(coordinatorUserId))) {
            throw ProblemException.invalid("coordinatorUserId", "arena.coordinator-not-yourself");
        }
    }

    /** Ages in whole years, inclusive; the seeds use 0–6, 6–18 and 0–25. */
    record AgeBand(@NotNull @Min(0) @Max(25) Integer from, @NotNull @Min(0) @Max(25) Integer to) {

        @JsonIgnore
        @AssertTrue(message = "{arena.ageBand.order}")
        boolean isOrdered() {
            return from == null || to == null || from <= to;
        }
    }

    /**
     * Who calls and runs the meetings.
     *
     * @param role the role, short, as staff would search for it ("Leiande helsesjukepleiar")
     * @param text the plan's own wording, if it says more than the role
     */
    record MeetingOwner(@NotBlank @Size(max = 200) String role, @Size(max = 500) String text) {
    }

    /**
     * Who may register a case, and whether measures must have been tried locally first (Melhus' discussion team).
     *
     * @param whoMayRegister unit types or roles, as referrals name their {@code referrerUnitType}, or only {@code ANY_STAFF}
     */
    record IntakeRules(@NotEmpty List<@NotNull @Pattern(regexp = "[A-Z][A-Z_]{1,39}") String> whoMayRegister,
            Boolean measuresRequiredFirst) {

        static final String ANY_STAFF = "ANY_STAFF";
        static final IntakeRules OPEN = new IntakeRules(List.of(ANY_STAFF), false);

        /** ANY_STAFF next to a unit type would make the list mean two things at once. */
        @JsonIgnore
        @AssertTrue(message = "{arena.intake.any-staff-alone}")
        boolean isAnyStaffAlone() {
            return whoMayRegister == null || !whoMayRegister.contains(ANY_STAFF) || whoMayRegister.size() == 1;
        }
    }

    /**
     * The row as it is stored: defaults filled in, blank optional text as absent. Two rows that mean the same
     * are equal after this, which is how an import tells "unchanged" from "updated".
     */
    RegisterArena normalized() {
        return new RegisterArena(externalKey, name.strip(), level, ageBand, mandate, blankToNull(legalBasis), List.copyOf(parties),
                blankToNull(partiesText), meetingFrequency, new MeetingOwner(meetingOwner.role(), blankToNull(meetingOwner.text())),
                blankToNull(coordinatorUserId), discussionMode,
                intake == null ? IntakeRules.OPEN : new IntakeRules(List.copyOf(intake.whoMayRegister()), Boolean.TRUE.equals(intake.measuresRequiredFirst())),
                blankToNull(escalatesTo), Boolean.TRUE.equals(nameSensitive), blankToNull(location), rhythm, cancelIfNoCasesDaysBefore);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
