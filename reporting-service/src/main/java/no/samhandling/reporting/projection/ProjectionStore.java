package no.samhandling.reporting.projection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

import no.samhandling.events.DomainEvent;
import no.samhandling.platform.events.BatchProjection;

/**
 * The figures of one generation as a client of the consumer engine's batch mode: {@link #plan}
 * runs {@link FigureProjection} over a batch, {@link #apply} writes what it says. The engine
 * journals the plan first and applies it again after a crash, so every write here is idempotent
 * for one batch, without transactions (which the MongoDB wire server lacks and production does not
 * need for this):
 *
 * <ul>
 * <li>each counter remembers, per stream (a topic partition), the position of the last batch that
 * changed it, and a batch applied again after a crash skips the counters whose stream is already at
 * its position. One number per partition, so a counter's bookkeeping stays small however many
 * batches pass, and instances projecting different partitions at once never disturb each other's
 * check (the ids of the last 20 batches, as before, could be pushed out by other partitions);</li>
 * <li>case states and arena titles are replaced with what the batch says, which is the same
 * however often it is done: a referral's and an arena's events are on one partition, and its next
 * batch waits until this one is complete;</li>
 * <li>a leadership item is counted by the batch that first claims it ({@link #claimCountedItems}),
 * and a batch applied again finds its own claim.</li>
 * </ul>
 */
final class ProjectionStore implements BatchProjection {

    private static final String APPLIED = "applied";

    private final MongoTemplate mongo;
    private final Generation generation;

    ProjectionStore(MongoTemplate mongo, Generation generation) {
        this.mongo = mongo;
        this.generation = generation;
    }

    void prepare() {
        mongo.getCollection(generation.counters()).createIndex(new Document("municipality", 1).append("metric", 1).append("month", 1));
    }

    /** Drops the generation's collections, and those an earlier version of this store kept beside them. */
    void drop() {
        List<String> existing = mongo.getDb().listCollectionNames().into(new ArrayList<>());
        for (String collection : List.of(generation.counters(), generation.arenas(), generation.cases(),
                generation.countedItems(), "processed_events_g" + generation.number(), "projection_journal_g" + generation.number())) {
            if (existing.contains(collection)) {
                mongo.getCollection(collection).drop();
            }
        }
    }

    @Override
    public Document plan(List<DomainEvent> events) {
        Map<String, CaseState> openCases = loadCases(FigureProjection.caseKeys(events));
        Set<String> countedItems = loadCountedItems(FigureProjection.itemKeys(events));
        return plan(FigureProjection.project(events, openCases, countedItems));
    }

    private Set<String> loadCountedItems(Collection<String> keys) {
        Set<String> counted = new HashSet<>();
        if (!keys.isEmpty()) {
            mongo.getCollection(generation.countedItems()).find(Filters.in("_id", keys))
                    .forEach(document -> counted.add(document.getString("_id")));
        }
        return counted;
    }

    private Map<String, CaseState> loadCases(Collection<String> keys) {
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

    static Document plan(Changes changes) {
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
        List<Document> countedItems = new ArrayList<>();
        changes.countedItems().forEach((item, counter) -> countedItems.add(new Document("_id", item).append("counter", counter)));
        return new Document("increments", increments).append("cases", cases).append("arenas", arenas)
                .append("countedItems", countedItems);
    }

    @Override
    public void apply(Batch batch, Document plan) {
        String applied = APPLIED + "." + batch.stream();
        // A plan journaled by an earlier version has no such list.
        Map<String, Long> countedElsewhere = claimCountedItems(batch, plan.getList("countedItems", Document.class, List.of()));
        List<Document> increments = plan.getList("increments", Document.class);
        Set<String> done = batch.again() ? holding(batch, increments) : Set.of();
        List<WriteModel<Document>> counters = new ArrayList<>();
        for (Document increment : increments) {
            long delta = ((Number) increment.get("delta")).longValue()
                    - countedElsewhere.getOrDefault(increment.getString("_id"), 0L);
            if (done.contains(increment.getString("_id")) || delta == 0) {
                continue;
            }
            // A filter on the id alone: every store, the MongoDB wire server included, finds the counter by index.
            counters.add(new UpdateOneModel<>(Filters.eq("_id", increment.getString("_id")),
                    Updates.combine(
                            Updates.setOnInsert("municipality", increment.getString("municipality")),
                            Updates.setOnInsert("metric", increment.getString("metric")),
                            Updates.setOnInsert("key", increment.getString("key")),
                            Updates.setOnInsert("month", increment.getString("month")),
                            Updates.inc("count", delta),
                            Updates.set(applied, batch.position())),
                    new UpdateOptions().upsert(true)));
        }
        bulk(mongo.getCollection(generation.counters()), counters);

        List<WriteModel<Document>> cases = new ArrayList<>();
        for (Document change : plan.getList("cases", Document.class)) {
            Document state = change.get("state", Document.class);
            Bson id = Filters.eq("_id", change.getString("_id"));
            cases.add(state == null ? new DeleteOneModel<>(id) : new ReplaceOneModel<>(id, state, new ReplaceOptions().upsert(true)));
        }
        bulk(mongo.getCollection(generation.cases()), cases);

        List<WriteModel<Document>> arenas = new ArrayList<>();
        for (Document arena : plan.getList("arenas", Document.class)) {
            Bson id = Filters.eq("_id", arena.getString("_id"));
            arenas.add(arena.getString("title") == null
                    ? new UpdateOneModel<>(id, Updates.combine(Updates.set("retired", true),
                            Updates.setOnInsert("municipality", arena.getString("municipality")),
                            Updates.setOnInsert("arenaId", arena.getString("arenaId"))), new UpdateOptions().upsert(true))
                    : new ReplaceOneModel<>(id, arena, new ReplaceOptions().upsert(true)));
        }
        bulk(mongo.getCollection(generation.arenas()), arenas);
    }

    /**
     * Claims each leadership item the batch counts for the first time, before any counter moves. An
     * item's registration can reach a generation on two topics (its history on referral.events and a
     * copy on leadership.events), whose batches may run at the same moment in two instances, so the
     * check in {@link #plan} alone could let both count it. The claim is an insert under the item's
     * key naming this batch: the batch whose insert lands counts the item, every other takes its one
     * back. A batch applied again after a crash finds its own claim and counts what it planned.
     *
     * @return per counter, how many of the batch's items another batch counted already
     */
    private Map<String, Long> claimCountedItems(Batch batch, List<Document> items) {
        Map<String, Long> countedElsewhere = new HashMap<>();
        if (items.isEmpty()) {
            return countedElsewhere;
        }
        MongoCollection<Document> claims = mongo.getCollection(generation.countedItems());
        List<WriteModel<Document>> inserts = new ArrayList<>();
        Map<String, String> counters = new HashMap<>();
        for (Document item : items) {
            counters.put(item.getString("_id"), item.getString("counter"));
            inserts.add(new InsertOneModel<>(new Document("_id", item.getString("_id")).append("stream", batch.stream())
                    .append("position", batch.position())));
        }
        bulk(claims, inserts);
        claims.find(Filters.in("_id", counters.keySet())).forEach(claim -> {
            boolean ours = batch.stream().equals(claim.getString("stream"))
                    && claim.get("position") instanceof Number position && position.longValue() == batch.position();
            if (!ours) {
                countedElsewhere.merge(counters.get(claim.getString("_id")), 1L, Long::sum);
            }
        });
        return countedElsewhere;
    }

    /** The counters among the increments that already hold the batch: their stream is at its position. */
    private Set<String> holding(Batch batch, List<Document> increments) {
        Set<String> holding = new HashSet<>();
        if (increments.isEmpty()) {
            return holding;
        }
        mongo.getCollection(generation.counters())
                .find(Filters.in("_id", increments.stream().map(increment -> increment.getString("_id")).toList()))
                .forEach(counter -> {
                    Document applied = counter.get(APPLIED, Document.class);
                    Object position = applied == null ? null : applied.get(batch.stream());
                    if (position instanceof Number number && number.longValue() >= batch.position()) {
                        holding.add(counter.getString("_id"));
                    }
                });
        return holding;
    }

    /** Unordered bulk write; a duplicate key means the write was already done. */
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

    /** The counters and arenas of the generation without bookkeeping fields, for comparing generations. */
    Map<String, Object> contents() {
        Map<String, Object> contents = new LinkedHashMap<>();
        mongo.getCollection(generation.counters()).find().sort(new Document("_id", 1))
                .forEach(document -> contents.put(document.getString("_id"), ((Number) document.get("count")).longValue()));
        mongo.getCollection(generation.arenas()).find().sort(new Document("_id", 1))
                .forEach(document -> contents.put("arena " + document.getString("_id"),
                        document.getString("title") + (document.getBoolean("retired", false) ? " (retired)" : "")));
        mongo.getCollection(generation.cases()).find().sort(new Document("_id", 1))
                .forEach(document -> contents.put("case " + document.getString("_id"), document.toJson()));
        mongo.getCollection(generation.countedItems()).find().sort(new Document("_id", 1))
                .forEach(document -> contents.put("counted item " + document.getString("_id"), true));
        return contents;
    }
}
