package no.samhandling.referral.arenas;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import no.samhandling.events.arena.ArenaLevel;
import no.samhandling.events.arena.ArenaRegistered;
import no.samhandling.events.arena.ArenaRetired;
import no.samhandling.events.arena.ArenaUpdated;
import no.samhandling.events.arena.DiscussionMode;

/**
 * What referral-service knows of arenas, from arena.events: whether one exists and is active, what
 * it is called and for which ages, its intake rules, and where it escalates to. Each event sets the
 * arena's current facts, so a redelivery changes nothing.
 */
@Component
public class ArenaDirectory {

    static final String COLLECTION = "arena_directory";

    /**
     * One arena as intake, the lifecycle and the pages need it.
     *
     * @param title the catalogue's title (organisational, never about a child); null in a directory filled before it was kept
     * @param level the arena's level; null in a directory filled before it was kept
     * @param whoMayRegister unit types allowed to register, or ANY_STAFF; empty means any staff
     * @param parties the services taking part, which a named case's consent must all cover
     */
    public record KnownArena(String id, String municipality, String escalationArenaId, boolean active,
            DiscussionMode discussionMode, List<String> whoMayRegister, boolean measuresRequiredFirst, List<String> parties,
            String title, ArenaLevel level, int ageFromYears, int ageToYears) {

        public static final String ANY_STAFF = "ANY_STAFF";

        public boolean admits(String referrerUnitType) {
            return whoMayRegister.isEmpty() || whoMayRegister.contains(ANY_STAFF) || whoMayRegister.contains(referrerUnitType);
        }

        /** Whether the arena is for children of some of the ages from {@code fromYears} to {@code toYears}. */
        public boolean servesAges(int fromYears, int toYears) {
            return ageFromYears <= toYears && fromYears <= ageToYears;
        }
    }

    private final MongoTemplate mongo;

    ArenaDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void on(ArenaRegistered event) {
        record(event.municipality(), event.aggregateId(), event.escalationArenaId(), event.discussionMode(),
                event.whoMayRegister(), event.measuresRequiredFirst(), event.parties(),
                new Document("title", event.title()).append("level", event.level().name())
                        .append("ageFromYears", event.ageFromYears()).append("ageToYears", event.ageToYears()));
    }

    public void on(ArenaUpdated event) {
        record(event.municipality(), event.aggregateId(), event.escalationArenaId(), event.discussionMode(),
                event.whoMayRegister(), event.measuresRequiredFirst(), event.parties(),
                new Document("title", event.title()).append("level", event.level().name())
                        .append("ageFromYears", event.ageFromYears()).append("ageToYears", event.ageToYears()));
    }

    public void on(ArenaRetired event) {
        mongo.getCollection(COLLECTION).updateOne(Filters.eq("_id", event.aggregateId()),
                Updates.combine(Updates.set("municipality", event.municipality()), Updates.set("active", false)),
                new UpdateOptions().upsert(true));
    }

    public Optional<KnownArena> find(String municipality, String arenaId) {
        Document arena = mongo.getCollection(COLLECTION)
                .find(Filters.and(Filters.eq("_id", arenaId), Filters.eq("municipality", municipality))).first();
        return Optional.ofNullable(arena).map(ArenaDirectory::known);
    }

    /** The municipality's active arenas, by title. */
    public List<KnownArena> active(String municipality) {
        return mongo.getCollection(COLLECTION)
                .find(Filters.and(Filters.eq("municipality", municipality), Filters.eq("active", true)))
                .sort(Sorts.ascending("catalogue.title"))
                .map(ArenaDirectory::known)
                .into(new ArrayList<>());
    }

    /** Every arena's title by id, retired ones too (their cases still name them). */
    public java.util.Map<String, String> titles(String municipality) {
        java.util.Map<String, String> titles = new java.util.HashMap<>();
        mongo.getCollection(COLLECTION).find(Filters.eq("municipality", municipality)).map(ArenaDirectory::known)
                .forEach(arena -> {
                    if (arena.title() != null) {
                        titles.put(arena.id(), arena.title());
                    }
                });
        return titles;
    }

    private static KnownArena known(Document found) {
        Document catalogue = found.get("catalogue", Document.class);
        return new KnownArena(found.getString("_id"), found.getString("municipality"),
                found.getString("escalationArenaId"), Boolean.TRUE.equals(found.getBoolean("active")),
                found.getString("discussionMode") == null ? null : DiscussionMode.valueOf(found.getString("discussionMode")),
                found.getList("whoMayRegister", String.class, List.of()), Boolean.TRUE.equals(found.getBoolean("measuresRequiredFirst")),
                found.getList("parties", String.class, List.of()),
                catalogue == null ? null : catalogue.getString("title"),
                catalogue == null ? null : ArenaLevel.valueOf(catalogue.getString("level")),
                catalogue == null ? 0 : catalogue.getInteger("ageFromYears", 0),
                catalogue == null ? Integer.MAX_VALUE : catalogue.getInteger("ageToYears", Integer.MAX_VALUE));
    }

    private void record(String municipality, String arenaId, String escalationArenaId, DiscussionMode discussionMode,
            List<String> whoMayRegister, Boolean measuresRequiredFirst, List<String> parties, Document catalogue) {
        mongo.getCollection(COLLECTION).updateOne(Filters.eq("_id", arenaId),
                Updates.combine(Updates.set("municipality", municipality), Updates.set("escalationArenaId", escalationArenaId),
                        Updates.set("active", true), Updates.set("discussionMode", discussionMode.name()),
                        Updates.set("whoMayRegister", whoMayRegister), Updates.set("measuresRequiredFirst", measuresRequiredFirst),
                        Updates.set("parties", parties), Updates.set("catalogue", catalogue)),
                new UpdateOptions().upsert(true));
    }
}
