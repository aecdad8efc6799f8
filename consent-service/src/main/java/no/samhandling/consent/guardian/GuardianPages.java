package no.samhandling.consent.guardian;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import no.samhandling.consent.consents.ConsentView;
import no.samhandling.platform.security.Caller;
import no.samhandling.platform.web.PageForms;
import no.samhandling.platform.web.ProblemException;
import no.samhandling.web.PageController;

/**
 * "Mitt barn" for guardians ({@code /mitt-barn}, behind the gateway), and the same pages for the
 * youth's own record, in plain language and fit for a phone: each of their children's consents with what it covers and for how long, withdrawing
 * one after a confirmation step, and who has read the child's data and why. Everything comes
 * from {@link GuardianView}, which also decides whose children a guardian sees (only their own,
 * with parental responsibility; another child does not exist for them).
 */
@PageController
@RequestMapping("/mitt-barn")
@PreAuthorize(GuardianController.FAMILY)
class GuardianPages {

    private final GuardianView guardian;
    private final PageForms forms;

    GuardianPages(GuardianView guardian, PageForms forms) {
        this.guardian = guardian;
        this.forms = forms;
    }

    @GetMapping
    String children(Caller caller, Model model) {
        model.addAttribute("children", guardian.children(caller));
        return "guardian/children";
    }

    @GetMapping("/{subjectId}/lest")
    String reads(@PathVariable String subjectId, Caller caller, Model model) {
        GuardianView.Child child = child(caller, subjectId);
        model.addAttribute("child", child);
        try {
            model.addAttribute("reads", guardian.readsOf(caller, subjectId));
            model.addAttribute("unavailable", false);
        } catch (ProblemException refusal) {
            if (refusal.status() != HttpStatus.SERVICE_UNAVAILABLE) {
                throw refusal;
            }
            // Better to say so than to show an empty list, which would read as "nobody".
            model.addAttribute("reads", List.of());
            model.addAttribute("unavailable", true);
        }
        return "guardian/reads";
    }

    /** The confirmation step: what withdrawing means, before anything changes. */
    @GetMapping("/samtykke/{consentId}/trekk-tilbake")
    String confirmWithdrawal(@PathVariable String consentId, Caller caller, Model model) {
        return confirmation(model, caller, consentId, Map.of());
    }

    @PostMapping("/samtykke/{consentId}/trekk-tilbake")
    String withdraw(@PathVariable String consentId, Caller caller, Model model) {
        try {
            guardian.withdrawConsent(caller, consentId);
            return "redirect:/mitt-barn?trukket";
        } catch (ProblemException refusal) {
            if (refusal.status() == HttpStatus.NOT_FOUND) {
                throw refusal;
            }
            // For example: the youth decides over this consent alone, or it has just ended.
            return confirmation(model, caller, consentId, Map.of("consent", forms.message(refusal)));
        }
    }

    private String confirmation(Model model, Caller caller, String consentId, Map<String, String> errors) {
        GuardianView.ChildConsent found = guardian.consent(caller, consentId);
        model.addAttribute("child", found.child());
        model.addAttribute("consent", found.consent());
        model.addAttribute("errors", errors);
        return "guardian/withdraw";
    }

    private GuardianView.Child child(Caller caller, String subjectId) {
        return guardian.child(caller, subjectId);
    }
}
