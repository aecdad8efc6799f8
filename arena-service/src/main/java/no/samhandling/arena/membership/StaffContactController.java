package no.samhandling.arena.membership;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Pattern;
import no.samhandling.platform.web.ProblemException;

/**
 * One staff user's contact details, wherever they are a member, for notices that are not about one
 * arena's members (a referral accepted or returned goes to its referrer). Machine clients only.
 */
@RestController
class StaffContactController {

    private final Memberships memberships;

    StaffContactController(Memberships memberships) {
        this.memberships = memberships;
    }

    @GetMapping("/members/{userId}/contact")
    @PreAuthorize("hasAuthority('SCOPE_contacts')")
    MembershipController.MemberContact contact(@PathVariable String userId, @RequestParam @Pattern(regexp = "\\d{4}") String municipality) {
        return memberships.contactOf(municipality, userId).map(MembershipController.MemberContact::of)
                .orElseThrow(() -> ProblemException.notFound("Kontakt", userId));
    }
}
