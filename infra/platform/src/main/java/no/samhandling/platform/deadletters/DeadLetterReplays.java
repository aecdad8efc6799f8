package no.samhandling.platform.deadletters;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import no.samhandling.platform.events.ReplayOutcome;

/**
 * Which dead letters have been replayed, so that none is replayed twice: a replay first claims the
 * dead letter (one insert, unique by its id), and marks it replayed when the handlers are done. A
 * failed replay gives its claim back, so it can be tried again after another fix; a claim left by
 * an instance that died mid-replay lapses after {@link #CLAIM}.
 */
final class DeadLetterReplays {

    static final String COLLECTION = "dead_letter_replays";
    static final Duration CLAIM = Duration.ofMinutes(5);
    private static final String REPLAYING = "REPLAYING";
    private static final String REPLAYED = "REPLAYED";

    private final MongoTemplate mongo;
    private final Clock clock;

    DeadLetterReplays(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** The ids among these that have been replayed. */
    Set<String> replayed(Set<String> ids) {
        Set<String> replayed = new HashSet<>();
        if (!ids.isEmpty()) {
            collection().find(Filters.and(Filters.in("_id", ids), Filters.eq("state", REPLAYED)))
                    .forEach(mark -> replayed.add(mark.getString("_id")));
        }
        return replayed;
    }

    /** Claims the dead letter for a replay; what stands in the way if it cannot. */
    Claim claim(String id, String by) {
        Date now = Date.from(clock.instant());
        Document claim = new Document("_id", id).append("state", REPLAYING).append("since", now).append("by", by);
        try {
            collection().insertOne(claim);
            return Claim.CLAIMED;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        Document lapsed = collection().findOneAndUpdate(
                Filters.and(Filters.eq("_id", id), Filters.eq("state", REPLAYING), Filters.lt("since", Date.from(clock.instant().minus(CLAIM)))),
                Updates.combine(Updates.set("since", now), Updates.set("by", by)));
        if (lapsed != null) {
            return Claim.CLAIMED;
        }
        Document existing = collection().find(Filters.eq("_id", id)).first();
        return existing != null && REPLAYED.equals(existing.getString("state")) ? Claim.ALREADY_REPLAYED : Claim.IN_PROGRESS;
    }

    void replayed(String id, ReplayOutcome outcome) {
        collection().updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("state", REPLAYED),
                Updates.set("outcome", outcome.name()), Updates.set("at", Date.from(clock.instant()))));
    }

    void giveBack(String id) {
        collection().deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq("state", REPLAYING)));
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }

    enum Claim {
        CLAIMED,
        ALREADY_REPLAYED,
        IN_PROGRESS
    }
}
