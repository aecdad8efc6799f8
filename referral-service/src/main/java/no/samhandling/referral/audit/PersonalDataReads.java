package no.samhandling.referral.audit;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

/**
 * The read audit: who opened which child's personal data, when, in which case and for what
 * purpose. It is append-only: this class only inserts and reads, and nothing in the API edits or
 * deletes an entry. An entry is written before the data is opened, so no read goes unrecorded.
 * It holds opaque ids only, never the data that was read.
 */
@Component
public class PersonalDataReads {

    static final String COLLECTION = "personal_data_reads";

    /**
     * One read.
     *
     * @param readerRole how the reader relates to the case, such as ARENA_COORDINATOR or GUARDIAN
     * @param purpose why, such as MEETING_PREPARATION
     */
    public record Read(String id, String municipality, String subjectId, String referralId, String readerId, String readerRole,
            String purpose, Instant readAt) {
    }

    private final MongoTemplate mongo;

    PersonalDataReads(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.getCollection(COLLECTION).createIndex(Indexes.ascending("subjectId", "readAt"));
    }

    public Read record(String municipality, String subjectId, String referralId, String readerId, String readerRole, String purpose,
            Instant readAt) {
        Read read = new Read(UUID.randomUUID().toString(), municipality, subjectId, referralId, readerId, readerRole, purpose, readAt);
        mongo.getCollection(COLLECTION).insertOne(new Document("_id", read.id())
                .append("municipality", municipality)
                .append("subjectId", subjectId)
                .append("referralId", referralId)
                .append("readerId", readerId)
                .append("readerRole", readerRole)
                .append("purpose", purpose)
                .append("readAt", Date.from(readAt)));
        return read;
    }

    /** Every read of the child's data, oldest first. */
    public List<Read> ofSubject(String subjectId) {
        return mongo.getCollection(COLLECTION).find(Filters.eq("subjectId", subjectId)).sort(Sorts.ascending("readAt"))
                .map(found -> new Read(found.getString("_id"), found.getString("municipality"), found.getString("subjectId"),
                        found.getString("referralId"), found.getString("readerId"), found.getString("readerRole"),
                        found.getString("purpose"), found.getDate("readAt").toInstant()))
                .into(new java.util.ArrayList<>());
    }
}
