package no.samhandling.reporting.projection;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * Which generation readers use, and the state of a rebuild. The switch to a rebuilt generation is
 * one document write, so every read sees either the old complete figures or the new complete ones.
 */
@Component
public class Generations {

    static final String COLLECTION = "figure_generations";
    private static final String CURRENT = "current";
    private static final String REBUILD = "rebuild";

    private final MongoTemplate mongo;

    Generations(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The generation readers use now. */
    public Generation current() {
        Document current = mongo.getCollection(COLLECTION).find(Filters.eq("_id", CURRENT)).first();
        return new Generation(current == null ? 1 : current.getInteger("generation"));
    }

    /** The highest generation number ever used, so that a consumer group is never reused. */
    int lastNumber() {
        Document current = mongo.getCollection(COLLECTION).find(Filters.eq("_id", CURRENT)).first();
        return current == null ? 1 : current.getInteger("last", current.getInteger("generation"));
    }

    void initialise() {
        mongo.getCollection(COLLECTION).updateOne(Filters.eq("_id", CURRENT), Updates.combine(
                Updates.setOnInsert("generation", 1), Updates.setOnInsert("last", 1),
                Updates.setOnInsert("since", Date.from(Instant.now()))), new UpdateOptions().upsert(true));
    }

    Rebuild rebuild() {
        Document rebuild = mongo.getCollection(COLLECTION).find(Filters.eq("_id", REBUILD)).first();
        if (rebuild == null) {
            return null;
        }
        Map<String, Long> targets = new LinkedHashMap<>();
        for (Document target : rebuild.getList("targets", Document.class, List.of())) {
            targets.put(target.getString("partition"), ((Number) target.get("offset")).longValue());
        }
        return new Rebuild(new Generation(rebuild.getInteger("generation")), Rebuild.Status.valueOf(rebuild.getString("status")),
                rebuild.getDate("startedAt").toInstant(),
                rebuild.getDate("completedAt") == null ? null : rebuild.getDate("completedAt").toInstant(), targets);
    }

    /**
     * Claims the next generation number for a rebuild, in one conditional write, so that two
     * instances asked to rebuild at once never fill the same generation. Empty if another
     * instance claimed it first.
     */
    Optional<Generation> claimNext() {
        int last = lastNumber();
        Document claimed = mongo.getCollection(COLLECTION).findOneAndUpdate(
                Filters.and(Filters.eq("_id", CURRENT), Filters.eq("last", last)), Updates.set("last", last + 1));
        return claimed == null ? Optional.empty() : Optional.of(new Generation(last + 1));
    }

    void beginRebuild(Generation generation, Map<String, Long> targets) {
        write(REBUILD, new Document("generation", generation.number()).append("status", Rebuild.Status.RUNNING.name())
                .append("startedAt", Date.from(Instant.now())).append("targets", targets.entrySet().stream()
                        .map(target -> new Document("partition", target.getKey()).append("offset", target.getValue())).toList()));
    }

    /**
     * Readers move to the rebuilt generation in this one write; then the rebuild is marked done.
     * Doing it twice (two instances, or a crash in between) changes nothing more.
     */
    void switchTo(Generation generation) {
        mongo.getCollection(COLLECTION).updateOne(Filters.eq("_id", CURRENT), Updates.combine(
                Updates.set("generation", generation.number()), Updates.set("since", Date.from(Instant.now()))));
        mongo.getCollection(COLLECTION).updateOne(
                Filters.and(Filters.eq("_id", REBUILD), Filters.eq("generation", generation.number()),
                        Filters.eq("status", Rebuild.Status.RUNNING.name())),
                Updates.combine(Updates.set("status", Rebuild.Status.COMPLETED.name()),
                        Updates.set("completedAt", Date.from(Instant.now()))));
    }

    private void write(String id, Document document) {
        document.put("_id", id);
        mongo.getCollection(COLLECTION).replaceOne(Filters.eq("_id", id), document, new ReplaceOptions().upsert(true));
    }

    /** A rebuild: the generation being filled, and the topic end offsets it must reach before readers switch. */
    public record Rebuild(Generation generation, Status status, Instant startedAt, Instant completedAt, Map<String, Long> targets) {

        public enum Status {
            RUNNING,
            COMPLETED
        }
    }
}
