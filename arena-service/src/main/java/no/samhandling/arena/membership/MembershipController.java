package no.samhandling.arena.membership;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
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
            @NotNull MemberRole role, @Valid ContactRequest contact) {
    }

    /** Contact details as a member gives them; the phone number may be in any common form and is stored as E.164. */
    record ContactRequest(@Email @Size(max = 254) String email, @Size(max = 32) String phone, Set<PreferredChannel> channels,
            @Pattern(regexp = "nb|nn") String language) {
    }

    /**
     * A member as other members see them: no contact details.
     *
     * @param grantedBy who gave the place: an administrator's or the coordinator's user id, or {@code catalogue}
     */
    record MemberView(String userId, String party, MemberRole role, Instant joinedAt, String grantedBy) {

        static MemberView of(ArenaMembership.Member member) {
            return new MemberView(member.userId(), member.party(), member.role(), member.joinedAt(), member.grantedBy());
        }
    }

    /** A member's contact details, for notification-service only. */
    record MemberContact(String userId, String party, MemberRole role, String email, String phone,
            Set<PreferredChannel> channels, String language) {

        static MemberContact of(ArenaMembership.Member member) {
            ContactDetails contact = member.contact();
            return new MemberContact(member.userId(), member.party(), member.role(), contact.email(), contact.phone(),
                    contact.channels(), contact.language());
        }
    }

    private final Memberships memberships;

    MembershipController(Memberships memberships) {
        this.memberships = memberships;
    }

    /** To the arena's own members and to administrators. */
    @GetMapping
    @PreAuthorize("hasAnyRole('COORDINATOR', 'MEMBER', 'ADMIN')")
    List<MemberView> members(@PathVariable String arenaId, Caller caller) {
        return views(memberships.members(caller, arenaId));
    }

    /**
     * The contact details of the arena's members who have given them, for the machine client that sends
     * notices. Such a client belongs to no municipality, so it names the one the arena must belong to.
     */
    @GetMapping("/contacts")
    @PreAuthorize("hasAuthority('SCOPE_contacts')")
    List<MemberContact> contacts(@PathVariable String arenaId,
            @RequestParam @Pattern(regexp = "\\d{4}") String municipality) {
        return memberships.members(municipality, arenaId).stream()
                .filter(member -> member.contact() != null)
                .map(MemberContact::of)
                .toList();
    }

    /** An administrator appoints coordinators and adds members; the arena's coordinator adds members; nobody adds themself. */
    @PostMapping
    @PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    List<MemberView> join(@PathVariable String arenaId, @Valid @RequestBody JoinArena request, Caller caller) {
        ContactDetails contact = request.contact() == null ? null : ContactDetails.from(request.contact(), "contact.");
        return views(memberships.join(caller, arenaId, request.userId(), request.party(), request.role(), contact));
    }

    /** Members keep their own contact details up to date; nobody else may change them. */
    @PutMapping("/{userId}/contact")
    List<MemberView> changeContact(@PathVariable String arenaId, @PathVariable String userId,
            @Valid @RequestBody ContactRequest request, Caller caller) {
        if (!userId.equals(caller.subject())) {
            throw new AccessDeniedException("Only the member may change their own contact details");
        }
        return views(memberships.changeContact(caller.municipality(), arenaId, userId, ContactDetails.from(request, "")));
    }

    /** The arena's coordinator removes members; only an administrator removes a coordinator. */
    @DeleteMapping("/{userId}")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
    List<MemberView> leave(@PathVariable String arenaId, @PathVariable String userId, Caller caller) {
        return views(memberships.leave(caller, arenaId, userId));
    }

    private static List<MemberView> views(List<ArenaMembership.Member> members) {
        return members.stream().map(MemberView::of).toList();
    }
}
