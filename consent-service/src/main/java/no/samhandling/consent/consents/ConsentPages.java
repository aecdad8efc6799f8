package no.samhandling.consent.consents;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import no.samhandling.consent.arenas.ArenaParties;
import no.samhandling.consent.subjects.IntakeReturn;
import no.samhandling.consent.subjects.SubjectView;
import no.samhandling.consent.subjects.Subjects;
import no.samhandling.platform.security.Caller;
import no.samhandling.platform.web.PageForms;
import no.samhandling.platform.web.ProblemException;
import no.samhandling.web.PageController;

/**
 * Recording the guardians' (or the youth's) consent for a named case ({@code /barn/{id}/samtykke},
 * behind the gateway), in the intake flow: the consent is for the arena the case goes to, with
 * every service that sits in it (information goes to the whole arena), for interdisciplinary
 * discussion. Checked by the API's own request record and recorded by {@link Consents}, which
 * applies the municipality's rules of who must consent; a consent that is complete sends the staff
 * member back to the intake form with it chosen.
 */
@PageController
@RequestMapping("/barn/{subjectId}/samtykke")
@PreAuthorize(ConsentController.STAFF)
class ConsentPages {

    static final String PURPOSE = "INTERDISCIPLINARY_DISCUSSION";
    /** The kinds of information a consent may name as included or excluded (the guardians' page words each). */
    static final List<String> INFORMATION = List.of("ATTENDANCE", "LEARNING", "LANGUAGE", "BEHAVIOUR", "FAMILY", "HEALTH",
            "HEALTH_RECORD", "CHILD_WELFARE");

    private final Consents consents;
    private final Subjects subjects;
    private final ArenaParties arenas;
    private final PageForms forms;

    ConsentPages(Consents consents, Subjects subjects, ArenaParties arenas, PageForms forms) {
        this.consents = consents;
        this.subjects = subjects;
        this.arenas = arenas;
        this.forms = forms;
    }

    @GetMapping
    String form(@PathVariable String subjectId, @RequestParam(required = false) String arena,
            @RequestParam(required = false) String tilbake, Caller caller, Model model) {
        return page(model, caller, subjectId, arena, IntakeReturn.local(tilbake), new LinkedMultiValueMap<>(), Map.of());
    }

    @PostMapping
    String record(@PathVariable String subjectId, @RequestParam MultiValueMap<String, String> fields, Caller caller, Model model) {
        String arena = fields.getFirst("arena");
        String tilbake = IntakeReturn.local(fields.getFirst("tilbake"));
        Map<String, String> errors = new LinkedHashMap<>();
        if (arena == null || arena.isBlank()) {
            throw ProblemException.invalid("arena", "consent.page.arena-missing");
        }
        List<String> parties = arenas.partiesOf(caller.municipality(), arena).orElse(List.of());
        LocalDate validTo = null;
        if (!blank(fields.getFirst("validTo"))) {
            try {
                validTo = LocalDate.parse(fields.getFirst("validTo"));
            } catch (DateTimeParseException notADate) {
                errors.put("validTo", forms.message("children.form.date"));
            }
        }
        Evidence.Type evidenceType = null;
        try {
            evidenceType = blank(fields.getFirst("evidence.type")) ? null : Evidence.Type.valueOf(fields.getFirst("evidence.type"));
        } catch (IllegalArgumentException unknown) {
            errors.put("evidence-type", forms.message("form.required"));
        }
        ConsentRequests.RecordConsent request = new ConsentRequests.RecordConsent(text(fields.getFirst("legalArea")),
                new ConsentRequests.DecidedBy(fields.getOrDefault("decidedBy.guardianIds", List.of()), "true".equals(fields.getFirst("decidedBy.youth"))),
                new ConsentRequests.ScopeRequest(List.of(arena), parties, PURPOSE, known(fields.get("scope.informationIncluded")),
                        known(fields.get("scope.informationExcluded"))),
                null, validTo, new ConsentRequests.EvidenceRequest(evidenceType, optional(fields.getFirst("evidence.reference"))));
        forms.violations(request).forEach(errors::putIfAbsent);
        if (errors.isEmpty()) {
            try {
                ConsentView consent = consents.recordConsent(caller, subjectId, request);
                if (consent.active() && tilbake != null) {
                    return "redirect:" + IntakeReturn.withConsent(tilbake, consent.id());
                }
                return "redirect:" + UriComponentsBuilder.fromPath("/barn").queryParam("arena", arena)
                        .queryParamIfPresent("tilbake", java.util.Optional.ofNullable(tilbake))
                        .queryParam(consent.active() ? "registrert" : "venter").encode().toUriString();
            } catch (ProblemException refusal) {
                if (refusal.status().value() == 404) {
                    throw refusal;
                }
                errors.putAll(forms.of(refusal));
            }
        }
        return page(model, caller, subjectId, arena, tilbake, fields, errors);
    }

    private String page(Model model, Caller caller, String subjectId, String arena, String tilbake, MultiValueMap<String, String> form,
            Map<String, String> errors) {
        SubjectView child = subjects.find(caller, subjectId);
        model.addAttribute("child", child);
        model.addAttribute("arena", arena);
        model.addAttribute("tilbake", tilbake);
        model.addAttribute("parties", arena == null ? List.of() : arenas.partiesOf(caller.municipality(), arena).orElse(List.of()));
        model.addAttribute("legalAreas", consents.legalAreas(caller));
        model.addAttribute("information", INFORMATION);
        model.addAttribute("evidenceTypes", List.of(Evidence.Type.SIGNED_FORM, Evidence.Type.DIGITAL_SIGNATURE, Evidence.Type.ORAL));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "children/consent";
    }

    private static List<String> known(List<String> codes) {
        return codes == null ? List.of() : codes.stream().filter(INFORMATION::contains).toList();
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
