package no.samhandling.platform.events;

import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

/**
 * The batch mode's write-ahead journal: at most one planned, not yet completed batch per consumer
 * group and stream (a topic partition, or a replayed dead letter). See {@link BatchProjection}.
 */
final class Journals {

    static final String COLLECTION = "consumer_journals";

    private final MongoTemplate mongo;

    Journals(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<Entry> pending(String group, String stream) {
        return Optional.ofNullable(collection().find(Filters.eq("_id", key(group, stream))).first()).map(Entry::of);
    }

    void write(String group, Entry entry) {
        Document document = new Document("_id", key(group, entry.batch().stream()))
                .append("group", group)
                .append("stream", entry.batch().stream())
                .append("position", entry.batch().position())
                .append("topic", entry.topic())
                .append("partition", entry.partition())
                .append("events", entry.eventIds())
                .append("outOfOrder", entry.outOfOrder())
                .append("plan", entry.plan());
        collection().replaceOne(Filters.eq("_id", document.get("_id")), document, new ReplaceOptions().upsert(true));
    }

    void completed(String group, String stream) {
        collection().deleteOne(Filters.eq("_id", key(group, stream)));
    }

    void forget(String group) {
        collection().deleteMany(Filters.eq("group", group));
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }

    private static String key(String group, String stream) {
        return group + "|" + stream;
    }

    /**
     * A planned batch: where it comes from, the ids of its events, and the client's plan.
     *
     * @param outOfOrder a replayed dead letter: its ids are remembered, but the partition's watermark stays where it is
     */
    record Entry(BatchProjection.Batch batch, String topic, int partition, List<String> eventIds, Document plan, boolean outOfOrder) {

        static Entry of(Document document) {
            return new Entry(new BatchProjection.Batch(document.getString("stream"), ((Number) document.get("position")).longValue(), true),
                    document.getString("topic"), document.getInteger("partition"), document.getList("events", String.class),
                    document.get("plan", Document.class), document.getBoolean("outOfOrder", false));
        }
    }
}
