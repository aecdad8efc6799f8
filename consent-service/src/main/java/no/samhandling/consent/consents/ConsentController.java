package no.samhandling.consent.consents;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import no.samhandling.platform.security.Caller;

/**
 * Staff record consents and refusals as guardians and youths give them, and limitations and
 * withdrawals; only those related to the child ({@link Consents}).
 */
@RestController
@PreAuthorize(ConsentController.STAFF)
class ConsentController {

    /** Who may use the staff API at all; whose children's consents each sees is the relations' rule. */
    static final String STAFF = "hasAnyRole('REFERRER', 'COORDINATOR', 'MEMBER')";

    private final Consents consents;

    ConsentController(Consents consents) {
        this.consents = consents;
    }

    @PostMapping("/subjects/{subjectId}/consents")
    ResponseEntity<ConsentView> recordConsent(@PathVariable String subjectId,
            @Valid @RequestBody ConsentRequests.RecordConsent request, Caller caller) {
        return created(consents.recordConsent(caller, subjectId, request));
    }

    @PostMapping("/subjects/{subjectId}/refusals")
    ResponseEntity<ConsentView> recordRefusal(@PathVariable String subjectId,
            @Valid @RequestBody ConsentRequests.RecordRefusal request, Caller caller) {
        return created(consents.recordRefusal(caller, subjectId, request));
    }

    @GetMapping("/subjects/{subjectId}/consents")
    List<ConsentView> consentsOfSubject(@PathVariable String subjectId, Caller caller) {
        return consents.ofSubject(caller, subjectId);
    }

    @GetMapping("/consents/{consentId}")
    ConsentView find(@PathVariable String consentId, Caller caller) {
        return consents.find(caller, consentId);
    }

    @PostMapping("/consents/{consentId}/approvals")
    ConsentView approve(@PathVariable String consentId, @Valid @RequestBody ConsentRequests.Decide request, Caller caller) {
        return consents.approve(caller, consentId, request);
    }

    @PostMapping("/consents/{consentId}/refusals")
    ConsentView refuse(@PathVariable String consentId, @Valid @RequestBody ConsentRequests.Decide request, Caller caller) {
        return consents.refuse(caller, consentId, request);
    }

    @PostMapping("/consents/{consentId}/limit")
    ConsentView limit(@PathVariable String consentId, @Valid @RequestBody ConsentRequests.LimitConsent request, Caller caller) {
        return consents.limit(caller, consentId, request);
    }

    @PostMapping("/consents/{consentId}/withdraw")
    ConsentView recordWithdrawal(@PathVariable String consentId, @Valid @RequestBody ConsentRequests.RecordWithdrawal request,
            Caller caller) {
        return consents.recordWithdrawal(caller, consentId, request);
    }

    private static ResponseEntity<ConsentView> created(ConsentView consent) {
        return ResponseEntity.created(URI.create("/consents/" + consent.id())).body(consent);
    }
}
