package no.samhandling.referral.intake;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import no.samhandling.platform.security.Caller;
import no.samhandling.platform.web.ProblemException;

@RestController
@RequestMapping("/referrals")
class ReferralController {

    private final Intake intake;

    ReferralController(Intake intake) {
        this.intake = intake;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('REFERRER', 'COORDINATOR')")
    ResponseEntity<ReferralView> submitReferral(@Valid @RequestBody SubmitReferral request, Caller caller) {
        ReferralView referral = intake.submitReferral(caller, request);
        return ResponseEntity.created(URI.create("/referrals/" + referral.id())).body(referral);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('REFERRER', 'COORDINATOR', 'MEMBER')")
    ReferralView find(@PathVariable String id, Caller caller) {
        return intake.find(caller, id).orElseThrow(() -> ProblemException.notFound("Sak", id));
    }
}
