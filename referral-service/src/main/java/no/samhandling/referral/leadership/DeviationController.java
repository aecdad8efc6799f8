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

/** Deviation reports: any staff member reports one, the leadership team categorises, follows up and closes it. */
@RestController
@RequestMapping("/deviations")
class DeviationController {

    static final String STAFF = "hasAnyRole('REFERRER', 'COORDINATOR', 'MEMBER', 'LEADER')";
    /** Who reads the register and handles reports. Shared with the pages. */
    static final String LEADERS = "hasRole('LEADER')";

    private static final LeadershipItemKind DEVIATION = LeadershipItemKind.DEVIATION;

    private final LeadershipItems items;
    private final CodeLists codeLists;

    DeviationController(LeadershipItems items, CodeLists codeLists) {
        this.items = items;
        this.codeLists = codeLists;
    }

    @PostMapping
    @PreAuthorize(STAFF)
    ResponseEntity<DeviationView> report(@Valid @RequestBody DeviationRequests.ReportDeviation request, Caller caller) {
        DeviationView reported = items.reportDeviation(caller, request).asDeviation();
        return ResponseEntity.created(URI.create("/deviations/" + reported.id())).body(reported);
    }

    @GetMapping
    @PreAuthorize(LEADERS)
    List<DeviationView> list(@RequestParam(required = false) DeviationStatus status,
            @RequestParam(required = false) DeviationCategory category, Caller caller) {
        return items.list(caller, DEVIATION, status == null ? null : status.stored(), category).stream()
                .map(LeadershipItem::asDeviation).toList();
    }

    @GetMapping("/codes")
    @PreAuthorize(STAFF)
    CodeLists.Codes codes() {
        return codeLists.of("deviation", DeviationCategory.values(), DeviationAction.values());
    }

    /** Leaders read every report; the reporter reads their own. */
    @GetMapping("/{id}")
    @PreAuthorize(STAFF)
    DeviationView find(@PathVariable String id, Caller caller) {
        return items.find(caller, DEVIATION, id).map(LeadershipItem::asDeviation)
                .orElseThrow(() -> LeadershipItems.notFound(DEVIATION, id));
    }

    @PostMapping("/{id}/recategorise")
    @PreAuthorize(LEADERS)
    DeviationView recategorise(@PathVariable String id, @Valid @RequestBody DeviationRequests.Recategorise request, Caller caller) {
        return items.recategorise(caller, DEVIATION, id, request.category()).asDeviation();
    }

    @PostMapping("/{id}/follow-ups")
    @PreAuthorize(LEADERS)
    DeviationView followUp(@PathVariable String id, @Valid @RequestBody DeviationRequests.AddFollowUp request, Caller caller) {
        return items.followUp(caller, DEVIATION, id, request.note()).asDeviation();
    }

    @PostMapping("/{id}/close")
    @PreAuthorize(LEADERS)
    DeviationView close(@PathVariable String id, @Valid @RequestBody DeviationRequests.CloseDeviation request, Caller caller) {
        return items.close(caller, DEVIATION, id, request.actionCode(), request.actionTaken()).asDeviation();
    }
}
