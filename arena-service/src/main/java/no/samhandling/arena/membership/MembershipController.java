package no.samhandling.arena.membership;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import no.samhandling.events.arena.MemberRole;
import no.samhandling.platform.security.Caller;

@RestController
@RequestMapping("/arenas/{arenaId}/members")
class MembershipController {

    /** The party is a code of the catalogue's party taxonomy, for example PPT or CHILD_WELFARE. */
    record JoinArena(@NotBlank @Size(max = 100) String userId, @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{0,63}") String party,
            @NotNull MemberRole role) {
    }

    private final Memberships memberships;

    MembershipController(Memberships memberships) {
        this.memberships = memberships;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('COORDINATOR', 'MEMBER', 'ADMIN')")
    List<ArenaMembership.Member> members(@PathVariable String arenaId, Caller caller) {
        return memberships.members(caller.municipality(), arenaId);
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    List<ArenaMembership.Member> join(@PathVariable String arenaId, @Valid @RequestBody JoinArena request, Caller caller) {
        return memberships.join(caller.municipality(), arenaId, request.userId(), request.party(), request.role());
    }

    @DeleteMapping("/{userId}")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
    List<ArenaMembership.Member> leave(@PathVariable String arenaId, @PathVariable String userId, Caller caller) {
        return memberships.leave(caller.municipality(), arenaId, userId);
    }
}
