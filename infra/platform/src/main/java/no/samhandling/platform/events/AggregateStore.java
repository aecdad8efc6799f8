package no.samhandling.platform.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.mongodb.client.model.Filters;
import com.mongodb.client.result.UpdateResult;

import no.samhandling.events.DomainEvent;

/**
 * Stores one kind of aggregate together with the events its change raised, in a single document
 * write: MongoDB guarantees atomicity per document, so no multi-document transaction is needed
 * and no event is published for a change that was not stored.
 *
 * <p>The pending events are appended ({@code $push}) to the document's {@code outbox} array rather
 * than written as part of the whole document, so that a save never resurrects entries the relay
 * has already published and removed.
 */
public final class AggregateStore<T extends AggregateRoot> {

    private static final String ID = "_id";
    private static final String VERSION = "version";

    private final MongoTemplate mongo;
    private final Class<T> type;
    private final String collection;
    private final TraceContext traceContext;
    private final OutboxRelay relay;

    AggregateStore(MongoTemplate mongo, Class<T> type, TraceContext traceContext, OutboxRelay relay) {
        this.mongo = mongo;
        this.type = type;
        this.collection = mongo.getCollectionName(type);
        this.traceContext = traceContext;
        this.relay = relay;
    }

    public String collection() {
        return collection;
    }

    /** Loads an aggregate of the caller's municipality; another tenant's aggregate does not exist. */
    public Optional<T> find(String municipality, String id) {
        Query query = Query.query(Criteria.where(ID).is(id).and("municipality").is(municipality));
        return Optional.ofNullable(mongo.findOne(query, type, collection));
    }

    public List<T> find(Query query) {
        return mongo.find(query, type, collection);
    }

    /**
     * Inserts a new aggregate or updates an existing one if nobody else changed it since it was
     * loaded, together with its pending events.
     *
     * @throws OptimisticLockingFailureException when the stored version moved on
     * @throws DuplicateKeyException when a new aggregate collides with a unique index
     */
    public T save(T aggregate) {
        List<Document> outbox = outboxEntries(aggregate.pendingEvents());
        Document state = new Document();
        mongo.getConverter().write(aggregate, state);
        state.remove("_class");
        state.put(OutboxRelay.SHARD, relay.shardOf(aggregate.id()));
        long newVersion;
        if (aggregate.version() == null) {
            newVersion = 0;
            state.put(VERSION, newVersion);
            state.put(OutboxEntry.FIELD, outbox);
            write(() -> mongo.getCollection(collection).insertOne(state));
        } else {
            long expected = aggregate.version();
            newVersion = expected + 1;
            state.remove(ID);
            state.put(VERSION, newVersion);
            Document update = new Document("$set", state);
            Document unset = absentProperties(state);
            if (!unset.isEmpty()) {
                update.append("$unset", unset);
            }
            if (!outbox.isEmpty()) {
                update.append("$push", new Document(OutboxEntry.FIELD, new Document("$each", outbox)));
            }
            Bson filter = Filters.and(Filters.eq(ID, aggregate.id()), Filters.eq(VERSION, expected));
            UpdateResult result = write(() -> mongo.getCollection(collection).updateOne(filter, update));
            if (result.getMatchedCount() == 0) {
                throw new OptimisticLockingFailureException(
                        type.getSimpleName() + " " + aggregate.id() + " was changed concurrently");
            }
        }
        aggregate.markStored(newVersion);
        if (!outbox.isEmpty()) {
            relay.wakeUp(collection, aggregate.id());
        }
        return aggregate;
    }

    /** Raw driver calls bypass the template, so their errors are translated here (duplicate key and so on). */
    private <R> R write(java.util.function.Supplier<R> operation) {
        try {
            return operation.get();
        } catch (RuntimeException e) {
            RuntimeException translated = mongo.getExceptionTranslator().translateExceptionIfPossible(e);
            throw translated != null ? translated : e;
        }
    }

    private List<Document> outboxEntries(List<DomainEvent> events) {
        String traceparent = traceContext.currentTraceparent();
        List<Document> entries = new ArrayList<>(events.size());
        for (DomainEvent event : events) {
            entries.add(OutboxEntry.of(event, traceparent).toDocument());
        }
        return entries;
    }

    /** Properties that are null now must be removed, or $set would leave their old value behind. */
    private Document absentProperties(Document state) {
        MongoPersistentEntity<?> entity = mongo.getConverter().getMappingContext().getRequiredPersistentEntity(type);
        Document unset = new Document();
        for (MongoPersistentProperty property : entity) {
            String field = property.getFieldName();
            if (!field.equals(ID) && !state.containsKey(field)) {
                unset.append(field, "");
            }
        }
        return unset;
    }
}
