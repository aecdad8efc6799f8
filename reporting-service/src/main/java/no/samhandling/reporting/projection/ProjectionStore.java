package no.samhandling.reporting.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

import no.samhandling.events.DomainEvent;

/**
 * Writes batches of events into one generation, exactly once in effect, without transactions
 * (which the MongoDB wire server lacks and production does not need for this):
 *
 * <ol>
 * <li>events whose id is in the generation's processed set are skipped (redelivery, or the outbox
 * relay sending an event twice);</li>
 * <li>the batch's changes are written to a journal document first (one atomic write), then applied;
 * each counter remembers the ids of the last batches that changed it, so that completing a journal
 * again after a crash skips the counters it had already changed;</li>
 * <li>the events are marked processed and the journal is deleted.</li>
 * </ol>
 * A crash anywhere leaves either nothing (the batch is redelivered and projected afresh) or a
 * journal, which the next batch completes before it does anything else. One thread writes a
 * generation, so nothing else changes a counter between that check and the increment.
 */
final class ProjectionStore {

    private static final int REMEMBERED_BATCHES = 20;

    private final MongoTemplate mongo;
    private final long processedRetentionSeconds;

    ProjectionStore(MongoTemplate mongo, java.time.Duration processedRetention) {
        this.mongo = mongo;
        this.processedRetentionSeconds = processedRetention.toSeconds();
    }

    void prepare(Generation generation) {
        mongo.getCollection(generation.processed()).createIndex(new Document("at", 1),
                new IndexOptions().name("at_ttl").expireAfter(processedRetentionSeconds, TimeUnit.SECONDS));
        mongo.getCollection(generation.counters()).createIndex(new Document("municipality", 1).append("metric", 1).append("month", 1));
    }

    void drop(Generation generation) {
        for (String collection : List.of(generation.counters(), generation.arenas(), generation.cases(),
                generation.processed(), generation.journal())) {
            mongo.getCollection(collection).drop();
        }
    }

    /** Projects the events into the generation; returns how many were new. */
    int write(Generation generation, List<DomainEvent> batch) {
        completePendingJournals(generation);
        List<DomainEvent> fresh = unprocessed(generation, batch);
        if (fresh.isEmpty()) {
            return 0;
        }
        Map<String, CaseState> openCases = loadCases(generation, FigureProjection.caseKeys(fresh));
        Changes changes = FigureProjection.project(fresh, openCases);
        Document journal = journal(fresh, changes);
        mongo.getCollection(generation.journal()).insertOne(journal);
        complete(generation, journal, false);
        return fresh.size();
    }

    private void completePendingJournals(Generation generation) {
        for (Document journal : mongo.getCollection(generation.journal()).find()) {
            complete(generation, journal, true);
        }
    }

    private List<DomainEvent> unprocessed(Generation generation, List<DomainEvent> batch) {
        List<String> ids = batch.stream().map(event -> event.eventId().toString()).toList();
        Set<String> seen = new HashSet<>();
        mongo.getCollection(generation.processed()).find(Filters.in("_id", ids)).projection(new Document("_id", 1))
                .forEach(document -> seen.add(document.getString("_id")));
        List<DomainEvent> fresh = new ArrayList<>();
        for (DomainEvent event : batch) {
            if (seen.add(event.eventId().toString())) {
                fresh.add(event);
            }
        }
        return fresh;
    }

    private Map<String, CaseState> loadCases(Generation generation, Collection<String> keys) {
        Map<String, CaseState> cases = new HashMap<>();
        if (keys.isEmpty()) {
            return cases;
        }
        mongo.getCollection(generation.cases()).find(Filters.in("_id", keys)).forEach(document -> {
            CaseState state = caseState(document);
            cases.put(state.key(), state);
        });
        return cases;
    }

    static Document journal(List<DomainEvent> events, Changes changes) {
        List<Document> increments = new ArrayList<>();
        for (Changes.Increment increment : changes.increments()) {
            increments.add(new Document("_id", increment.id()).append("municipality", increment.municipality())
                    .append("metric", increment.metric().name()).append("key", increment.key())
                    .append("month", increment.month()).append("delta", increment.delta()));
        }
        List<Document> cases = new ArrayList<>();
        for (Map.Entry<String, Optional<CaseState>> entry : changes.cases().entrySet()) {
            cases.add(new Document("_id", entry.getKey()).append("state", entry.getValue().map(ProjectionStore::document).orElse(null)));
        }
        List<Document> arenas = new ArrayList<>();
        for (Changes.ArenaEntry arena : changes.arenas()) {
            arenas.add(new Document("_id", arena.id()).append("municipality", arena.municipality())
                    .append("arenaId", arena.arenaId()).append("title", arena.title()).append("retired", arena.retired()));
        }
        return new Document("_id", UUID.randomUUID().toString())
                .append("events", events.stream().map(event -> event.eventId().toString()).toList())
                .append("increments", increments).append("cases", cases).append("arenas", arenas);
    }

    /** Applies a journal; when recovering one, counters that already hold its batch id are left alone. */
    void complete(Generation generation, Document journal, boolean recovering) {
        String batch = journal.getString("_id");
        List<Document> increments = journal.getList("increments", Document.class);
        Set<String> alreadyApplied = new HashSet<>();
        if (recovering && !increments.isEmpty()) {
            mongo.getCollection(generation.counters())
                    .find(Filters.in("_id", increments.stream().map(increment -> increment.getString("_id")).toList()))
                    .forEach(counter -> {
                        if (counter.getList("batches", String.class, List.of()).contains(batch)) {
                            alreadyApplied.add(counter.getString("_id"));
                        }
                    });
        }
        List<WriteModel<Document>> counters = new ArrayList<>();
        for (Document increment : increments) {
            if (alreadyApplied.contains(increment.getString("_id"))) {
                continue;
            }
            // A filter on the id alone: every store, the MongoDB wire server included, finds it by index.
            counters.add(new UpdateOneModel<>(
                    Filters.eq("_id", increment.getString("_id")),
                    Updates.combine(
                            Updates.setOnInsert("municipality", increment.getString("municipality")),
                            Updates.setOnInsert("metric", increment.getString("metric")),
                            Updates.setOnInsert("key", increment.getString("key")),
                            Updates.setOnInsert("month", increment.getString("month")),
                            Updates.inc("count", ((Number) increment.get("delta")).longValue()),
                            Updates.pushEach("batches", List.of(batch), new PushOptions().slice(-REMEMBERED_BATCHES))),
                    new UpdateOptions().upsert(true)));
        }
        bulk(mongo.getCollection(generation.counters()), counters);

        List<WriteModel<Document>> cases = new ArrayList<>();
        for (Document change : journal.getList("cases", Document.class)) {
            Document state = change.get("state", Document.class);
            Bson id = Filters.eq("_id", change.getString("_id"));
            cases.add(state == null ? new DeleteOneModel<>(id) : new ReplaceOneModel<>(id, state, new ReplaceOptions().upsert(true)));
        }
        bulk(mongo.getCollection(generation.cases()), cases);

        List<WriteModel<Document>> arenas = new ArrayList<>();
        for (Document arena : journal.getList("arenas", Document.class)) {
            Bson id = Filters.eq("_id", arena.getString("_id"));
            arenas.add(arena.getString("title") == null
                    ? new UpdateOneModel<>(id, Updates.combine(Updates.set("retired", true),
                            Updates.setOnInsert("municipality", arena.getString("municipality")),
                            Updates.setOnInsert("arenaId", arena.getString("arenaId"))), new UpdateOptions().upsert(true))
                    : new ReplaceOneModel<>(id, arena, new ReplaceOptions().upsert(true)));
        }
        bulk(mongo.getCollection(generation.arenas()), arenas);

        Date now = Date.from(Instant.now());
        List<WriteModel<Document>> marks = new ArrayList<>();
        for (String eventId : journal.getList("events", String.class)) {
            marks.add(new InsertOneModel<>(new Document("_id", eventId).append("at", now)));
        }
        bulk(mongo.getCollection(generation.processed()), marks);
        mongo.getCollection(generation.journal()).deleteOne(Filters.eq("_id", batch));
    }

    /** Unordered bulk write; a duplicate key means the write was already done (a counter holding the batch, a mark). */
    private static void bulk(MongoCollection<Document> collection, List<WriteModel<Document>> writes) {
        if (writes.isEmpty()) {
            return;
        }
        try {
            collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
    }

    private static Document document(CaseState state) {
        return new Document("_id", state.key()).append("municipality", state.municipality()).append("arenaId", state.arenaId())
                .append("submittedOn", state.submittedOn().toString()).append("discussed", state.discussed());
    }

    private static CaseState caseState(Document document) {
        return new CaseState(document.getString("_id"), document.getString("municipality"), document.getString("arenaId"),
                LocalDate.parse(document.getString("submittedOn")), document.getBoolean("discussed", false));
    }

    /** The counters and arenas of a generation without bookkeeping fields, for comparing generations. */
    Map<String, Object> contents(Generation generation) {
        Map<String, Object> contents = new LinkedHashMap<>();
        mongo.getCollection(generation.counters()).find().sort(new Document("_id", 1))
                .forEach(document -> contents.put(document.getString("_id"), ((Number) document.get("count")).longValue()));
        mongo.getCollection(generation.arenas()).find().sort(new Document("_id", 1))
                .forEach(document -> contents.put("arena " + document.getString("_id"),
                        document.getString("title") + (document.getBoolean("retired", false) ? " (retired)" : "")));
        mongo.getCollection(generation.cases()).find().sort(new Document("_id", 1))
                .forEach(document -> contents.put("case " + document.getString("_id"), document.toJson()));
        return contents;
    }
}
