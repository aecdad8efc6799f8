package no.samhandling.consent.subjects;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import no.samhandling.consent.consents.ConsentView;
import no.samhandling.consent.consents.Consents;
import no.samhandling.platform.security.Caller;
import no.samhandling.platform.web.PageForms;
import no.samhandling.platform.web.ProblemException;
import no.samhandling.web.PageController;

/**
 * The child in a named case, for staff ({@code /barn}, behind the gateway): the intake form in
 * referral-service sends the staff member here to choose a child they registered and a consent
 * that covers the arena, or to register the child and its guardians (and then the consent, on
 * {@code /barn/{id}/samtykke}), and back again with the consent chosen. Whose children a staff
 * member sees, and every reading of a name, is {@link Subjects}' and {@link Consents}' rule, with
 * the access log, as for the API.
 */
@PageController
@RequestMapping("/barn")
@PreAuthorize(SubjectController.STAFF)
class ChildPages {

    /** How many guardians the registration form offers; the API takes up to six, added later one at a time. */
    static final int GUARDIAN_ROWS = 2;

    private final Subjects subjects;
    private final Consents consents;
    private final PageForms forms;

    ChildPages(Subjects subjects, Consents consents, PageForms forms) {
        this.subjects = subjects;
        this.consents = consents;
        this.forms = forms;
    }

    /** A child the staff member registered, with the consents under which the arena may discuss it. */
    record Child(SubjectView child, List<ConsentView> covering) {
    }

    @GetMapping
    String children(@RequestParam(required = false) String arena, @RequestParam(required = false) String tilbake, Caller caller,
            Model model) {
        List<Child> children = new ArrayList<>();
        for (SubjectView child : subjects.registeredBy(caller)) {
            children.add(new Child(child, arena == null ? List.of() : consents.coveringArena(caller, child.id(), arena)));
        }
        model.addAttribute("children", children);
        flow(model, arena, tilbake);
        return "children/list";
    }

    @GetMapping("/ny")
    String registerForm(@RequestParam(required = false) String arena, @RequestParam(required = false) String tilbake, Model model) {
        model.addAttribute("form", new LinkedHashMap<String, String>());
        model.addAttribute("errors", Map.of());
        model.addAttribute("rows", GUARDIAN_ROWS);
        flow(model, arena, tilbake);
        return "children/register";
    }

    @PostMapping("/ny")
    String register(@RequestParam MultiValueMap<String, String> fields, Caller caller, Model model) {
        String arena = fields.getFirst("arena");
        String tilbake = IntakeReturn.local(fields.getFirst("tilbake"));
        Map<String, String> errors = new LinkedHashMap<>();
        RegisterSubject request = request(fields, errors);
        forms.violations(request).forEach(errors::putIfAbsent);
        if (errors.isEmpty()) {
            try {
                SubjectView child = subjects.register(caller, request);
                return "redirect:" + UriComponentsBuilder.fromPath("/barn/{id}/samtykke").queryParamIfPresent("arena", java.util.Optional.ofNullable(arena))
                        .queryParamIfPresent("tilbake", java.util.Optional.ofNullable(tilbake)).queryParam("registrert")
                        .buildAndExpand(child.id()).encode().toUriString();
            } catch (ProblemException refusal) {
                errors.putAll(forms.of(refusal));
            }
        }
        model.addAttribute("form", fields.toSingleValueMap());
        model.addAttribute("errors", errors);
        model.addAttribute("rows", GUARDIAN_ROWS);
        flow(model, arena, tilbake);
        return "children/register";
    }

    /** Where the intake flow came from and goes back to, carried from page to page. */
    private static void flow(Model model, String arena, String tilbake) {
        model.addAttribute("arena", arena);
        model.addAttribute("tilbake", IntakeReturn.local(tilbake));
    }

    /** The API's request from the form: the guardian rows that have a name, dates as typed or reported unreadable. */
    private RegisterSubject request(MultiValueMap<String, String> fields, Map<String, String> unreadable) {
        List<RegisterSubject.NewGuardian> guardians = new ArrayList<>();
        for (int i = 0; i < GUARDIAN_ROWS; i++) {
            String prefix = "guardians[" + i + "].";
            if (blank(fields.getFirst(prefix + "name")) && i > 0) {
                continue;
            }
            guardians.add(new RegisterSubject.NewGuardian(text(fields.getFirst(prefix + "name")), optional(fields.getFirst(prefix + "email")),
                    optional(fields.getFirst(prefix + "phone")), "true".equals(fields.getFirst(prefix + "parentalResponsibility")),
                    optional(fields.getFirst(prefix + "userId")), "nn".equals(fields.getFirst(prefix + "language")) ? "nn" : "nb"));
        }
        LocalDate birthDate = null;
        if (!blank(fields.getFirst("birthDate"))) {
            try {
                birthDate = LocalDate.parse(fields.getFirst("birthDate"));
            } catch (DateTimeParseException notADate) {
                unreadable.put("birthDate", forms.message("children.form.date"));
            }
        }
        String nationalId = optional(fields.getFirst("nationalId"));
        return new RegisterSubject(text(fields.getFirst("name")), birthDate, nationalId == null ? null : nationalId.replaceAll("\\s", ""),
                guardians, null);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String optional(String value) {
        return blank(value) ? null : value.strip();
    }
}
