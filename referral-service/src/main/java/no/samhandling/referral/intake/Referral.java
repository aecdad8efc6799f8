package no.samhandling.referral.intake;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.mongodb.core.mapping.Document;

import no.samhandling.events.referral.DiscussionBasis;
import no.samhandling.events.referral.IntakePath;
import no.samhandling.events.referral.PreventionLevel;
import no.samhandling.events.referral.ReferralSubmitted;
import no.samhandling.platform.events.AggregateRoot;

/** A concern registered into an arena. */
@Document("referrals")
class Referral extends AggregateRoot {

    enum Status {
        SUBMITTED
    }

    private String arenaId;
    private String referrerSubject;
    private String referrerUnit;
    private String referrerUnitType;
    private DiscussionBasis basis;
    private String ageBand;
    private List<String> themes;
    private PreventionLevel preventionLevel;
    private List<SubmitReferral.MeasureTried> measuresTried;
    private String description;
    private boolean guardiansAttend;
    private Status status;
    private Instant submittedAt;

    Referral() {
    }

    static Referral submitAnonymous(String municipality, String referrerSubject, SubmitReferral request, Instant now) {
        Referral referral = new Referral();
        referral.id = UUID.randomUUID().toString();
        referral.municipality = municipality;
        referral.arenaId = request.arenaId();
        referral.referrerSubject = referrerSubject;
        referral.referrerUnit = request.referrerUnit();
        referral.referrerUnitType = request.referrerUnitType();
        referral.basis = DiscussionBasis.ANONYMOUS;
        referral.ageBand = request.ageBand();
        referral.themes = List.copyOf(request.themes());
        referral.preventionLevel = request.preventionLevel();
        referral.measuresTried = List.copyOf(request.measuresTried());
        referral.description = request.description();
        referral.guardiansAttend = request.guardiansAttend();
        referral.status = Status.SUBMITTED;
        referral.submittedAt = now;
        referral.raise(new ReferralSubmitted(UUID.randomUUID(), now, municipality, referral.id, referral.arenaId,
                referral.basis, null, null, referral.ageBand, referral.referrerUnitType, referral.themes,
                referral.preventionLevel, IntakePath.STAFF, referral.guardiansAttend));
        return referral;
    }

    ReferralView view() {
        return new ReferralView(id, arenaId, basis, referrerUnit, referrerUnitType, ageBand, themes, preventionLevel,
                measuresTried, description, guardiansAttend, status.name(), submittedAt);
    }
}
