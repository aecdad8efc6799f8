package no.samhandling.referral.intake;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import no.samhandling.events.consent.ConsentCoverage;
import no.samhandling.personaldata.PersonalDataCipher;
import no.samhandling.platform.web.ProblemException;
import no.samhandling.referral.arenas.ArenaDirectory;
import no.samhandling.referral.consents.ConsentDirectory;
import no.samhandling.referral.consents.ConsentedChild;

/**
 * A named case moves only "so far as the consent reaches": an active consent, given for the child the
 * case names, for the arena, covering every service that sits in it, on this day (Europe/Oslo). Checked
 * at intake and again before every step, so a consent that ended between two steps stops the next one
 * even before its event has anonymised the case.
 *
 * <p>The child: at intake consent-service is asked whether the named child is the consent's child as
 * it registered them ({@link ConsentedChild}); the case then keeps the consent's subject id. Every later
 * step checks that the consent, as consent.events last described it, is still about that subject.
 */
@Component
class ConsentGate {

    private final ConsentDirectory consents;
    private final ConsentedChild child;
    private final ArenaDirectory arenas;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    ConsentGate(ConsentDirectory consents, ConsentedChild child, ArenaDirectory arenas, PersonalDataCipher cipher, Clock clock) {
        this.consents = consents;
        this.child = child;
        this.arenas = arenas;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** At intake: the consent named in the request covers the arena, or the field is named in a 400. */
    ConsentDirectory.KnownConsent requireCovering(String municipality, String consentId, ArenaDirectory.KnownArena arena) {
        ConsentDirectory.KnownConsent consent = consents.find(municipality, consentId)
                .orElseThrow(() -> ProblemException.invalid("consentId", "referral.consent-unknown"));
        if (!covers(consent, arena.id(), arena.parties())) {
            throw ProblemException.invalid("consentId", "referral.consent-does-not-cover");
        }
        return consent;
    }

    /** At intake: the child the request names is the consent's child, or {@code subject} is named in a 400. */
    void requireConsentsChild(String municipality, ConsentDirectory.KnownConsent consent, SubmitReferral.Subject subject) {
        ConsentedChild.Claim claim = new ConsentedChild.Claim(subject.name(), subject.birthDate(), subject.nationalId());
        if (!child.isTheChild(municipality, consent.subjectId(), claim)) {
            throw ProblemException.invalid("subject", "referral.subject-not-consents-child");
        }
    }

    /** At intake: the consent with every guardian who gave it, since the case keeps them; 503 while that cannot be said. */
    ConsentDirectory.KnownConsent withGuardiansKnown(ConsentDirectory.KnownConsent consent) {
        return consents.withGuardiansKnown(consent);
    }

    /** Before a step on a named case, in the arena it is in or is moving to; 409 when the consent no longer reaches. */
    void requireStillCovered(Referral referral, String arenaId) {
        if (!referral.isNamed()) {
            return;
        }
        List<String> parties = arenas.find(referral.municipality(), arenaId).map(ArenaDirectory.KnownArena::parties).orElse(null);
        Optional<ConsentDirectory.KnownConsent> consent = consents.find(referral.municipality(), referral.consentId())
                .filter(found -> referral.subjectId().equals(found.subjectId()));
        if (parties == null || consent.isEmpty() || !covers(consent.get(), arenaId, parties)) {
            throw ProblemException.conflict("referral.consent-no-longer-covers");
        }
    }

    private boolean covers(ConsentDirectory.KnownConsent consent, String arenaId, List<String> parties) {
        return consent.covers(arenaId, parties, ConsentCoverage.today(clock)) && !cipher.isErased(consent.subjectId());
    }
}
