package no.samhandling.consent.contacts;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import no.samhandling.consent.arenas.ArenaParties;
import no.samhandling.consent.consents.AccessPurpose;
import no.samhandling.consent.consents.Consents;
import no.samhandling.consent.subjects.GuardianContact;
import no.samhandling.consent.subjects.Subjects;
import no.samhandling.platform.access.Access;
import no.samhandling.platform.access.Relation;
import no.samhandling.platform.access.ResourceKind;
import no.samhandling.platform.security.Caller;

/**
 * For notification-service (scope {@code contacts}): how to reach the guardians with parental
 * responsibility, and only while a consent the guardians gave covers the arena, with every service
 * in it, today. Anything else, an unknown child or arena included, is an empty list, so the answer
 * reveals nothing. Each answer with contact details is in the access log, as the service's read
 * for a notice, so the guardians see it among the reads of their child.
 */
@RestController
class GuardianContactsController {

    private final Subjects subjects;
    private final Consents consents;
    static final ResourceKind GUARDIAN_CONTACTS = new ResourceKind("guardian-contacts", "Barn");

    private final ArenaParties arenas;
    private final Access access;

    GuardianContactsController(Subjects subjects, Consents consents, ArenaParties arenas, Access access) {
        this.subjects = subjects;
        this.consents = consents;
        this.arenas = arenas;
        this.access = access;
    }

    /** @param subjectId the id the child goes by outside consent-service, its topic id */
    @GetMapping("/subjects/{subjectId}/guardian-contacts")
    @PreAuthorize("hasAuthority('SCOPE_contacts')")
    List<GuardianContact> guardianContacts(@PathVariable("subjectId") String topicId,
            @RequestParam @NotBlank @Size(max = 64) String arenaId, @AuthenticationPrincipal Jwt token) {
        String tokenMunicipality = token.getClaimAsString("municipality");
        Optional<String> child = subjects.subjectIdOf(topicId);
        if (child.isEmpty()) {
            return List.of();
        }
        String subjectId = child.get();
        Optional<String> covered = subjects.municipalityOf(subjectId)
                .filter(municipality -> tokenMunicipality == null || tokenMunicipality.equals(municipality))
                .filter(municipality -> arenas.partiesOf(municipality, arenaId)
                        .map(parties -> consents.guardiansConsentCovers(municipality, subjectId, arenaId, parties)).orElse(false));
        List<GuardianContact> contacts = covered.flatMap(municipality -> subjects.contactsWithParentalResponsibility(subjectId))
                .orElse(List.of());
        if (!contacts.isEmpty()) {
            access.read(new Caller(token.getSubject(), covered.get(), Set.of()), Relation.SERVICE,
                    GUARDIAN_CONTACTS.of(arenaId).about(subjectId), AccessPurpose.NOTICE.name());
        }
        return contacts;
    }
}
