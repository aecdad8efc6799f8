package no.samhandling.referral.leadership;

import java.util.List;
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
import no.samhandling.platform.security.Role;
import no.samhandling.platform.web.PageForms;
import no.samhandling.platform.web.ProblemException;
import no.samhandling.web.PageController;

/**
 * The leadership team's register of system cases as pages ({@code /systemsaker}, behind the
 * gateway): the list, one case with its follow-ups, and the leaders' forms to register, follow up
 * and close. The same {@link LeadershipItems} and role rules as the API decide what each caller sees
 * and may do; a form is checked by the API's own request records.
 */
@PageController
@RequestMapping("/systemsaker")
class SystemCasePages {

    private static final LeadershipItemKind SYSTEM_CASE = LeadershipItemKind.SYSTEM_CASE;

    private final LeadershipItems items;
    private final PageForms forms;

    SystemCasePages(LeadershipItems items, PageForms forms) {
        this.items = items;
        this.forms = forms;
    }

    @GetMapping
    @PreAuthorize(SystemCaseController.LEADERS_AND_COORDINATORS)
    String list(@RequestParam(required = false) LeadershipItem.Status status, Caller caller, Model model) {
        model.addAttribute("status", status);
        model.addAttribute("statuses", LeadershipItem.Status.values());
        model.addAttribute("cases", list(caller, status));
        return registerForm(model, new SystemCaseRequests.RegisterSystemCase(null, null, "", ""), Map.of());
    }

    @PostMapping
    @PreAuthorize(SystemCaseController.LEADERS_AND_COORDINATORS)
    String register(@RequestParam(required = false) SystemCaseCategory category, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String description, Caller caller, Model model) {
        SystemCaseRequests.RegisterSystemCase request = new SystemCaseRequests.RegisterSystemCase(category, null, title, description);
        Map<String, String> errors = forms.violations(request);
        if (errors.isEmpty()) {
            try {
                return "redirect:/systemsaker/" + items.registerSystemCase(caller, request).id() + "?registrert";
            } catch (ProblemException refusal) {
                errors = forms.of(refusal);
            }
        }
        model.addAttribute("status", null);
        model.addAttribute("statuses", LeadershipItem.Status.values());
        model.addAttribute("cases", list(caller, null));
        return registerForm(model, request, errors);
    }

    @GetMapping("/{id}")
    @PreAuthorize(SystemCaseController.LEADERS_AND_COORDINATORS)
    String show(@PathVariable String id, Caller caller, Model model) {
        return page(model, find(caller, id), caller, "", null, "", Map.of());
    }

    @PostMapping("/{id}/oppfolging")
    @PreAuthorize(SystemCaseController.LEADERS)
    String followUp(@PathVariable String id, @RequestParam(defaultValue = "") String note, Caller caller, Model model) {
        Map<String, String> errors = forms.violations(new SystemCaseRequests.AddFollowUp(note));
        if (errors.isEmpty()) {
            try {
                items.followUp(caller, SYSTEM_CASE, id, note);
                return "redirect:/systemsaker/" + id + "?fulgtOpp#oppfolging";
            } catch (ProblemException refusal) {
                errors = forms.of(refusal);
            }
        }
        return page(model, find(caller, id), caller, note, null, "", errors);
    }

    @PostMapping("/{id}/lukk")
    @PreAuthorize(SystemCaseController.LEADERS)
    String close(@PathVariable String id, @RequestParam(required = false) SystemCaseAction actionCode,
            @RequestParam(defaultValue = "") String actionTaken, Caller caller, Model model) {
        Map<String, String> errors = forms.violations(new SystemCaseRequests.CloseSystemCase(actionCode, actionTaken));
        if (errors.isEmpty()) {
            try {
                items.close(caller, SYSTEM_CASE, id, actionCode, actionTaken);
                return "redirect:/systemsaker/" + id + "?lukket";
            } catch (ProblemException refusal) {
                errors = forms.of(refusal);
            }
        }
        return page(model, find(caller, id), caller, "", actionCode, actionTaken, errors);
    }

    private SystemCaseView find(Caller caller, String id) {
        return items.find(caller, SYSTEM_CASE, id).map(LeadershipItem::asSystemCase)
                .orElseThrow(() -> LeadershipItems.notFound(SYSTEM_CASE, id));
    }

    private List<SystemCaseView> list(Caller caller, LeadershipItem.Status status) {
        return items.list(caller, SYSTEM_CASE, status, null).stream().map(LeadershipItem::asSystemCase).toList();
    }

    private String registerForm(Model model, SystemCaseRequests.RegisterSystemCase form, Map<String, String> errors) {
        model.addAttribute("categories", SystemCaseCategory.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "systemcases/list";
    }

    private String page(Model model, SystemCaseView systemCase, Caller caller, String note, SystemCaseAction actionCode,
            String actionTaken, Map<String, String> errors) {
        model.addAttribute("case", systemCase);
        // Whether to offer the leaders' forms; the POST handlers check the role themselves.
        model.addAttribute("leader", caller.has(Role.LEADER));
        model.addAttribute("actions", SystemCaseAction.values());
        model.addAttribute("note", note);
        model.addAttribute("actionCode", actionCode);
        model.addAttribute("actionTaken", actionTaken);
        model.addAttribute("errors", errors);
        return "systemcases/case";
    }
}
