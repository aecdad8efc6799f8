package no.samhandling.platform.events;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

/**
 * Remembers which events a consumer group has handled, so that a redelivered event changes nothing.
 *
 * <p>The mark is written after the handler succeeds: a crash in between redelivers the event, so a
 * handler whose effect is not naturally idempotent guards its own write with the event id in the
 * same document (see the reporting projections).
 */
public final class ProcessedEvents {

    static final String COLLECTION = "processed_events";

    private final MongoTemplate mongo;

    ProcessedEvents(MongoTemplate mongo, java.time.Duration retention) {
        this.mongo = mongo;
        // Marks only need to outlive the topics' retention: older records can no longer be redelivered.
        mongo.getCollection(COLLECTION).createIndex(new Document("processedAt", 1),
                new com.mongodb.client.model.IndexOptions().name("processedAt_ttl")
                        .expireAfter(retention.toSeconds(), java.util.concurrent.TimeUnit.SECONDS));
    }

    public boolean isProcessed(String group, UUID eventId) {
        return mongo.getCollection(COLLECTION).countDocuments(Filters.eq("_id", key(group, eventId))) > 0;
    }

    public void markProcessed(String group, UUID eventId, String type) {
        Document mark = new Document("_id", key(group, eventId))
                .append("group", group)
                .append("type", type)
                .append("processedAt", Date.from(Instant.now()));
        mongo.getCollection(COLLECTION).replaceOne(Filters.eq("_id", mark.get("_id")), mark, new ReplaceOptions().upsert(true));
    }

    private static String key(String group, UUID eventId) {
        return group + ":" + eventId;
    }
}
