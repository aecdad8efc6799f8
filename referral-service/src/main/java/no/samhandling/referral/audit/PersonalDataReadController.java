package no.samhandling.referral.audit;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read audit for consent-service's guardian view ("who has read my child's data"), to a
 * service token with the {@code audit} scope. Read-only: there is no way to change the log here.
 */
@RestController
class PersonalDataReadController {

    /** One read as the guardian view shows it. */
    record ReadEntry(String readerId, String readerRole, java.time.Instant readAt, String referralId, String purpose) {
    }

    private final PersonalDataReads reads;

    PersonalDataReadController(PersonalDataReads reads) {
        this.reads = reads;
    }

    @GetMapping("/personal-data-reads")
    @PreAuthorize("hasAuthority('SCOPE_audit')")
    List<ReadEntry> reads(@RequestParam String subjectId) {
        return reads.ofSubject(subjectId).stream()
                .map(read -> new ReadEntry(read.readerId(), read.readerRole(), read.readAt(), read.referralId(), read.purpose()))
                .toList();
    }
}
