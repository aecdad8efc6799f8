package no.samhandling.platform.events;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

/**
 * How a consumer group knows which events it has already applied, for as long as they can be
 * delivered again: the topics keep their events for good and consumers start at {@code earliest},
 * so a redelivery can come years later. Kept per consumer group and topic partition, without a TTL:
 *
 * <ul>
 * <li><b>An offset watermark</b> ({@code consumer_watermarks}): the highest offset whose effect is
 * done. A record at or below it is skipped, even when Kafka has lost the group's committed offsets
 * (it drops an idle group's offsets after {@code offsets.retention.minutes}, seven days by default)
 * and the group reads its topics from the start again. One number per partition, so this part is
 * O(partitions), however long the topics grow. At every start it is also raised to just below the
 * offset Kafka has committed for the group ({@link #raiseToCommitted}): everything before that was
 * processed. That is also how the dedup state carried over from the earlier per-event marks, which
 * expired after 30 days.</li>
 * <li><b>The ids of the events applied from the last {@code samhandling.events.deduplication-window}
 * offsets of each partition</b> ({@code consumer_recent_events}, 10,000 by default). A producer-side
 * re-send arrives at a <em>later</em> offset: the outbox relay sends again after a crash between
 * Kafka's acknowledgement and the entry's removal, or after an acknowledgement that timed out. The
 * copy follows its original on the same partition (same key), after at most what the topic's one
 * owning service relayed to that partition in between: a lease period's or a restart's worth of
 * events. Older ids are pruned, so this part is O(partitions × window).</li>
 * </ul>
 *
 * The watermark only moves forward (a conditional write), so a zombie consumer from before a
 * rebalance cannot move it back. The ids are written before the watermark: a crash in between
 * leaves the ids, which still recognise the event.
 *
 * <p><b>What this cannot do alone:</b> the handler's effect and the dedup state are separate
 * writes. A crash between them (or a rebalance that hands the partition on while a slow handler is
 * still running) applies the event again. The batch mode closes that gap with a journal (see
 * {@link BatchProjection}); in single-event mode every handler must be idempotent by itself: an
 * upsert of the state the event implies, a state transition that refuses to happen twice, a write
 * keyed by something derived from the event id (notices), or a guard in the same document. The same
 * holds for a re-send that arrives more than a window after its original, and for a partition count
 * raised after the fact (a key then moves to another partition, past whose watermark it may be).
 */
final class Watermarks {

    static final String COLLECTION = "consumer_watermarks";
    static final String RECENT = "consumer_recent_events";

    private final MongoTemplate mongo;
    private final long window;
    private final Map<String, Long> prunedAt = new ConcurrentHashMap<>();

    Watermarks(MongoTemplate mongo, long window) {
        this.mongo = mongo;
        this.window = window;
        recent().createIndex(new Document("group", 1).append("topic", 1).append("partition", 1).append("offset", 1));
    }

    /** The highest offset of the partition whose effect is done; -1 if none. */
    long applied(String group, String topic, int partition) {
        Document document = watermarks().find(Filters.eq("_id", key(group, topic, partition))).first();
        return document == null ? -1 : ((Number) document.get("applied")).longValue();
    }

    /** Which of the events the group has applied within the window. */
    Set<String> recentlyApplied(String group, Collection<String> eventIds) {
        Set<String> applied = new HashSet<>();
        if (eventIds.isEmpty()) {
            return applied;
        }
        List<String> keys = eventIds.stream().map(id -> group + "|" + id).toList();
        recent().find(Filters.in("_id", keys)).projection(new Document("eventId", 1))
                .forEach(document -> applied.add(document.getString("eventId")));
        return applied;
    }

    /**
     * Records that the events are applied and everything up to {@code offset} is done. The
     * watermark does not move when it is already at or past the offset.
     */
    void advance(String group, String topic, int partition, long offset, Collection<String> eventIds) {
        remember(group, topic, partition, offset, eventIds);
        try {
            watermarks().updateOne(
                    new Document("_id", key(group, topic, partition)).append("applied", new Document("$lt", offset)),
                    Updates.combine(Updates.set("applied", offset), Updates.setOnInsert("group", group),
                            Updates.setOnInsert("topic", topic), Updates.setOnInsert("partition", partition)),
                    new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            // The filter did not match the existing document: the watermark is already past the offset.
            if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        pruneBelow(group, topic, partition, offset);
    }

    /**
     * Remembers an event applied out of order (a replayed dead letter) for a whole window from
     * now, without moving the watermark.
     */
    void remember(String group, String topic, int partition, String eventId) {
        remember(group, topic, partition, Math.max(0, applied(group, topic, partition)), List.of(eventId));
    }

    private void remember(String group, String topic, int partition, long offset, Collection<String> eventIds) {
        List<WriteModel<Document>> inserts = new ArrayList<>();
        for (String eventId : eventIds) {
            inserts.add(new InsertOneModel<>(new Document("_id", group + "|" + eventId).append("eventId", eventId)
                    .append("group", group).append("topic", topic).append("partition", partition).append("offset", offset)));
        }
        if (inserts.isEmpty()) {
            return;
        }
        try {
            recent().bulkWrite(inserts, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
    }

    /**
     * Forgets the ids that have fallen out of the window, once per window's worth of offsets rather
     * than on every write, so at most two windows of ids are kept per partition.
     */
    private void pruneBelow(String group, String topic, int partition, long offset) {
        String key = key(group, topic, partition);
        Long last = prunedAt.get(key);
        if (last != null && offset - last < window) {
            return;
        }
        prunedAt.put(key, offset);
        recent().deleteMany(Filters.and(Filters.eq("group", group), Filters.eq("topic", topic),
                Filters.eq("partition", partition), Filters.lt("offset", offset - window)));
    }

    /**
     * Raises each partition's watermark to just below the offset Kafka has committed for the
     * group: every record before a committed offset was processed (applied, skipped or
     * dead-lettered). Never lowers it.
     */
    void raiseToCommitted(String group, Map<TopicPartition, Long> committed) {
        committed.forEach((partition, offset) -> {
            if (offset > 0) {
                watermarks().updateOne(Filters.eq("_id", key(group, partition.topic(), partition.partition())),
                        Updates.combine(Updates.max("applied", offset - 1), Updates.setOnInsert("group", group),
                                Updates.setOnInsert("topic", partition.topic()), Updates.setOnInsert("partition", partition.partition())),
                        new UpdateOptions().upsert(true));
            }
        });
    }

    /** Forgets a consumer group that will never run again (a dropped projection generation). */
    void forget(String group) {
        watermarks().deleteMany(Filters.eq("group", group));
        recent().deleteMany(Filters.eq("group", group));
    }

    private MongoCollection<Document> watermarks() {
        return mongo.getCollection(COLLECTION);
    }

    private MongoCollection<Document> recent() {
        return mongo.getCollection(RECENT);
    }

    private static String key(String group, String topic, int partition) {
        return group + "|" + topic + "|" + partition;
    }
}
