package no.samhandling.referral.intake;

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
import jakarta.validation.constraints.Size;
import no.samhandling.platform.security.Caller;

@RestController
@RequestMapping("/referrals")
class ReferralController {

    /** Who registers concerns: staff, and coordinators (who are staff too). */
    static final String REFERRERS = "hasAnyRole('REFERRER', 'COORDINATOR')";
    /** Who may look for cases at all; which cases each sees is need-to-know's rule. */
    static final String CASE_READERS = "hasAnyRole('REFERRER', 'COORDINATOR', 'MEMBER')";

    private final Intake intake;

    ReferralController(Intake intake) {
        this.intake = intake;
    }

    @PostMapping
    @PreAuthorize(REFERRERS)
    ResponseEntity<ReferralView> submitReferral(@Valid @RequestBody SubmitReferral request, Caller caller) {
        ReferralView referral = intake.submitReferral(caller, request);
        return ResponseEntity.created(URI.create("/referrals/" + referral.id())).body(referral);
    }

    /** With {@code arenaId}: the arena's referrals, for its coordinator and members. Without: the caller's own. */
    @GetMapping
    @PreAuthorize(CASE_READERS)
    List<ReferralView> list(@RequestParam(required = false) @Size(max = 64) String arenaId,
            @RequestParam(required = false) Referral.Status status, Caller caller) {
        return intake.list(caller, arenaId, status);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('REFERRER', 'COORDINATOR', 'MEMBER', 'GUARDIAN')")
    ReferralView find(@PathVariable String id, Caller caller) {
        return intake.find(caller, id);
    }

    /** A named case's identity and free text, for a stated purpose; every call is written to the read audit. */
    @GetMapping("/{id}/personal-data")
    @PreAuthorize("hasAnyRole('REFERRER', 'COORDINATOR', 'MEMBER', 'GUARDIAN')")
    PersonalDataView personalData(@PathVariable String id, @RequestParam ReadPurpose purpose, Caller caller) {
        return intake.openPersonalData(caller, id, purpose);
    }
}
