package no.samhandling.notification.directory;

import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import no.samhandling.events.arena.ArenaRegistered;
import no.samhandling.events.arena.ArenaUpdated;

/**
 * What notices may say about an arena, kept from {@code arena.events}: its title, and whether that title is
 * sensitive (an arena whose name would reveal the kind of concern is never named in a notice).
 */
@Component
public class ArenaDirectory {

    /** One arena; {@code title} is null when it must not appear in notices. */
    @Document("arena_directory")
    public record ArenaEntry(@Id String id, String municipality, String title, boolean titleSensitive, String coordinatorUserId) {

        /** The title a notice may show, or null when it must not show one. */
        public String noticeTitle() {
            return titleSensitive ? null : title;
        }
    }

    private final MongoTemplate mongo;

    ArenaDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void on(ArenaRegistered event) {
        mongo.save(new ArenaEntry(event.aggregateId(), event.municipality(), event.title(), event.titleSensitive(),
                event.coordinatorUserId()));
    }

    public void on(ArenaUpdated event) {
        mongo.save(new ArenaEntry(event.aggregateId(), event.municipality(), event.title(), event.titleSensitive(),
                event.coordinatorUserId()));
    }

    public Optional<ArenaEntry> find(String municipality, String arenaId) {
        return Optional.ofNullable(mongo.findOne(
                Query.query(Criteria.where("_id").is(arenaId).and("municipality").is(municipality)), ArenaEntry.class));
    }

    /**
     * The title a notice about this arena may show: null when the arena is sensitive, and null when it is not known
     * yet, because an arena whose sensitivity is unknown must be treated as sensitive.
     */
    public String noticeTitle(String municipality, String arenaId) {
        return find(municipality, arenaId).map(ArenaEntry::noticeTitle).orElse(null);
    }
}
