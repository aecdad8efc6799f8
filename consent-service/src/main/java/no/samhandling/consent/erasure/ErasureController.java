package no.samhandling.consent.erasure;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import no.samhandling.platform.security.Caller;

/** {@code POST /subjects/{id}/erase}: an administrator erases a child's personal data everywhere. */
@RestController
class ErasureController {

    private final Erasure erasure;

    ErasureController(Erasure erasure) {
        this.erasure = erasure;
    }

    @PostMapping("/subjects/{subjectId}/erase")
    @PreAuthorize("hasRole('ADMIN')")
    Erasure.ErasureView eraseSubject(@PathVariable String subjectId, Caller caller) {
        return erasure.eraseSubject(caller, subjectId);
    }
}
