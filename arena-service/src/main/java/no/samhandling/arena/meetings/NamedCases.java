package no.samhandling.arena.meetings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

import no.samhandling.events.referral.DiscussionBasis;
import no.samhandling.events.referral.ReferralAnonymised;
import no.samhandling.events.referral.ReferralSubmitted;
import no.samhandling.personaldata.PersonalDataCipher;

/**
 * Which cases are about a named child, and which child, from referral.events ({@code named_cases}: referral id,
 * municipality, subject id): the minutes about such a case are sealed under the child's key. A case stays named until
 * referral-service anonymises it or its child is erased; an erased child's late case is not taken in again.
 */
@Component
class NamedCases {

    static final String COLLECTION = "named_cases";

    private final MongoTemplate mongo;
    private final PersonalDataCipher cipher;

    NamedCases(MongoTemplate mongo, PersonalDataCipher cipher) {
        this.mongo = mongo;
        this.cipher = cipher;
    }

    void on(ReferralSubmitted event) {
        if (event.basis() != DiscussionBasis.NAMED || cipher.isErased(event.subjectId())) {
            return;
        }
        mongo.getCollection(COLLECTION).replaceOne(Filters.eq("_id", event.aggregateId()),
                new Document("_id", event.aggregateId()).append("municipality", event.municipality())
                        .append("subjectId", event.subjectId()),
                new ReplaceOptions().upsert(true));
    }

    /**
     * An anonymised case is named no more; what was written about it before stays sealed under its child's key
     * (the minutes entry names the child it was sealed for), so erasing the child still makes it unreadable.
     */
    void on(ReferralAnonymised event) {
        mongo.getCollection(COLLECTION).deleteOne(Filters.eq("_id", event.aggregateId()));
    }

    /** The cases of the child, for its erasure. */
    List<String> casesOf(String subjectId) {
        return mongo.getCollection(COLLECTION).find(Filters.eq("subjectId", subjectId)).map(found -> found.getString("_id"))
                .into(new ArrayList<>());
    }

    void forgetChild(String subjectId) {
        mongo.getCollection(COLLECTION).deleteMany(Filters.eq("subjectId", subjectId));
    }

    /** The child a case is about, while the case is named. */
    Optional<String> childOf(String municipality, String referralId) {
        return Optional.ofNullable(mongo.getCollection(COLLECTION)
                .find(Filters.and(Filters.eq("_id", referralId), Filters.eq("municipality", municipality))).first())
                .map(found -> found.getString("subjectId"));
    }
}
