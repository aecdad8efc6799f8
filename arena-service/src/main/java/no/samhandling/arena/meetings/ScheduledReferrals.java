package no.samhandling.arena.meetings;

import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

import no.samhandling.events.referral.ReferralClosed;
import no.samhandling.events.referral.ReferralEscalated;
import no.samhandling.events.referral.ReferralScheduled;
import no.samhandling.events.referral.ReferralWithdrawn;

/**
 * Which meeting each referral is scheduled to now, from referral.events: referral-service decides that
 * (only the arena's coordinator schedules, to a coming meeting of the referral's own arena), and an agenda
 * takes only what it decided. A referral's events arrive in order (keyed by its id), and each sets the
 * referral's current meeting or ends it, so a redelivery changes nothing. Opaque ids only.
 */
@Component
class ScheduledReferrals {

    static final String COLLECTION = "scheduled_referrals";

    /** Where one referral is scheduled. */
    record Scheduled(String referralId, String municipality, String arenaId, String meetingId) {
    }

    private final MongoTemplate mongo;

    ScheduledReferrals(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void on(ReferralScheduled event) {
        mongo.getCollection(COLLECTION).replaceOne(Filters.eq("_id", event.aggregateId()),
                new Document("_id", event.aggregateId()).append("municipality", event.municipality())
                        .append("arenaId", event.arenaId()).append("meetingId", event.meetingId()),
                new ReplaceOptions().upsert(true));
    }

    /** A referral that has left its arena's process is on no agenda to come. */
    void on(ReferralWithdrawn event) {
        forget(event.aggregateId());
    }

    void on(ReferralClosed event) {
        forget(event.aggregateId());
    }

    void on(ReferralEscalated event) {
        forget(event.aggregateId());
    }

    Optional<Scheduled> find(String municipality, String referralId) {
        Document found = mongo.getCollection(COLLECTION)
                .find(Filters.and(Filters.eq("_id", referralId), Filters.eq("municipality", municipality))).first();
        return Optional.ofNullable(found).map(scheduled -> new Scheduled(scheduled.getString("_id"),
                scheduled.getString("municipality"), scheduled.getString("arenaId"), scheduled.getString("meetingId")));
    }

    private void forget(String referralId) {
        mongo.getCollection(COLLECTION).deleteOne(Filters.eq("_id", referralId));
    }
}
