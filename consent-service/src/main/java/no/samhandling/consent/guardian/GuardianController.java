package no.samhandling.consent.guardian;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import no.samhandling.consent.consents.ConsentView;
import no.samhandling.platform.security.Caller;

/**
 * The family's own view: a guardian's children, or the youth's own record, with the consents they
 * decide on, who has read the child's data, and withdrawal in one call.
 */
@RestController
@RequestMapping("/guardian")
@PreAuthorize(GuardianController.FAMILY)
class GuardianController {

    /**
     * Who may use the view at all: guardians, and the youth for their own record; whose children each
     * sees is {@link GuardianView}'s rule. Shared with the pages.
     */
    static final String FAMILY = "hasAnyRole('GUARDIAN', 'YOUTH')";

    private final GuardianView guardian;

    GuardianController(GuardianView guardian) {
        this.guardian = guardian;
    }

    @GetMapping("/children")
    List<GuardianView.Child> children(Caller caller) {
        return guardian.children(caller);
    }

    @PostMapping("/consents/{consentId}/withdraw")
    List<ConsentView> withdrawConsent(@PathVariable String consentId, Caller caller) {
        return guardian.withdrawConsent(caller, consentId);
    }

    /** Every pending or granted consent of the child that the caller decides on. */
    @PostMapping("/children/{subjectId}/withdraw")
    List<ConsentView> withdrawAll(@PathVariable String subjectId, Caller caller) {
        return guardian.withdrawAll(caller, subjectId);
    }

    @GetMapping("/children/{subjectId}/reads")
    List<GuardianView.ChildRead> readsOf(@PathVariable String subjectId, Caller caller) {
        return guardian.readsOf(caller, subjectId);
    }
}
