package no.samhandling.arena.catalogue;

import java.util.List;

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
import no.samhandling.events.arena.DiscussionMode;

/** The body of {@code POST /arenas}: one row of a municipality's arena overview. */
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
        @NotBlank @Size(max = 500) String meetingOwner,
        @NotNull DiscussionMode discussionMode,
        @Size(max = 500) String location) {

    /** Ages in whole years, inclusive; the seeds use 0–6, 6–18 and 0–25. */
    record AgeBand(@NotNull @Min(0) @Max(25) Integer from, @NotNull @Min(0) @Max(25) Integer to) {

        @AssertTrue(message = "{arena.ageBand.order}")
        boolean isOrdered() {
            return from == null || to == null || from <= to;
        }
    }
}
