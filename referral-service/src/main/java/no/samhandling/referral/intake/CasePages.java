package no.samhandling.referral.intake;

import no.samhandling.platform.access.Relation;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import no.samhandling.platform.security.Caller;
import no.samhandling.platform.security.Role;
import no.samhandling.platform.web.PageForms;
import no.samhandling.platform.web.ProblemException;
import no.samhandling.referral.arenas.ArenaDirectory;
import no.samhandling.web.PageController;

/**
 * Cases as pages ({@code /saker}, behind the gateway; notices link to {@code /saker/{id}}): "Mine
 * saker" for the staff member who registered them, the incoming cases of the arenas a coordinator
 * or member sits in, and one case with the coordinator's steps (accept, return with a reason,
 * schedule, escalate, close) and the audited opening of a named case's personal data. What a
 * caller sees and may do is decided by {@link Intake} and {@link Lifecycle}, as for the API; a
 * page only offers the steps the case's status and the caller's relation allow.
 */
@PageController
@RequestMapping("/saker")
class CasePages {

    /** Why a coordinator sends a case back (Melhus: measures must be tried locally first); the API takes any code. */
    static final List<String> RETURN_REASONS = List.of("MEASURES_NOT_TRIED", "WRONG_ARENA", "INCOMPLETE", "OTHER");
    /** Why a case ends; the API takes any code. */
    static final List<String> CLOSE_REASONS = List.of("RESOLVED", "FOLLOWED_UP_ELSEWHERE", "NO_FURTHER_ACTION");
    /** The statuses of a case still being worked on, the default of the incoming list. */
    static final Set<Referral.Status> OPEN = EnumSet.of(Referral.Status.SUBMITTED, Referral.Status.ACCEPTED, Referral.Status.SCHEDULED,
            Referral.Status.DISCUSSED, Referral.Status.FOLLOW_UP);

    private final Intake intake;
    private final Lifecycle lifecycle;
    private final ArenaDirectory arenas;
    private final PageForms forms;

    CasePages(Intake intake, Lifecycle lifecycle, ArenaDirectory arenas, PageForms forms) {
        this.intake = intake;
        this.lifecycle = lifecycle;
        this.arenas = arenas;
        this.forms = forms;
    }

    /** The caller's own cases, and the cases of the arenas they sit in. */
    @GetMapping
    @PreAuthorize(ReferralController.CASE_READERS)
    String cases(@RequestParam(required = false) Referral.Status status, Caller caller, Model model) {
        boolean referrer = caller.hasAny(Role.REFERRER, Role.COORDINATOR);
        boolean inArenas = caller.hasAny(Role.COORDINATOR, Role.MEMBER);
        model.addAttribute("referrer", referrer);
        model.addAttribute("inArenas", inArenas);
        model.addAttribute("mine", referrer ? intake.list(caller, null, null) : List.of());
        model.addAttribute("incoming", inArenas ? intake.ofMyArenas(caller, status == null ? OPEN : Set.of(status)) : List.of());
        model.addAttribute("status", status);
        model.addAttribute("statuses", Referral.Status.values());
        model.addAttribute("arenaTitles", titles(caller));
        return "cases/list";
    }

    @GetMapping("/{id}")
    @PreAuthorize(ReferralController.CASE_READERS)
    String show(@PathVariable String id, Caller caller, Model model) {
        return page(model, caller, seen(caller, id), Map.of(), null);
    }

    /** What the staff member sees right after registering: the case as received, and what happens next. */
    @GetMapping("/{id}/kvittering")
    @PreAuthorize(ReferralController.CASE_READERS)
    String receipt(@PathVariable String id, Caller caller, Model model) {
        Intake.SeenCase seen = seen(caller, id);
        model.addAttribute("case", seen.referral());
        model.addAttribute("arena", arena(caller, seen.referral().arenaId()));
        return "cases/receipt";
    }

    @PostMapping("/{id}/ta-imot")
    @PreAuthorize("hasRole('COORDINATOR')")
    String accept(@PathVariable String id, Caller caller, Model model) {
        return step(model, caller, id, Map.of(), Map.of(), () -> {
            lifecycle.accept(caller, id);
            return "redirect:/saker/" + id + "?tattImot";
        });
    }

    @PostMapping("/{id}/returner")
    @PreAuthorize("hasRole('COORDINATOR')")
    String returnToReferrer(@PathVariable String id, @RequestParam(defaultValue = "") String reasonCode,
            @RequestParam(defaultValue = "") String reasonText, Caller caller, Model model) {
        LifecycleController.ReturnReferral request = new LifecycleController.ReturnReferral(reasonCode, reasonText.isBlank() ? null : reasonText);
        return step(model, caller, id, forms.violations(request), Map.of("reasonCode", reasonCode, "reasonText", reasonText), () -> {
            lifecycle.returnToReferrer(caller, id, request.reasonCode(), request.reasonText());
            return "redirect:/saker/" + id + "?returnert";
        });
    }

    /** On the agenda of one of the arena's coming meetings (the page offers those; scheduling checks the meeting). */
    @PostMapping("/{id}/sett-opp")
    @PreAuthorize("hasRole('COORDINATOR')")
    String schedule(@PathVariable String id, @RequestParam(defaultValue = "") String meetingId, Caller caller, Model model) {
        LifecycleController.ScheduleReferral request = new LifecycleController.ScheduleReferral(meetingId);
        return step(model, caller, id, forms.violations(request), Map.of("meetingId", meetingId), () -> {
            lifecycle.scheduleTo(caller, id, request.meetingId());
            return "redirect:/saker/" + id + "?satt";
        });
    }

    /** The case goes on in the arena above as a new, linked case; the page shows this one, which now links to it. */
    @PostMapping("/{id}/loft")
    @PreAuthorize("hasRole('COORDINATOR')")
    String escalate(@PathVariable String id, Caller caller, Model model) {
        return step(model, caller, id, Map.of(), Map.of(), () -> {
            lifecycle.escalate(caller, id);
            return "redirect:/saker/" + id + "?loftet";
        });
    }

    @PostMapping("/{id}/lukk")
    @PreAuthorize("hasRole('COORDINATOR')")
    String close(@PathVariable String id, @RequestParam(defaultValue = "") String reasonCode, Caller caller, Model model) {
        LifecycleController.CloseReferral request = new LifecycleController.CloseReferral(reasonCode);
        return step(model, caller, id, forms.violations(request), Map.of("reasonCode", reasonCode), () -> {
            lifecycle.close(caller, id, reasonCode);
            return "redirect:/saker/" + id + "?lukket";
        });
    }

    /**
     * Opens a named case's personal data for the purpose the reader chose; the read is written to
     * the read audit before anything is shown. Nothing of it is kept: the answer is not cached, and
     * reloading asks again (and is logged again).
     */
    @PostMapping("/{id}/personopplysninger")
    @PreAuthorize(ReferralController.CASE_READERS)
    String openPersonalData(@PathVariable String id, @RequestParam(required = false) ReadPurpose purpose, Caller caller, Model model,
            HttpServletResponse response) {
        Intake.SeenCase seen = seen(caller, id);
        if (purpose == null) {
            return page(model, caller, seen, Map.of("purpose", forms.message("cases.personalData.choosePurpose")), null);
        }
        PersonalDataView data;
        try {
            data = intake.openPersonalData(caller, id, purpose);
        } catch (ProblemException refusal) {
            if (refusal.status().is5xxServerError()) {
                throw refusal;
            }
            PageForms.rethrowUnlessCorrectable(refusal);
            return page(model, caller, seen, Map.of("purpose", forms.message(refusal)), null);
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("purpose", purpose);
        return page(model, caller, seen, Map.of(), data);
    }

    private String step(Model model, Caller caller, String id, Map<String, String> errors, Map<String, String> typed,
            java.util.function.Supplier<String> take) {
        Map<String, String> shown = new LinkedHashMap<>(errors);
        if (shown.isEmpty()) {
            try {
                return take.get();
            } catch (ProblemException refusal) {
                PageForms.rethrowUnlessCorrectable(refusal);
                // The API names the status by its code; a page names it as people do.
                shown.put("step", "referral.invalid-transition".equals(refusal.messageKey())
                        ? forms.message("case.notPossibleFrom", forms.message("referral.status." + seen(caller, id).referral().status()))
                        : forms.message(refusal));
            }
        }
        model.addAttribute("typed", typed);
        return page(model, caller, seen(caller, id), shown, null);
    }

    private String page(Model model, Caller caller, Intake.SeenCase seen, Map<String, String> errors, PersonalDataView personalData) {
        ReferralView referral = seen.referral();
        model.addAttribute("case", referral);
        model.addAttribute("arena", arena(caller, referral.arenaId()));
        model.addAttribute("coordinator", seen.relation() == Relation.ARENA_COORDINATOR);
        model.addAttribute("steps", seen.steps().stream().map(Enum::name).collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("meetings", seen.comingMeetings());
        model.addAttribute("escalationTarget", arenas.find(caller.municipality(), referral.arenaId())
                .map(ArenaDirectory.KnownArena::escalationArenaId)
                .flatMap(target -> arenas.find(caller.municipality(), target))
                .orElse(null));
        model.addAttribute("returnReasons", RETURN_REASONS);
        model.addAttribute("closeReasons", CLOSE_REASONS);
        model.addAttribute("purposes", ReadPurpose.values());
        model.addAttribute("personalData", personalData);
        model.addAttribute("errors", errors);
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of());
        }
        return "cases/case";
    }

    private Intake.SeenCase seen(Caller caller, String id) {
        return intake.see(caller, id);
    }

    private ArenaDirectory.KnownArena arena(Caller caller, String arenaId) {
        return arenas.find(caller.municipality(), arenaId).orElse(null);
    }

    private Map<String, String> titles(Caller caller) {
        return arenas.titles(caller.municipality());
    }
}
