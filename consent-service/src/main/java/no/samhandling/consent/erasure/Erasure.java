package no.samhandling.consent.erasure;

import org.springframework.stereotype.Service;

import no.samhandling.consent.consents.Consents;
import no.samhandling.consent.subjects.SubjectFacts;
import no.samhandling.consent.subjects.Subjects;
import no.samhandling.personaldata.PersonalDataCipher;
import no.samhandling.platform.security.Caller;
import no.samhandling.platform.web.ProblemException;

/**
 * Erases a child: destroys its key here first, so that everything sealed under it is unreadable
 * even if a later step fails, then strips the consents and the subject, and publishes
 * SubjectErased so that every other service destroys its own key. Every step can be repeated, so a
 * failed erasure is finished by asking again.
 */
@Service
class Erasure {

    private final Subjects subjects;
    private final Consents consents;
    private final PersonalDataCipher cipher;

    Erasure(Subjects subjects, Consents consents, PersonalDataCipher cipher) {
        this.subjects = subjects;
        this.consents = consents;
        this.cipher = cipher;
    }

    ErasureView eraseSubject(Caller caller, String subjectId) {
        SubjectFacts subject = subjects.facts(caller.municipality(), subjectId)
                .orElseThrow(() -> ProblemException.notFound("Barn", subjectId));
        cipher.erase(subject.subjectId());
        consents.eraseConsentsOf(caller.municipality(), subjectId);
        subjects.markErased(caller.municipality(), subjectId, caller.subject());
        return new ErasureView(subjectId, "ERASED");
    }

    record ErasureView(String subjectId, String status) {
    }
}
