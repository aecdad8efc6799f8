package no.samhandling.reporting.figures;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import no.samhandling.events.referral.ReferralSubmitted;

/**
 * Referrals submitted per arena and month (Europe/Oslo). Only counts are stored: no referral,
 * subject or person appears in this store.
 *
 * <p>Each bucket remembers the ids of the last events it counted and the increment is
 * conditional on the id being new, in the same document write, so a redelivery after a crash
 * between counting and the consumer's processed-mark cannot count twice.
 */
@Component
class ReferralFigures {

    static final String COLLECTION = "referral_figures";
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");
    private static final int REMEMBERED_EVENTS = 1000;

    private final MongoTemplate mongo;

    ReferralFigures(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void on(ReferralSubmitted event) {
        String month = MONTH.format(event.occurredAt().atZone(OSLO));
        String bucket = event.municipality() + "|" + event.arenaId() + "|" + month;
        String eventId = event.eventId().toString();
        try {
            mongo.getCollection(COLLECTION).updateOne(
                    Filters.and(Filters.eq("_id", bucket), Filters.ne("countedEvents", eventId)),
                    Updates.combine(
                            Updates.setOnInsert("municipality", event.municipality()),
                            Updates.setOnInsert("arenaId", event.arenaId()),
                            Updates.setOnInsert("month", month),
                            Updates.inc("submitted", 1),
                            Updates.pushEach("countedEvents", List.of(eventId), new PushOptions().slice(-REMEMBERED_EVENTS))),
                    new UpdateOptions().upsert(true));
        } catch (DuplicateKeyException | MongoWriteException alreadyCounted) {
            // The bucket exists and already holds this event id: the upsert's insert collided. Nothing to do.
        }
    }

    List<Cell> submittedPerArenaAndMonth(String municipality, String year) {
        List<Cell> cells = new ArrayList<>();
        mongo.getCollection(COLLECTION)
                .find(Filters.and(Filters.eq("municipality", municipality), Filters.regex("month", "^" + year + "-")))
                .sort(Sorts.ascending("arenaId", "month"))
                .forEach(document -> cells.add(new Cell(document.getString("arenaId"), document.getString("month"),
                        ((Number) document.get("submitted")).intValue())));
        return cells;
    }

    record Cell(String arenaId, String month, int count) {
    }
}
