package no.samhandling.referral.intake;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import no.samhandling.personaldata.NoIdentifiers;
import no.samhandling.platform.security.Caller;

/** The coordinator's steps on a referral, and withdrawal by the referrer or the child's guardians. */
@RestController
@RequestMapping("/referrals/{id}")
class LifecycleController {

    static final String CODE = "[A-Z][A-Z0-9_]{0,63}";

    /** Reason codes such as MEASURES_NOT_TRIED, WRONG_ARENA, INCOMPLETE; the text explains it to the referrer. */
    record ReturnReferral(@NotBlank @Pattern(regexp = CODE) String reasonCode, @Size(max = 2000) @NoIdentifiers String reasonText) {
    }

    record ScheduleReferral(@NotBlank @Size(max = 64) String meetingId) {
    }

    /** Reason codes such as RESOLVED, FOLLOWED_UP_ELSEWHERE, NO_FURTHER_ACTION. */
    record CloseReferral(@NotBlank @Pattern(regexp = CODE) String reasonCode) {
    }

    private final Lifecycle lifecycle;

    LifecycleController(Lifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @PostMapping("/accept")
    @PreAuthorize("hasRole('COORDINATOR')")
    ReferralView accept(@PathVariable String id, Caller caller) {
        return lifecycle.accept(caller, id);
    }

    @PostMapping("/return")
    @PreAuthorize("hasRole('COORDINATOR')")
    ReferralView returnToReferrer(@PathVariable String id, @Valid @RequestBody ReturnReferral request, Caller caller) {
        return lifecycle.returnToReferrer(caller, id, request.reasonCode(), request.reasonText());
    }

    @PostMapping("/schedule")
    @PreAuthorize("hasRole('COORDINATOR')")
    ReferralView schedule(@PathVariable String id, @Valid @RequestBody ScheduleReferral request, Caller caller) {
        return lifecycle.scheduleTo(caller, id, request.meetingId());
    }

    @PostMapping("/escalate")
    @PreAuthorize("hasRole('COORDINATOR')")
    ResponseEntity<ReferralView> escalate(@PathVariable String id, Caller caller) {
        ReferralView escalated = lifecycle.escalate(caller, id);
        return ResponseEntity.created(URI.create("/referrals/" + escalated.id())).body(escalated);
    }

    @PostMapping("/close")
    @PreAuthorize("hasRole('COORDINATOR')")
    ReferralView close(@PathVariable String id, @Valid @RequestBody CloseReferral request, Caller caller) {
        return lifecycle.close(caller, id, request.reasonCode());
    }

    @PostMapping("/withdraw")
    @PreAuthorize("hasAnyRole('REFERRER', 'COORDINATOR', 'GUARDIAN')")
    ReferralView withdraw(@PathVariable String id, Caller caller) {
        return lifecycle.withdraw(caller, id);
    }
}
