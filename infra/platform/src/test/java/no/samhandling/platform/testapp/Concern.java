package no.samhandling.platform.testapp;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import no.samhandling.events.referral.DiscussionBasis;
import no.samhandling.events.referral.IntakePath;
import no.samhandling.events.referral.PreventionLevel;
import no.samhandling.events.referral.ReferralSubmitted;
import no.samhandling.platform.events.AggregateRoot;

/** A test aggregate: each registration raises one ReferralSubmitted. */
public class Concern extends AggregateRoot {

    private String arenaId;
    private String note;
    private int registrations;

    Concern() {
    }

    public static Concern register(String id, String municipality, String arenaId) {
        Concern concern = new Concern();
        concern.id = id;
        concern.municipality = municipality;
        concern.arenaId = arenaId;
        concern.registerAgain();
        return concern;
    }

    public void registerAgain() {
        registrations++;
        raise(new ReferralSubmitted(UUID.randomUUID(), Instant.now(), municipality, id, arenaId, DiscussionBasis.ANONYMOUS,
                null, null, "6-12", "SCHOOL", List.of("ABSENCE"), PreventionLevel.YELLOW, IntakePath.STAFF, false));
    }

    public void changeNote(String note) {
        this.note = note;
    }

    public String note() {
        return note;
    }

    public int registrations() {
        return registrations;
    }
}
