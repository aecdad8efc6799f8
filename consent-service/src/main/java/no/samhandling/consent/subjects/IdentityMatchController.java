package no.samhandling.consent.subjects;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import no.samhandling.consent.consents.AccessPurpose;
import no.samhandling.consent.consents.ChildRelations;
import no.samhandling.platform.access.Access;
import no.samhandling.platform.access.Relation;
import no.samhandling.platform.security.Caller;

/**
 * For referral-service (scope {@code identity-match}): is the child a referral names the child registered
 * here? Only yes or no, so that referral-service gets no copy of an identity it did not have. The claim
 * travels in the body, never in a URL that could be logged. A machine client belongs to no municipality,
 * so it names the one the child must belong to; an unknown or erased child is simply no match. Each check of
 * a registered child used its identity, so it is in the access log (the service's read, purpose
 * {@code IDENTITY_MATCH}) before the answer, and the guardians see it among their child's reads.
 */
@RestController
class IdentityMatchController {

    /** The identity a referral claims for the child. */
    record ClaimedIdentity(@NotBlank @Size(max = 200) String name, LocalDate birthDate, @Size(max = 32) String nationalId) {

        @Override
        public String toString() {
            return "ClaimedIdentity[…]";
        }
    }

    record Answer(boolean match) {
    }

    private final Subjects subjects;
    private final Access access;

    IdentityMatchController(Subjects subjects, Access access) {
        this.subjects = subjects;
        this.access = access;
    }

    /** @param subjectId the id the child goes by outside consent-service, its topic id */
    @PostMapping("/subjects/{subjectId}/identity-match")
    @PreAuthorize("hasAuthority('SCOPE_identity-match')")
    Answer matches(@PathVariable String subjectId, @RequestParam @Pattern(regexp = "\\d{4}") String municipality,
            @Valid @RequestBody ClaimedIdentity claimed, @AuthenticationPrincipal Jwt token) {
        Optional<String> child = subjects.subjectIdOf(subjectId);
        Optional<Boolean> match = child.flatMap(id -> subjects.identityMatches(municipality, id,
                new IdentityMatch(claimed.name(), claimed.birthDate(), claimed.nationalId())));
        if (match.isPresent()) {
            access.read(new Caller(token.getSubject(), municipality, Set.of()), Relation.SERVICE,
                    ChildRelations.CHILD.of(child.get()).about(child.get()), AccessPurpose.IDENTITY_MATCH.name());
        }
        return new Answer(match.orElse(false));
    }
}
