package no.samhandling.notification.directory;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;

import no.samhandling.events.arena.MemberJoined;
import no.samhandling.events.arena.MemberLeft;
import no.samhandling.events.arena.MemberRole;

/**
 * Who sits in which arena, and in which role, from arena.events: a coordinator follows the delivery of
 * their own arenas' notices, and only those. arena-service owns membership; a join sets the member's
 * current role and a leave removes it, so a redelivery changes nothing and leaving ends the view at once.
 */
@Component
public class ArenaCoordinators {

    static final String COLLECTION = "arena_members";

    private final MongoTemplate mongo;

    ArenaCoordinators(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.getCollection(COLLECTION).createIndex(Indexes.ascending("municipality", "userId"));
    }

    public void on(MemberJoined event) {
        String key = key(event.aggregateId(), event.userId());
        mongo.getCollection(COLLECTION).replaceOne(Filters.eq("_id", key),
                new Document("_id", key).append("municipality", event.municipality()).append("arenaId", event.aggregateId())
                        .append("userId", event.userId()).append("role", event.role().name()),
                new ReplaceOptions().upsert(true));
    }

    public void on(MemberLeft event) {
        mongo.getCollection(COLLECTION).deleteOne(Filters.eq("_id", key(event.aggregateId(), event.userId())));
    }

    /** The arenas the user coordinates in the municipality. */
    public List<String> coordinatedBy(String municipality, String userId) {
        return mongo.getCollection(COLLECTION)
                .find(Filters.and(Filters.eq("municipality", municipality), Filters.eq("userId", userId),
                        Filters.eq("role", MemberRole.COORDINATOR.name())))
                .map(found -> found.getString("arenaId"))
                .into(new ArrayList<>());
    }

    private static String key(String arenaId, String userId) {
        return arenaId + "|" + userId;
    }
}
