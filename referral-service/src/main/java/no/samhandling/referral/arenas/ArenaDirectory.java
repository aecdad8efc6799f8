package no.samhandling.referral.arenas;

import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import no.samhandling.events.arena.ArenaRegistered;
import no.samhandling.events.arena.ArenaRetired;
import no.samhandling.events.arena.ArenaUpdated;
import no.samhandling.events.arena.DiscussionMode;

/**
 * What referral-service knows of arenas, from arena.events: whether one exists and is active,
 * and where it escalates to. Each event sets the arena's current facts, so a redelivery changes nothing.
 */
@Component
public class ArenaDirectory {

    static final String COLLECTION = "arena_directory";

    /**
     * One arena as intake and the lifecycle need it.
     *
     * @param whoMayRegister unit types allowed to register, or ANY_STAFF; empty means any staff
     * @param parties the services taking part, which a named case's consent must all cover
     */
    public record KnownArena(String id, String municipality, String escalationArenaId, boolean active,
            DiscussionMode discussionMode, List<String> whoMayRegister, boolean measuresRequiredFirst, List<String> parties) {

        public static final String ANY_STAFF = "ANY_STAFF";

        public boolean admits(String referrerUnitType) {
            return whoMayRegister.isEmpty() || whoMayRegister.contains(ANY_STAFF) || whoMayRegister.contains(referrerUnitType);
        }
    }

    private final MongoTemplate mongo;

    ArenaDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void on(ArenaRegistered event) {
        record(event.municipality(), event.aggregateId(), event.escalationArenaId(), event.discussionMode(),
                event.whoMayRegister(), event.measuresRequiredFirst(), event.parties());
    }

    public void on(ArenaUpdated event) {
        record(event.municipality(), event.aggregateId(), event.escalationArenaId(), event.discussionMode(),
                event.whoMayRegister(), event.measuresRequiredFirst(), event.parties());
    }

    public void on(ArenaRetired event) {
        mongo.getCollection(COLLECTION).updateOne(Filters.eq("_id", event.aggregateId()),
                Updates.combine(Updates.set("municipality", event.municipality()), Updates.set("active", false)),
                new UpdateOptions().upsert(true));
    }

    public Optional<KnownArena> find(String municipality, String arenaId) {
        Document arena = mongo.getCollection(COLLECTION)
                .find(Filters.and(Filters.eq("_id", arenaId), Filters.eq("municipality", municipality))).first();
        return Optional.ofNullable(arena).map(found -> new KnownArena(found.getString("_id"), found.getString("municipality"),
                found.getString("escalationArenaId"), Boolean.TRUE.equals(found.getBoolean("active")),
                found.getString("discussionMode") == null ? null : DiscussionMode.valueOf(found.getString("discussionMode")),
                found.getList("whoMayRegister", String.class, List.of()), Boolean.TRUE.equals(found.getBoolean("measuresRequiredFirst")),
                found.getList("parties", String.class, List.of())));
    }

    private void record(String municipality, String arenaId, String escalationArenaId, DiscussionMode discussionMode,
            List<String> whoMayRegister, Boolean measuresRequiredFirst, List<String> parties) {
        mongo.getCollection(COLLECTION).updateOne(Filters.eq("_id", arenaId),
                Updates.combine(Updates.set("municipality", municipality), Updates.set("escalationArenaId", escalationArenaId),
                        Updates.set("active", true), Updates.set("discussionMode", discussionMode.name()),
                        Updates.set("whoMayRegister", whoMayRegister), Updates.set("measuresRequiredFirst", measuresRequiredFirst),
                        Updates.set("parties", parties)),
                new UpdateOptions().upsert(true));
    }
}
