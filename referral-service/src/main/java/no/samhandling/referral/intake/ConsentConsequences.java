package no.samhandling.referral.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import no.samhandling.events.arena.DiscussionMode;
import no.samhandling.events.consent.ConsentCoverage;
import no.samhandling.events.consent.ConsentExpired;
import no.samhandling.events.consent.ConsentGranted;
import no.samhandling.events.consent.ConsentLimited;
import no.samhandling.events.consent.ConsentWithdrawn;
import no.samhandling.events.consent.SubjectErased;
import no.samhandling.events.referral.AnonymisationReason;
import no.samhandling.personaldata.PersonalDataCipher;
import no.samhandling.platform.events.AggregateStore;
import no.samhandling.platform.events.AggregateStores;
import no.samhandling.referral.arenas.ArenaDirectory;
import no.samhandling.referral.consents.ConsentDirectory;

/**
 * What consent.events mean for the cases: when a consent is withdrawn, expires or stops covering
 * an arena, or the child is erased, every case under it loses its personal data at once and goes
 * on anonymously where the arena takes anonymous cases, or is withdrawn where it does not
 * (CONSENT_REQUIRED). Each case says so with ReferralAnonymised. Handling the same event twice
 * finds nothing left to anonymise.
 */
@Service
public class ConsentConsequences {

    private final AggregateStore<Referral> referrals;
    private final ConsentDirectory consents;
    private final ArenaDirectory arenas;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    ConsentConsequences(AggregateStores stores, ConsentDirectory consents, ArenaDirectory arenas, PersonalDataCipher cipher,
            Clock clock) {
        this.referrals = stores.of(Referral.class);
        this.consents = consents;
        this.arenas = arenas;
        this.cipher = cipher;
        this.clock = clock;
    }

    public void on(ConsentGranted event) {
        consents.on(event);
    }

    public void on(ConsentLimited event) {
        consents.on(event);
        ConsentDirectory.KnownConsent consent = consents.find(event.municipality(), event.aggregateId()).orElse(null);
        LocalDate today = ConsentCoverage.today(clock);
        for (Referral referral : namedCases(Criteria.where("consentId").is(event.aggregateId()), event.municipality())) {
            List<String> parties = arenas.find(referral.municipality(), referral.arenaId())
                    .map(ArenaDirectory.KnownArena::parties).orElse(List.of());
            if (consent == null || !consent.covers(referral.arenaId(), parties, today)) {
                anonymise(referral, AnonymisationReason.CONSENT_WITHDRAWN);
            }
        }
    }

    public void on(ConsentWithdrawn event) {
        consents.on(event);
        namedCases(Criteria.where("consentId").is(event.aggregateId()), event.municipality())
                .forEach(referral -> anonymise(referral, AnonymisationReason.CONSENT_WITHDRAWN));
    }

    public void on(ConsentExpired event) {
        consents.on(event);
        namedCases(Criteria.where("consentId").is(event.aggregateId()), event.municipality())
                .forEach(referral -> anonymise(referral, AnonymisationReason.CONSENT_EXPIRED));
    }

    /** The child's key goes first: from then on nothing sealed for the child opens, whatever else happens. */
    public void on(SubjectErased event) {
        cipher.erase(event.aggregateId());
        consents.on(event);
        namedCases(Criteria.where("subjectId").is(event.aggregateId()), event.municipality())
                .forEach(referral -> anonymise(referral, AnonymisationReason.SUBJECT_ERASED));
    }

    private List<Referral> namedCases(Criteria link, String municipality) {
        return referrals.find(Query.query(Criteria.where("municipality").is(municipality).andOperator(link)
                .and("anonymisedAt").isNull()));
    }

    private void anonymise(Referral referral, AnonymisationReason reason) {
        boolean takesAnonymousCases = arenas.find(referral.municipality(), referral.arenaId())
                .map(arena -> arena.discussionMode() != DiscussionMode.CONSENT_REQUIRED)
                .orElse(false);
        if (referral.anonymise(reason, takesAnonymousCases, clock.instant())) {
            referrals.save(referral);
        }
    }
}
