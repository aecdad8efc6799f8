package no.samhandling.arena.membership;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import no.samhandling.arena.catalogue.ArenaLookup;
import no.samhandling.events.arena.MemberRole;
import no.samhandling.platform.security.Caller;
import no.samhandling.platform.security.Role;
import no.samhandling.platform.web.PageForms;
import no.samhandling.platform.web.ProblemException;
import no.samhandling.web.PageController;

/**
 * The arenas a coordinator or member sits in, as pages ({@code /arenaer}, behind the gateway): the
 * list with their place in each, and one arena with its mandate, rhythm and members, where its
 * coordinator adds and removes members. {@link Memberships} decides who may see and change the
 * members, as for the API; a page only offers the forms to the arena's coordinator.
 */
@PageController
@RequestMapping("/arenaer")
@PreAuthorize("hasAnyRole('COORDINATOR', 'MEMBER', 'ADMIN')")
class ArenaPages {

    private final Memberships memberships;
    private final ArenaLookup arenas;
    private final PageForms forms;

    ArenaPages(Memberships memberships, ArenaLookup arenas, PageForms forms) {
        this.memberships = memberships;
        this.arenas = arenas;
        this.forms = forms;
    }

    /** One of the caller's arenas, with their place in it. */
    record Place(ArenaLookup.Summary arena, MemberRole role) {
    }

    @GetMapping
    String mine(Caller caller, Model model) {
        List<Place> places = memberships.placesOf(caller).entrySet().stream()
                .flatMap(place -> arenas.summary(caller.municipality(), place.getKey()).stream().map(arena -> new Place(arena, place.getValue())))
                .sorted(java.util.Comparator.comparing(place -> place.arena().title()))
                .toList();
        model.addAttribute("places", places);
        return "arenas/list";
    }

    @GetMapping("/{arenaId}")
    String arena(@PathVariable String arenaId, Caller caller, Model model) {
        return page(model, caller, arenaId, Map.of(), Map.of());
    }

    @PostMapping("/{arenaId}/medlemmer")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
    String addMember(@PathVariable String arenaId, @RequestParam(defaultValue = "") String userId, @RequestParam(defaultValue = "") String party,
            @RequestParam(required = false) MemberRole role, Caller caller, Model model) {
        MembershipController.JoinArena request = new MembershipController.JoinArena(userId.strip(), party, role, null);
        Map<String, String> errors = new LinkedHashMap<>(forms.violations(request));
        if (errors.isEmpty()) {
            try {
                memberships.join(caller, arenaId, request.userId(), request.party(), request.role(), null);
                return "redirect:/arenaer/" + arenaId + "?lagtTil";
            } catch (ProblemException refusal) {
                PageForms.rethrowUnlessCorrectable(refusal);
                errors.put(refusal.properties().containsKey("field") ? PageForms.fieldId(String.valueOf(refusal.properties().get("field")))
                        : "userId", forms.message(refusal));
            }
        }
        return page(model, caller, arenaId, errors, Map.of("userId", userId, "party", party, "role", role == null ? "" : role.name()));
    }

    @PostMapping("/{arenaId}/medlemmer/{userId}/fjern")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
    String removeMember(@PathVariable String arenaId, @PathVariable String userId, Caller caller, Model model) {
        try {
            memberships.leave(caller, arenaId, userId);
            return "redirect:/arenaer/" + arenaId + "?fjernet";
        } catch (ProblemException refusal) {
            PageForms.rethrowUnlessCorrectable(refusal);
            return page(model, caller, arenaId, Map.of("members", forms.message(refusal)), Map.of());
        }
    }

    private String page(Model model, Caller caller, String arenaId, Map<String, String> errors, Map<String, String> typed) {
        ArenaLookup.Summary arena = arenas.summary(caller.municipality(), arenaId).orElseThrow(() -> ProblemException.notFound("Arena", arenaId));
        MemberRole place = memberships.placesOf(caller).get(arenaId);
        model.addAttribute("arena", arena);
        model.addAttribute("place", place);
        model.addAttribute("members", memberships.members(caller, arenaId));
        // Whether to offer the coordinator's forms; adding and removing check who may, as the API does.
        model.addAttribute("coordinator", caller.has(Role.ADMIN) || caller.has(Role.COORDINATOR) && place == MemberRole.COORDINATOR);
        model.addAttribute("roles", MemberRole.values());
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        return "arenas/arena";
    }
}
