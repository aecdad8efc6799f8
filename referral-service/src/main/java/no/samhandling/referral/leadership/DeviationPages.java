package no.samhandling.referral.leadership;

import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import no.samhandling.events.leadership.LeadershipItemKind;
import no.samhandling.platform.security.Caller;
import no.samhandling.platform.web.PageForms;
import no.samhandling.platform.web.ProblemException;
import no.samhandling.web.PageController;

/**
 * The leadership team's register of deviation reports as pages ({@code /avvik}, behind the
 * gateway): the list, one report with its follow-ups, and the leaders' forms to recategorise,
 * follow up and close. The same {@link LeadershipItems} and role rules as the API.
 */
@PageController
@RequestMapping("/avvik")
class DeviationPages {

    private static final LeadershipItemKind DEVIATION = LeadershipItemKind.DEVIATION;

    private final LeadershipItems items;
    private final PageForms forms;

    DeviationPages(LeadershipItems items, PageForms forms) {
        this.items = items;
        this.forms = forms;
    }

    @GetMapping
    @PreAuthorize(DeviationController.LEADERS)
    String list(@RequestParam(required = false) DeviationStatus status, @RequestParam(required = false) DeviationCategory category,
            Caller caller, Model model) {
        model.addAttribute("status", status);
        model.addAttribute("category", category);
        model.addAttribute("statuses", DeviationStatus.values());
        model.addAttribute("categories", DeviationCategory.values());
        model.addAttribute("deviations", items.list(caller, DEVIATION, status == null ? null : status.stored(), category).stream()
                .map(LeadershipItem::asDeviation).toList());
        return "deviations/list";
    }

    @GetMapping("/{id}")
    @PreAuthorize(DeviationController.LEADERS)
    String show(@PathVariable String id, Caller caller, Model model) {
        return page(model, find(caller, id), "", null, "", Map.of());
    }

    @PostMapping("/{id}/kategori")
    @PreAuthorize(DeviationController.LEADERS)
    String recategorise(@PathVariable String id, @RequestParam(required = false) DeviationCategory category, Caller caller, Model model) {
        Map<String, String> errors = forms.violations(new DeviationRequests.Recategorise(category));
        if (errors.isEmpty()) {
            try {
                items.recategorise(caller, DEVIATION, id, category);
                return "redirect:/avvik/" + id + "?endret";
            } catch (ProblemException refusal) {
                errors = forms.of(refusal);
            }
        }
        return page(model, find(caller, id), "", null, "", errors);
    }

    @PostMapping("/{id}/oppfolging")
    @PreAuthorize(DeviationController.LEADERS)
    String followUp(@PathVariable String id, @RequestParam(defaultValue = "") String note, Caller caller, Model model) {
        Map<String, String> errors = forms.violations(new DeviationRequests.AddFollowUp(note));
        if (errors.isEmpty()) {
            try {
                items.followUp(caller, DEVIATION, id, note);
                return "redirect:/avvik/" + id + "?fulgtOpp#oppfolging";
            } catch (ProblemException refusal) {
                errors = forms.of(refusal);
            }
        }
        return page(model, find(caller, id), note, null, "", errors);
    }

    @PostMapping("/{id}/lukk")
    @PreAuthorize(DeviationController.LEADERS)
    String close(@PathVariable String id, @RequestParam(required = false) DeviationAction actionCode,
            @RequestParam(defaultValue = "") String actionTaken, Caller caller, Model model) {
        Map<String, String> errors = forms.violations(new DeviationRequests.CloseDeviation(actionCode, actionTaken));
        if (errors.isEmpty()) {
            try {
                items.close(caller, DEVIATION, id, actionCode, actionTaken);
                return "redirect:/avvik/" + id + "?lukket";
            } catch (ProblemException refusal) {
                errors = forms.of(refusal);
            }
        }
        return page(model, find(caller, id), "", actionCode, actionTaken, errors);
    }

    private DeviationView find(Caller caller, String id) {
        return items.find(caller, DEVIATION, id).map(LeadershipItem::asDeviation)
                .orElseThrow(() -> LeadershipItems.notFound(DEVIATION, id));
    }

    private String page(Model model, DeviationView deviation, String note, DeviationAction actionCode, String actionTaken,
            Map<String, String> errors) {
        model.addAttribute("deviation", deviation);
        model.addAttribute("categories", DeviationCategory.values());
        model.addAttribute("actions", DeviationAction.values());
        model.addAttribute("note", note);
        model.addAttribute("actionCode", actionCode);
        model.addAttribute("actionTaken", actionTaken);
        model.addAttribute("errors", errors);
        return "deviations/deviation";
    }
}
