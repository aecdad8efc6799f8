package no.samhandling.referral.intake;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import org.springframework.stereotype.Service;

import no.samhandling.events.arena.DiscussionMode;
import no.samhandling.platform.events.AggregateStore;
import no.samhandling.platform.events.AggregateStores;
import no.samhandling.platform.security.Caller;
import no.samhandling.platform.web.ProblemException;
import no.samhandling.referral.arenas.ArenaDirectory;
import no.samhandling.referral.freetext.IdentifierCheck;

/** Receives concerns; an anonymous one is refused if its free text would identify the child. */
@Service
class Intake {

    static final int LIST_LIMIT = 500;

    private final AggregateStore<Referral> referrals;
    private final ArenaDirectory arenas;
    private final NeedToKnow needToKnow;
    private final Clock clock;

    Intake(AggregateStores stores, ArenaDirectory arenas, NeedToKnow needToKnow, Clock clock) {
        this.referrals = stores.of(Referral.class);
        this.arenas = arenas;
        this.needToKnow = needToKnow;
        this.clock = clock;
    }

    ReferralView submitReferral(Caller caller, SubmitReferral request) {
        checkIntakeRules(caller.municipality(), request);
        rejectIdentifiers("description", request.description());
        for (int i = 0; i < request.measuresTried().size(); i++) {
            SubmitReferral.MeasureTried measure = request.measuresTried().get(i);
            rejectIdentifiers("measuresTried[" + i + "].description", measure.description());
            rejectIdentifiers("measuresTried[" + i + "].effect", measure.effect());
        }
        Referral referral = Referral.submitAnonymous(caller.municipality(), caller.subject(), request, clock.instant());
        return referrals.save(referral).view();
    }

    /** The case, to those who need to know it; to anyone else it does not exist. */
    Optional<ReferralView> find(Caller caller, String id) {
        return referrals.find(caller.municipality(), id)
                .filter(referral -> needToKnow.relationOf(caller, referral).isPresent())
                .map(Referral::view);
    }

    /** An arena's referrals for its coordinator and members, newest first; without an arena, the caller's own. */
    List<ReferralView> list(Caller caller, String arenaId, Referral.Status status) {
        Criteria criteria = Criteria.where("municipality").is(caller.municipality());
        if (arenaId != null) {
            needToKnow.requireArenaMember(caller, arenaId);
            criteria = criteria.and("arenaId").is(arenaId);
        } else {
            criteria = criteria.and("referrerSubject").is(caller.subject());
        }
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        Query query = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "submittedAt")).limit(LIST_LIMIT);
        return referrals.find(query).stream().map(Referral::view).toList();
    }

    /**
     * The arena's own rules, as its catalogue entry states them: it must exist and be active, take
     * anonymous cases (named ones, under consent, come with consent-service), and admit the
     * referrer's kind of unit. Measures tried are required for every referral.
     */
    private void checkIntakeRules(String municipality, SubmitReferral request) {
        ArenaDirectory.KnownArena arena = arenas.find(municipality, request.arenaId())
                .orElseThrow(() -> ProblemException.invalid("arenaId", "referral.arena-unknown", request.arenaId()));
        if (!arena.active()) {
            throw ProblemException.invalid("arenaId", "referral.arena-retired");
        }
        if (arena.discussionMode() == DiscussionMode.CONSENT_REQUIRED) {
            throw ProblemException.invalid("arenaId", "referral.arena-requires-consent");
        }
        if (!arena.admits(request.referrerUnitType())) {
            throw ProblemException.invalid("referrerUnitType", "referral.unit-may-not-register", String.join(", ", arena.whoMayRegister()));
        }
    }

    private static void rejectIdentifiers(String field, String text) {
        if (IdentifierCheck.containsIdentifier(text)) {
            throw ProblemException.invalid(field, "referral.identifier-in-anonymous-text");
        }
    }
}
