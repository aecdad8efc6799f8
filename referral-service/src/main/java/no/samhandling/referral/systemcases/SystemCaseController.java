package no.samhandling.referral.systemcases;

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

/**
 * System-level cases for the leadership team: leaders and coordinators register them, leaders
 * follow them up and close them.
 */
@RestController
@RequestMapping("/system-cases")
class SystemCaseController {

    /** Who may register and read system cases; which ones each reads is {@link SystemCases}' rule. Shared with the pages. */
    static final String LEADERS_AND_COORDINATORS = "hasAnyRole('LEADER', 'COORDINATOR')";
    /** Who follows cases up and closes them. Shared with the pages. */
    static final String LEADERS = "hasRole('LEADER')";

    /** A code of a closed list with its label in the caller's language. */
    record Code(String code, String label) {
    }

    record Codes(List<Code> categories, List<Code> actions) {
    }

    private final SystemCases cases;
    private final MessageSource messages;

    SystemCaseController(SystemCases cases, MessageSource messages) {
        this.cases = cases;
        this.messages = messages;
    }

    @PostMapping
    @PreAuthorize(LEADERS_AND_COORDINATORS)
    ResponseEntity<SystemCaseView> register(@Valid @RequestBody SystemCaseRequests.RegisterSystemCase request, Caller caller) {
        SystemCaseView registered = cases.register(caller, request);
        return ResponseEntity.created(URI.create("/system-cases/" + registered.id())).body(registered);
    }

    @GetMapping
    @PreAuthorize(LEADERS_AND_COORDINATORS)
    List<SystemCaseView> list(@RequestParam(required = false) SystemCase.Status status, Caller caller) {
        return cases.list(caller, status);
    }

    @GetMapping("/codes")
    @PreAuthorize("hasAnyRole('LEADER', 'COORDINATOR', 'MEMBER', 'REFERRER')")
    Codes codes() {
        return new Codes(labelled("system-case.category.", SystemCaseCategory.values()),
                labelled("system-case.action.", SystemCaseAction.values()));
    }

    @GetMapping("/{id}")
    @PreAuthorize(LEADERS_AND_COORDINATORS)
    SystemCaseView find(@PathVariable String id, Caller caller) {
        return cases.find(caller, id).orElseThrow(() -> ProblemException.notFound("Systemsak", id));
    }

    @PostMapping("/{id}/follow-ups")
    @PreAuthorize(LEADERS)
    SystemCaseView followUp(@PathVariable String id, @Valid @RequestBody SystemCaseRequests.AddFollowUp request, Caller caller) {
        return cases.followUp(caller, id, request.note());
    }

    @PostMapping("/{id}/close")
    @PreAuthorize(LEADERS)
    SystemCaseView close(@PathVariable String id, @Valid @RequestBody SystemCaseRequests.CloseSystemCase request, Caller caller) {
        return cases.close(caller, id, request.actionCode(), request.actionTaken());
    }

    private List<Code> labelled(String prefix, Enum<?>[] codes) {
        return Arrays.stream(codes)
                .map(code -> new Code(code.name(), messages.getMessage(prefix + code.name(), null, LocaleContextHolder.getLocale())))
                .toList();
    }
}
