package no.samhandling.consent.subjects;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import no.samhandling.platform.security.Caller;

/**
 * Staff of the municipality register children and their guardians; a child is seen and changed
 * only by those related to it ({@link Subjects}). Administrators erase, and register nothing.
 */
@RestController
@RequestMapping("/subjects")
@PreAuthorize(SubjectController.STAFF)
class SubjectController {

    /** Who may use the staff API at all; whose children each sees is the relations' rule. */
    static final String STAFF = "hasAnyRole('REFERRER', 'COORDINATOR', 'MEMBER')";

    private final Subjects subjects;

    SubjectController(Subjects subjects) {
        this.subjects = subjects;
    }

    @PostMapping
    ResponseEntity<SubjectView> registerSubject(@Valid @RequestBody RegisterSubject request, Caller caller) {
        SubjectView subject = subjects.register(caller, request);
        return ResponseEntity.created(URI.create("/subjects/" + subject.id())).body(subject);
    }

    @GetMapping("/{subjectId}")
    SubjectView find(@PathVariable String subjectId, Caller caller) {
        return subjects.find(caller, subjectId);
    }

    @PutMapping("/{subjectId}/youth-login")
    SubjectView linkYouthLogin(@PathVariable String subjectId, @Valid @RequestBody RegisterSubject.YouthLogin login, Caller caller) {
        return subjects.linkYouthLogin(caller, subjectId, login);
    }

    @PostMapping("/{subjectId}/guardians")
    ResponseEntity<SubjectView> addGuardian(@PathVariable String subjectId,
            @Valid @RequestBody RegisterSubject.NewGuardian guardian, Caller caller) {
        return ResponseEntity.status(201).body(subjects.addGuardian(caller, subjectId, guardian));
    }
}
