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

/**
 * A named case moves only "so far as the consent reaches": an active consent, given for the arena,
 * covering every service that sits in it, on this day (Europe/Oslo). Checked at intake and again
 * before every step, so a consent that ended between two steps stops the next one even before its
 * event has anonymised the case.
 */
@Component
class ConsentGate {

    private final ConsentDirectory consents;
    private final ArenaDirectory arenas;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    ConsentGate(ConsentDirectory consents, ArenaDirectory arenas, PersonalDataCipher cipher, Clock clock) {
        this.consents = consents;
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

    /** Before a step on a named case, in the arena it is in or is moving to; 409 when the consent no longer reaches. */
    void requireStillCovered(Referral referral, String arenaId) {
        if (!referral.isNamed()) {
            return;
        }
        List<String> parties = arenas.find(referral.municipality(), arenaId).map(ArenaDirectory.KnownArena::parties).orElse(null);
        Optional<ConsentDirectory.KnownConsent> consent = consents.find(referral.municipality(), referral.consentId());
        if (parties == null || consent.isEmpty() || !covers(consent.get(), arenaId, parties)) {
            throw ProblemException.conflict("referral.consent-no-longer-covers");
        }
    }

    private boolean covers(ConsentDirectory.KnownConsent consent, String arenaId, List<String> parties) {
        return consent.covers(arenaId, parties, ConsentCoverage.today(clock)) && !cipher.isErased(consent.subjectId());
    }
}
