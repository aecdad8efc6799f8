package no.samhandling.referral.intake;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Service;

import no.samhandling.platform.events.AggregateStore;
import no.samhandling.platform.events.AggregateStores;
import no.samhandling.platform.security.Caller;
import no.samhandling.platform.web.ProblemException;

/** Receives concerns; an anonymous one is refused if its free text would identify the child. */
@Service
class Intake {

    private final AggregateStore<Referral> referrals;
    private final Clock clock;

    Intake(AggregateStores stores, Clock clock) {
        this.referrals = stores.of(Referral.class);
        this.clock = clock;
    }

    ReferralView submitReferral(Caller caller, SubmitReferral request) {
        rejectIdentifiers("description", request.description());
        for (int i = 0; i < request.measuresTried().size(); i++) {
            SubmitReferral.MeasureTried measure = request.measuresTried().get(i);
            rejectIdentifiers("measuresTried[" + i + "].description", measure.description());
            rejectIdentifiers("measuresTried[" + i + "].effect", measure.effect());
        }
        Referral referral = Referral.submitAnonymous(caller.municipality(), caller.subject(), request, clock.instant());
        return referrals.save(referral).view();
    }

    Optional<ReferralView> find(Caller caller, String id) {
        return referrals.find(caller.municipality(), id).map(Referral::view);
    }

    private static void rejectIdentifiers(String field, String text) {
        if (IdentifierCheck.containsIdentifier(text)) {
            throw ProblemException.invalid(field, "referral.identifier-in-anonymous-text");
        }
    }
}
