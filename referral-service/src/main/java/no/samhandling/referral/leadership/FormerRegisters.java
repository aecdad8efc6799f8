package no.samhandling.referral.leadership;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.Filters;

import no.samhandling.events.leadership.LeadershipItemKind;

/**
 * Moves the items of the two former registers, {@code deviations} and {@code system_cases} (one
 * aggregate each, before leadership items), into {@code leadership_items}, in the one shape
 * {@link LeadershipItem} reads.
 *
 * <p>Why move rather than read both shapes: an aggregate lives in one collection, and the outbox
 * relay watches the collections of the aggregates it knows. A document left behind would be an item
 * no register shows and whose unsent events nobody relays. So each document is rewritten once, with
 * its version, outbox shard and still unsent events (old {@code referral.deviation-*} and
 * {@code referral.system-case-*} events, which go out on {@code referral.events} as they were raised),
 * inserted under its own id, and then removed from the former collection. Every step can be run again:
 * an insert that finds the id already moved is skipped, so two instances starting at once, or a crash
 * between insert and removal, move nothing twice. The move runs at every start and costs one empty
 * query once the former collections are empty; it assumes no instance of the former version still
 * writes them (stop those before starting this one).
 *
 * <p>The shapes: a deviation's {@code whatHappened}, {@code reportedBy} and {@code reportedAt} become
 * {@code description}, {@code registeredBy} and {@code registeredAt}, and its status {@code REPORTED}
 * becomes {@code REGISTERED}; a system case keeps its field names. Both get their {@code kind}.
 */
final class FormerRegisters {

    static final String DEVIATIONS = "deviations";
    static final String SYSTEM_CASES = "system_cases";

    private static final Logger log = LoggerFactory.getLogger(FormerRegisters.class);

    static void moveInto(MongoTemplate mongo, String leadershipItems) {
        move(mongo, DEVIATIONS, leadershipItems, LeadershipItemKind.DEVIATION);
        move(mongo, SYSTEM_CASES, leadershipItems, LeadershipItemKind.SYSTEM_CASE);
    }

    private static void move(MongoTemplate mongo, String former, String leadershipItems, LeadershipItemKind kind) {
        if (!mongo.collectionExists(former)) {
            return;
        }
        List<Document> documents = mongo.getCollection(former).find().into(new ArrayList<>());
        for (Document document : documents) {
            try {
                mongo.getCollection(leadershipItems).insertOne(asLeadershipItem(document, kind));
            } catch (RuntimeException e) {
                if (!(mongo.getExceptionTranslator().translateExceptionIfPossible(e) instanceof DuplicateKeyException)) {
                    throw e;
                }
            }
            mongo.getCollection(former).deleteOne(Filters.eq("_id", document.get("_id")));
        }
        if (!documents.isEmpty()) {
            log.info("Moved {} items of the former register {} into {}", documents.size(), former, leadershipItems);
        }
    }

    /** The former document in the leadership item's shape; fields it does not know (version, outbox) are kept as they are. */
    static Document asLeadershipItem(Document former, LeadershipItemKind kind) {
        Document item = new Document(former);
        item.remove("_class");
        item.put("kind", kind.name());
        if (kind == LeadershipItemKind.DEVIATION) {
            rename(item, "whatHappened", "description");
            rename(item, "reportedBy", "registeredBy");
            rename(item, "reportedAt", "registeredAt");
            if ("REPORTED".equals(item.getString("status"))) {
                item.put("status", LeadershipItem.Status.REGISTERED.name());
            }
        }
        return item;
    }

    private static void rename(Document document, String from, String to) {
        if (document.containsKey(from)) {
            document.put(to, document.remove(from));
        }
    }

    private FormerRegisters() {
    }
}
