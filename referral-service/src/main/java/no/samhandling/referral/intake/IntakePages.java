package no.samhandling.referral.intake;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import no.samhandling.events.arena.DiscussionMode;
import no.samhandling.events.referral.PreventionLevel;
import no.samhandling.events.referral.Theme;
import no.samhandling.events.referral.UnitType;
import no.samhandling.platform.security.Caller;
import no.samhandling.platform.web.PageForms;
import no.samhandling.platform.web.ProblemException;
import no.samhandling.referral.arenas.ArenaDirectory;
import no.samhandling.web.PageController;

/**
 * "Meld inn sak" ({@code /meld-inn}, behind the gateway): Alta's intake as pages. First the staff
 * member says who they are (kind of unit), how old the child is and whether the case is anonymous
 * or under consent, and is shown the arenas that take such a case ({@link Intake#arenasTaking});
 * then fills in the chosen arena's form. A named case takes its consent from consent-service's
 * pages ({@code /barn}), which send the staff member back here with the consent chosen. The form is
 * checked by the API's own request record and {@link Intake#submitReferral}, and refusals are shown
 * on the field they name.
 */
@PageController
@RequestMapping("/meld-inn")
@PreAuthorize(ReferralController.REFERRERS)
class IntakePages {

    /** The kinds of unit staff register from: the contract's closed list, which arenas also use for their parties. */
    static final List<String> UNIT_TYPES = Arrays.stream(UnitType.values()).map(Enum::name).toList();
    static final List<String> AGE_BANDS = List.of("0-5", "6-12", "13-15", "16-18", "19-25");
    private static final Pattern MEASURE_FIELD = Pattern.compile("measuresTried-(\\d+)-(.+)");

    private final Intake intake;
    private final ArenaDirectory arenas;
    private final PageForms forms;

    IntakePages(Intake intake, ArenaDirectory arenas, PageForms forms) {
        this.intake = intake;
        this.arenas = arenas;
        this.forms = forms;
    }

    /** Who registers, about which age, anonymous or named: and the arenas that take it. */
    @GetMapping
    String chooseArena(@RequestParam(name = "enhet", required = false) String unitType,
            @RequestParam(name = "alder", required = false) String ageBand,
            @RequestParam(name = "samtykke", required = false) String consent, Caller caller, Model model) {
        Choice choice = Choice.of(unitType, ageBand, consent);
        model.addAttribute("choice", choice);
        model.addAttribute("complete", choice.complete());
        model.addAttribute("unitTypes", UNIT_TYPES);
        model.addAttribute("ageBands", AGE_BANDS);
        model.addAttribute("arenas", choice.complete()
                ? intake.arenasTaking(caller, choice.ageBand(), choice.unitType(), choice.named()) : List.of());
        return "intake/arenas";
    }

    @GetMapping("/{arenaId}")
    String form(@PathVariable String arenaId, @RequestParam(name = "enhet", required = false) String unitType,
            @RequestParam(name = "alder", required = false) String ageBand, @RequestParam(name = "samtykke", required = false) String consent,
            @RequestParam(name = "samtykkeId", required = false) String consentId, Caller caller, Model model) {
        Choice choice = Choice.of(unitType, ageBand, consent);
        if (!choice.complete()) {
            return "redirect:/meld-inn";
        }
        return form(model, caller, arenaId, choice, IntakeForm.empty(consentId), Map.of());
    }

    /** Sends the form: either adds a row of measures (a form that works without a script), or registers the case. */
    @PostMapping("/{arenaId}")
    String submit(@PathVariable String arenaId, @RequestParam MultiValueMap<String, String> fields, Caller caller, Model model) {
        Choice choice = Choice.of(fields.getFirst("enhet"), fields.getFirst("alder"), fields.getFirst("samtykke"));
        if (!choice.complete()) {
            return "redirect:/meld-inn";
        }
        IntakeForm form = IntakeForm.of(fields);
        if ("leggTilTiltak".equals(fields.getFirst("handling"))) {
            return form(model, caller, arenaId, choice, form.withAnotherMeasure(), Map.of());
        }
        Map<String, String> unreadable = new LinkedHashMap<>();
        SubmitReferral request = form.toRequest(arenaId, choice.unitType(), choice.ageBand(), choice.named(), unreadable);
        Map<String, String> errors = new LinkedHashMap<>();
        unreadable.forEach((field, key) -> errors.put(field, forms.message(key)));
        forms.violations(request).forEach(errors::putIfAbsent);
        if (errors.isEmpty()) {
            try {
                return "redirect:/saker/" + intake.submitReferral(caller, request).id() + "/kvittering";
            } catch (ProblemException refusal) {
                errors.putAll(forms.of(refusal));
            }
        }
        return form(model, caller, arenaId, choice, form, onTheirRows(errors, form));
    }

    private String form(Model model, Caller caller, String arenaId, Choice choice, IntakeForm form, Map<String, String> errors) {
        ArenaDirectory.KnownArena arena = arenas.find(caller.municipality(), arenaId)
                .filter(ArenaDirectory.KnownArena::active)
                .orElseThrow(() -> ProblemException.notFound("Arena", arenaId));
        model.addAttribute("arena", arena);
        model.addAttribute("choice", choice);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("themes", Theme.values());
        model.addAttribute("levels", PreventionLevel.values());
        model.addAttribute("anonymousAllowed", arena.discussionMode() != DiscussionMode.CONSENT_REQUIRED);
        return "intake/form";
    }

    /** The API numbers measures without the empty rows; each refusal goes back to the row it is about. */
    private static Map<String, String> onTheirRows(Map<String, String> errors, IntakeForm form) {
        Map<Integer, Integer> rows = form.measureRowsByRequestIndex();
        Map<String, String> placed = new LinkedHashMap<>();
        errors.forEach((field, message) -> {
            Matcher measure = MEASURE_FIELD.matcher(field);
            placed.putIfAbsent(measure.matches()
                    ? "measuresTried-" + rows.getOrDefault(Integer.parseInt(measure.group(1)), 0) + "-" + measure.group(2)
                    : field, message);
        });
        return placed;
    }

    /**
     * What the staff member chose before the form: their kind of unit, the child's age band, and
     * whether the case is discussed with consent. Values not in the lists count as not chosen.
     */
    record Choice(String unitType, String ageBand, Boolean named) {

        static Choice of(String unitType, String ageBand, String consent) {
            // List.of(…).contains(null) throws: a parameter not given is a choice not made.
            return new Choice(unitType != null && UNIT_TYPES.contains(unitType) ? unitType : null,
                    ageBand != null && AGE_BANDS.contains(ageBand) ? ageBand : null,
                    "ja".equals(consent) ? Boolean.TRUE : "nei".equals(consent) ? Boolean.FALSE : null);
        }

        boolean complete() {
            return unitType != null && ageBand != null && named != null;
        }
    }
}
