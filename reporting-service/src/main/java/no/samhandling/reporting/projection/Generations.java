package no.samhandling.reporting.projection;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

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
        if (mongo.getCollection(COLLECTION).find(Filters.eq("_id", CURRENT)).first() == null) {
            write(CURRENT, new Document("generation", 1).append("last", 1).append("since", Date.from(Instant.now())));
        }
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

    void beginRebuild(Generation generation, Map<String, Long> targets) {
        Document current = mongo.getCollection(COLLECTION).find(Filters.eq("_id", CURRENT)).first();
        current.put("last", generation.number());
        write(CURRENT, current);
        write(REBUILD, new Document("generation", generation.number()).append("status", Rebuild.Status.RUNNING.name())
                .append("startedAt", Date.from(Instant.now())).append("targets", targets.entrySet().stream()
                        .map(target -> new Document("partition", target.getKey()).append("offset", target.getValue())).toList()));
    }

    /** Readers move to the rebuilt generation in this one write. */
    void switchTo(Generation generation) {
        Document current = mongo.getCollection(COLLECTION).find(Filters.eq("_id", CURRENT)).first();
        current.put("generation", generation.number());
        current.put("since", Date.from(Instant.now()));
        write(CURRENT, current);
        Document rebuild = mongo.getCollection(COLLECTION).find(Filters.eq("_id", REBUILD)).first();
        rebuild.put("status", Rebuild.Status.COMPLETED.name());
        rebuild.put("completedAt", Date.from(Instant.now()));
        write(REBUILD, rebuild);
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
