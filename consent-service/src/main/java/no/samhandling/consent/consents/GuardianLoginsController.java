package no.samhandling.consent.consents;

import java.util.List;
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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import no.samhandling.consent.subjects.Subjects;
import no.samhandling.platform.access.Access;
import no.samhandling.platform.access.Relation;
import no.samhandling.platform.security.Caller;

/**
 * For referral-service (scope {@code guardian-logins}): which of the child's guardians are behind the pseudonyms a
 * ConsentGranted carried, so that it can let them see and withdraw their child's case. Only pseudonyms of this
 * child's guardians with parental responsibility are answered; an unknown or erased child has none. Each answer
 * about a registered child is in the access log (purpose {@code GUARDIAN_LOGINS}) before it is given.
 */
@RestController
class GuardianLoginsController {

    record Asked(@NotNull @Size(max = 20) List<@NotNull @Size(max = 64) String> pseudonyms) {
    }

    record Answer(List<String> userIds) {
    }

    private final GuardianPseudonyms pseudonyms;
    private final Subjects subjects;
    private final Access access;

    GuardianLoginsController(GuardianPseudonyms pseudonyms, Subjects subjects, Access access) {
        this.pseudonyms = pseudonyms;
        this.subjects = subjects;
        this.access = access;
    }

    /** @param subjectId the id the child goes by outside consent-service, its topic id */
    @PostMapping("/subjects/{subjectId}/guardian-logins")
    @PreAuthorize("hasAuthority('SCOPE_guardian-logins')")
    Answer loginsBehind(@PathVariable String subjectId, @RequestParam @Pattern(regexp = "\\d{4}") String municipality,
            @Valid @RequestBody Asked asked, @AuthenticationPrincipal Jwt token) {
        Optional<String> child = subjects.subjectIdOf(subjectId);
        List<String> userIds = child.map(id -> pseudonyms.loginsBehind(municipality, id, Set.copyOf(asked.pseudonyms())))
                .orElse(List.of());
        if (!userIds.isEmpty()) {
            access.read(new Caller(token.getSubject(), municipality, Set.of()), Relation.SERVICE,
                    ChildRelations.CHILD.of(child.get()).about(child.get()), AccessPurpose.GUARDIAN_LOGINS.name());
        }
        return new Answer(userIds);
    }
}
