package no.samhandling.consent.guardian;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import no.samhandling.consent.consents.ConsentView;
import no.samhandling.consent.consents.Consents;
import no.samhandling.consent.subjects.SubjectFacts;
import no.samhandling.consent.subjects.Subjects;
import no.samhandling.platform.security.Caller;
import no.samhandling.platform.web.ProblemException;
import no.samhandling.platform.web.Problems;

/**
 * What a logged-in guardian sees: only the children for whom they are on file with parental
 * responsibility and their own login. Another child does not exist for them (404, not 403).
 */
@Service
class GuardianView {

    private final Subjects subjects;
    private final Consents consents;
    private final ReadAuditLog reads;

    GuardianView(Subjects subjects, Consents consents, ReadAuditLog reads) {
        this.subjects = subjects;
        this.consents = consents;
        this.reads = reads;
    }

    List<Child> children(Caller caller) {
        return subjects.childrenOf(caller.municipality(), caller.subject()).stream()
                .filter(child -> !child.erased())
                .map(child -> new Child(child.subjectId(), subjects.nameOf(caller.municipality(), child.subjectId()).orElse(null),
                        consents.visibleToGuardians(caller.municipality(), child.subjectId())))
                .toList();
    }

    List<ConsentView> withdrawConsent(Caller caller, String consentId) {
        String subjectId = consents.subjectOf(caller.municipality(), consentId)
                .orElseThrow(() -> ProblemException.notFound("Samtykke", consentId));
        SubjectFacts.GuardianFacts guardian = guardianOf(caller, subjectId)
                .orElseThrow(() -> ProblemException.notFound("Samtykke", consentId));
        return consents.withdrawAsGuardian(caller.municipality(), subjectId, Optional.of(consentId), guardian.guardianId(),
                caller.subject());
    }

    List<ConsentView> withdrawAll(Caller caller, String subjectId) {
        SubjectFacts.GuardianFacts guardian = guardianOf(caller, subjectId)
                .orElseThrow(() -> ProblemException.notFound("Barn", subjectId));
        return consents.withdrawAsGuardian(caller.municipality(), subjectId, Optional.empty(), guardian.guardianId(), caller.subject());
    }

    List<PersonalDataRead> readsOf(Caller caller, String subjectId) {
        guardianOf(caller, subjectId).orElseThrow(() -> ProblemException.notFound("Barn", subjectId));
        try {
            return reads.readsOf(subjectId);
        } catch (ReadAuditUnavailableException e) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, Problems.type("read-audit-unavailable"),
                    "guardian.read-audit-unavailable", null, Map.of());
        }
    }

    private Optional<SubjectFacts.GuardianFacts> guardianOf(Caller caller, String subjectId) {
        return subjects.childrenOf(caller.municipality(), caller.subject()).stream()
                .filter(child -> child.subjectId().equals(subjectId) && !child.erased())
                .findFirst()
                .flatMap(child -> child.guardianUser(caller.subject()))
                .filter(SubjectFacts.GuardianFacts::parentalResponsibility);
    }

    /** A child of the guardian, with the consents the guardians decide on. */
    record Child(String subjectId, String name, List<ConsentView> consents) {
    }
}
