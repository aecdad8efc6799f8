package no.samhandling.referral.deviations;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
import no.samhandling.platform.security.Caller;
import no.samhandling.platform.web.ProblemException;

/** Deviation reports: any staff member reports one, the leadership team categorises, follows up and closes it. */
@RestController
@RequestMapping("/deviations")
class DeviationController {

    static final String STAFF = "hasAnyRole('REFERRER', 'COORDINATOR', 'MEMBER', 'LEADER')";
    /** Who reads the register and handles reports. Shared with the pages. */
    static final String LEADERS = "hasRole('LEADER')";

    /** A code of a closed list with its label in the caller's language. */
    record Code(String code, String label) {
    }

    record Codes(List<Code> categories, List<Code> actions) {
    }

    private final Deviations deviations;
    private final MessageSource messages;

    DeviationController(Deviations deviations, MessageSource messages) {
        this.deviations = deviations;
        this.messages = messages;
    }

    @PostMapping
    @PreAuthorize(STAFF)
    ResponseEntity<DeviationView> report(@Valid @RequestBody DeviationRequests.ReportDeviation request, Caller caller) {
        DeviationView reported = deviations.report(caller, request);
        return ResponseEntity.created(URI.create("/deviations/" + reported.id())).body(reported);
    }

    @GetMapping
    @PreAuthorize(LEADERS)
    List<DeviationView> list(@RequestParam(required = false) Deviation.Status status,
            @RequestParam(required = false) DeviationCategory category, Caller caller) {
        return deviations.list(caller, status, category);
    }

    @GetMapping("/codes")
    @PreAuthorize(STAFF)
    Codes codes() {
        return new Codes(labelled("deviation.category.", DeviationCategory.values()),
                labelled("deviation.action.", DeviationAction.values()));
    }

    /** Leaders read every report; the reporter reads their own. */
    @GetMapping("/{id}")
    @PreAuthorize(STAFF)
    DeviationView find(@PathVariable String id, Caller caller) {
        return deviations.find(caller, id).orElseThrow(() -> ProblemException.notFound("Avvik", id));
    }

    @PostMapping("/{id}/recategorise")
    @PreAuthorize(LEADERS)
    DeviationView recategorise(@PathVariable String id, @Valid @RequestBody DeviationRequests.Recategorise request, Caller caller) {
        return deviations.recategorise(caller, id, request.category());
    }

    @PostMapping("/{id}/follow-ups")
    @PreAuthorize(LEADERS)
    DeviationView followUp(@PathVariable String id, @Valid @RequestBody DeviationRequests.AddFollowUp request, Caller caller) {
        return deviations.followUp(caller, id, request.note());
    }

    @PostMapping("/{id}/close")
    @PreAuthorize(LEADERS)
    DeviationView close(@PathVariable String id, @Valid @RequestBody DeviationRequests.CloseDeviation request, Caller caller) {
        return deviations.close(caller, id, request.actionCode(), request.actionTaken());
    }

    private List<Code> labelled(String prefix, Enum<?>[] codes) {
        return Arrays.stream(codes)
                .map(code -> new Code(code.name(), messages.getMessage(prefix + code.name(), null, LocaleContextHolder.getLocale())))
                .toList();
    }
}
