package no.samhandling.referral.leadership;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import no.samhandling.events.leadership.LeadershipItemKind;
import no.samhandling.platform.security.Caller;

/**
 * System-level cases for the leadership team: leaders and coordinators register them, leaders
 * follow them up and close them.
 */
@RestController
@RequestMapping("/system-cases")
class SystemCaseController {

    /** Who may register and read system cases; which ones each reads is {@link LeadershipItems}' rule. Shared with the pages. */
    static final String LEADERS_AND_COORDINATORS = "hasAnyRole('LEADER', 'COORDINATOR')";
    /** Who follows cases up and closes them. Shared with the pages. */
    static final String LEADERS = "hasRole('LEADER')";

    private static final LeadershipItemKind SYSTEM_CASE = LeadershipItemKind.SYSTEM_CASE;

    private final LeadershipItems items;
    private final CodeLists codeLists;

    SystemCaseController(LeadershipItems items, CodeLists codeLists) {
        this.items = items;
        this.codeLists = codeLists;
    }

    @PostMapping
    @PreAuthorize(LEADERS_AND_COORDINATORS)
    ResponseEntity<SystemCaseView> register(@Valid @RequestBody SystemCaseRequests.RegisterSystemCase request, Caller caller) {
        SystemCaseView registered = items.registerSystemCase(caller, request).asSystemCase();
        return ResponseEntity.created(URI.create("/system-cases/" + registered.id())).body(registered);
    }

    @GetMapping
    @PreAuthorize(LEADERS_AND_COORDINATORS)
    List<SystemCaseView> list(@RequestParam(required = false) LeadershipItem.Status status, Caller caller) {
        return items.list(caller, SYSTEM_CASE, status, null).stream().map(LeadershipItem::asSystemCase).toList();
    }

    @GetMapping("/codes")
    @PreAuthorize("hasAnyRole('LEADER', 'COORDINATOR', 'MEMBER', 'REFERRER')")
    CodeLists.Codes codes() {
        return codeLists.of("system-case", SystemCaseCategory.values(), SystemCaseAction.values());
    }

    @GetMapping("/{id}")
    @PreAuthorize(LEADERS_AND_COORDINATORS)
    SystemCaseView find(@PathVariable String id, Caller caller) {
        return items.find(caller, SYSTEM_CASE, id).map(LeadershipItem::asSystemCase)
                .orElseThrow(() -> LeadershipItems.notFound(SYSTEM_CASE, id));
    }

    @PostMapping("/{id}/follow-ups")
    @PreAuthorize(LEADERS)
    SystemCaseView followUp(@PathVariable String id, @Valid @RequestBody SystemCaseRequests.AddFollowUp request, Caller caller) {
        return items.followUp(caller, SYSTEM_CASE, id, request.note()).asSystemCase();
    }

    @PostMapping("/{id}/close")
    @PreAuthorize(LEADERS)
    SystemCaseView close(@PathVariable String id, @Valid @RequestBody SystemCaseRequests.CloseSystemCase request, Caller caller) {
        return items.close(caller, SYSTEM_CASE, id, request.actionCode(), request.actionTaken()).asSystemCase();
    }
}
