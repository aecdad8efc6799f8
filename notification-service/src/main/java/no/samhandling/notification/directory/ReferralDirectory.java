package no.samhandling.notification.directory;

import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import no.samhandling.events.referral.DiscussionBasis;
import no.samhandling.events.consent.SubjectErased;
import no.samhandling.events.referral.ReferralAnonymised;
import no.samhandling.events.referral.ReferralSubmitted;

/**
 * Who registered each referral and whether its guardians are to be told, from ReferralSubmitted: opaque ids and
 * flags only, never what the referral is about.
 */
@Component
public class ReferralDirectory {

    /** @param subjectId the child's opaque id, present only for a named case; used only to ask consent-service */
    @Document("referral_directory")
    public record ReferralEntry(@Id String id, String municipality, String arenaId, String referrerUserId, boolean named,
            String subjectId, boolean guardiansAttend) {

        /** Guardians are told only of a named case whose referrer said they attend, and only consent-service says who. */
        public boolean guardiansToBeTold() {
            return named && guardiansAttend && subjectId != null;
        }
    }

    private final MongoTemplate mongo;

    ReferralDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void on(ReferralSubmitted event) {
        mongo.save(new ReferralEntry(event.aggregateId(), event.municipality(), event.arenaId(), event.referrerUserId(),
                event.basis() == DiscussionBasis.NAMED, event.subjectId(), event.guardiansAttend()));
    }

    /** The case goes on without a name (consent withdrawn or expired): its subject id is forgotten here too. */
    public void on(ReferralAnonymised event) {
        find(event.municipality(), event.aggregateId()).ifPresent(entry -> mongo.save(new ReferralEntry(entry.id(),
                entry.municipality(), entry.arenaId(), entry.referrerUserId(), false, null, entry.guardiansAttend())));
    }

    /** The child was erased: no case here keeps its id (referral-service's ReferralAnonymised says so too, per case). */
    public void on(SubjectErased event) {
        mongo.updateMulti(Query.query(Criteria.where("municipality").is(event.municipality()).and("subjectId").is(event.aggregateId())),
                new Update().set("subjectId", null).set("named", false), ReferralEntry.class);
    }

    public Optional<ReferralEntry> find(String municipality, String referralId) {
        return Optional.ofNullable(mongo.findOne(
                Query.query(Criteria.where("_id").is(referralId).and("municipality").is(municipality)), ReferralEntry.class));
    }
}
