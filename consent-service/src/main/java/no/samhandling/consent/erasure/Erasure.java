package no.samhandling.consent.erasure;

import java.time.Clock;

import org.springframework.stereotype.Service;

import no.samhandling.consent.consents.Consents;
import no.samhandling.consent.subjects.SubjectFacts;
import no.samhandling.consent.subjects.Subjects;
import no.samhandling.personaldata.PersonalDataCipher;
import no.samhandling.platform.events.AggregateStore;
import no.samhandling.platform.events.AggregateStores;
import no.samhandling.platform.security.Caller;
import no.samhandling.platform.web.ProblemException;

/**
 * Erases a child: destroys its key here first, so that everything sealed under it is unreadable
 * even if a later step fails, then strips the consents, publishes SubjectErased under the id the
 * child went by on the topics (its topic id) so that every other service destroys its own key and
 * forgets the child, and last strips the subject, which forgets the topic id. Every step can be
 * repeated, so a failed erasure is finished by asking again.
 */
@Service
class Erasure {

    private final Subjects subjects;
    private final Consents consents;
    private final PersonalDataCipher cipher;
    private final AggregateStore<ErasureNotice> notices;
    private final Clock clock;

    Erasure(Subjects subjects, Consents consents, PersonalDataCipher cipher, AggregateStores stores, Clock clock) {
        this.subjects = subjects;
        this.consents = consents;
        this.cipher = cipher;
        this.notices = stores.of(ErasureNotice.class);
        this.clock = clock;
    }

    ErasureView eraseSubject(Caller caller, String subjectId) {
        SubjectFacts subject = subjects.facts(caller.municipality(), subjectId)
                .orElseThrow(() -> ProblemException.notFound("Barn", subjectId));
        cipher.erase(subject.subjectId());
        consents.eraseConsentsOf(caller.municipality(), subjectId);
        // Absent once the subject is stripped, which comes after the notice: asked again, the notice is not repeated.
        String topicId = subject.topicId();
        if (topicId != null && notices.find(caller.municipality(), topicId).isEmpty()) {
            notices.save(ErasureNotice.announce(caller.municipality(), topicId, clock.instant()));
        }
        subjects.markErased(caller.municipality(), subjectId, caller.subject());
        return new ErasureView(subjectId, "ERASED");
    }

    record ErasureView(String subjectId, String status) {
    }
}
