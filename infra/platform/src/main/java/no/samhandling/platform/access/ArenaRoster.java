package no.samhandling.platform.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;

import no.samhandling.events.arena.MemberJoined;
import no.samhandling.events.arena.MemberLeft;
import no.samhandling.events.arena.MemberRole;
import no.samhandling.platform.security.Caller;
import no.samhandling.platform.security.Role;

/**
 * Who sits in which arena, from arena.events, in every service that grants need-to-know by arena
 * (referral-service for cases, consent-service for children, notification-service for notices).
 * arena-service owns membership; this is its read model. A join sets the member's current role and
 * a leave removes it, so a redelivery changes nothing, and leaving ends access at once.
 *
 * <pre>
 * consumers.on(MemberJoined.class, roster::on).on(MemberLeft.class, roster::on)...build();
 * </pre>
 */
public final class ArenaRoster {

    static final String COLLECTION = "arena_members";

    private final MongoTemplate mongo;

    ArenaRoster(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.getCollection(COLLECTION).createIndex(Indexes.ascending("municipality", "userId"));
    }

    public void on(MemberJoined event) {
        String key = key(event.aggregateId(), event.userId());
        mongo.getCollection(COLLECTION).replaceOne(Filters.eq("_id", key),
                new Document("_id", key)
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

    /**
     * The caller's relation to the arena: its coordinator when the roster says so and the token
     * carries the COORDINATOR role, a member when they sit in it at all, none otherwise.
     */
    public Optional<Relation> relationOf(Caller caller, String arenaId) {
        return roleOf(caller.municipality(), arenaId, caller.subject())
                .map(role -> role == MemberRole.COORDINATOR && caller.has(Role.COORDINATOR) ? Relation.ARENA_COORDINATOR
                        : Relation.ARENA_MEMBER);
    }

    /** The arenas the user sits in. */
    public List<String> arenasOf(String municipality, String userId) {
        return mongo.getCollection(COLLECTION)
                .find(Filters.and(Filters.eq("municipality", municipality), Filters.eq("userId", userId)))
                .map(found -> found.getString("arenaId"))
                .into(new ArrayList<>());
    }

    private static String key(String arenaId, String userId) {
        return arenaId + "|" + userId;
    }
}
