package no.samhandling.referral.arenas;

import java.util.List;
import java.util.Optional;

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
 * Who sits in which arena, from arena.events: the basis of need-to-know. Only an arena's own
 * coordinator and members see the referrals made to it, and only its coordinator moves them on.
 * A join sets the member's current role and a leave removes it, so a redelivery changes nothing.
 */
@Component
public class ArenaMembers {

    static final String COLLECTION = "arena_members";

    private final MongoTemplate mongo;

    ArenaMembers(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.getCollection(COLLECTION).createIndex(Indexes.ascending("municipality", "userId"));
    }

    public void on(MemberJoined event) {
        mongo.getCollection(COLLECTION).replaceOne(Filters.eq("_id", key(event.aggregateId(), event.userId())),
                new Document("_id", key(event.aggregateId(), event.userId()))
                        .append("municipality", event.municipality())
                        .append("arenaId", event.aggregateId())
                        .append("userId", event.userId())
                        .append("role", event.role().name()),
                new ReplaceOptions().upsert(true));
    }

    public void on(MemberLeft event) {
        mongo.getCollection(COLLECTION).deleteOne(Filters.eq("_id", key(event.aggregateId(), event.userId())));
    }

    /** The user's role in the arena, if they sit in it. */
    public Optional<MemberRole> roleOf(String municipality, String arenaId, String userId) {
        Document member = mongo.getCollection(COLLECTION).find(Filters.and(Filters.eq("_id", key(arenaId, userId)),
                Filters.eq("municipality", municipality))).first();
        return Optional.ofNullable(member).map(found -> MemberRole.valueOf(found.getString("role")));
    }

    /** The arenas the user sits in. */
    public List<String> arenasOf(String municipality, String userId) {
        return mongo.getCollection(COLLECTION)
                .find(Filters.and(Filters.eq("municipality", municipality), Filters.eq("userId", userId)))
                .map(found -> found.getString("arenaId"))
                .into(new java.util.ArrayList<>());
    }

    private static String key(String arenaId, String userId) {
        return arenaId + "|" + userId;
    }
}
