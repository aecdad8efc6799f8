package no.samhandling.consent.arenas;

import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import no.samhandling.events.arena.ArenaRegistered;
import no.samhandling.events.arena.ArenaUpdated;

/**
 * The services that sit in each arena, from arena.events: a consent covers an arena only when it
 * lets every one of them share information. Each event sets the arena's current parties, so a
 * redelivery changes nothing. An arena not heard of yet is covered by no consent.
 */
@Component
public class ArenaParties {

    static final String COLLECTION = "arena_parties";

    private final MongoTemplate mongo;

    ArenaParties(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void on(ArenaRegistered event) {
        record(event.municipality(), event.aggregateId(), event.parties());
    }

    public void on(ArenaUpdated event) {
        record(event.municipality(), event.aggregateId(), event.parties());
    }

    /** The codes of the services in the arena; empty when the municipality has no such arena. */
    public Optional<List<String>> partiesOf(String municipality, String arenaId) {
        Document arena = mongo.getCollection(COLLECTION)
                .find(Filters.and(Filters.eq("_id", arenaId), Filters.eq("municipality", municipality))).first();
        return Optional.ofNullable(arena).map(found -> found.getList("parties", String.class, List.of()));
    }

    private void record(String municipality, String arenaId, List<String> parties) {
        mongo.getCollection(COLLECTION).updateOne(Filters.eq("_id", arenaId),
                Updates.combine(Updates.set("municipality", municipality), Updates.set("parties", parties)),
                new UpdateOptions().upsert(true));
    }
}
