package no.samhandling.personaldata;

import java.time.Clock;
import java.util.Date;
import java.util.Optional;

import javax.crypto.SecretKey;

import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;

/**
 * The {@code subject_keys} collection: per subject either its wrapped data key
 * {@code {_id, municipality, wrappedKey, createdAt, lookups}} ({@code lookups}: the pseudonyms of the subject that
 * this service may turn back into its id, see {@link PersonalDataCipher#findablePseudonym}) or, once erased, a tombstone
 * {@code {_id, erased: true, erasedAt}} that keeps a late write from creating a new key.
 * Keys are read on every use and never cached, so an erasure takes effect at once on every instance.
 */
final class SubjectKeys {

    static final String COLLECTION = "subject_keys";
    private static final String ID = "_id";
    private static final String ERASED = "erased";
    private static final String WRAPPED_KEY = "wrappedKey";
    private static final String MUNICIPALITY = "municipality";
    private static final String LOOKUPS = "lookups";

    private final MongoTemplate mongo;
    private final MasterKey master;
    private final Clock clock;
    /** Made on first use, not at start, so that a service starts without its database as it did before. */
    private volatile boolean lookupsIndexed;

    SubjectKeys(MongoTemplate mongo, MasterKey master, Clock clock) {
        this.mongo = mongo;
        this.master = master;
        this.clock = clock;
    }

    /**
     * The subject's key, created on first use. Two first uses at once both end up with the same key:
     * the insert of the loser fails on the unique {@code _id} and it reads the winner's key.
     */
    SecretKey keyFor(String municipality, String subjectId) {
        Document stored = find(subjectId);
        if (stored == null) {
            SecretKey fresh = Aead.newKey();
            Document document = new Document(ID, subjectId)
                    .append(MUNICIPALITY, municipality)
                    .append(WRAPPED_KEY, new Binary(master.wrap(subjectId, fresh)))
                    .append("createdAt", Date.from(clock.instant()));
            try {
                collection().insertOne(document);
                return fresh;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            stored = find(subjectId);
        }
        if (stored == null || stored.getBoolean(ERASED, false)) {
            throw new SubjectErasedException(subjectId);
        }
        if (!municipality.equals(stored.getString(MUNICIPALITY))) {
            throw new SubjectOfAnotherMunicipalityException(subjectId);
        }
        return unwrap(subjectId, stored);
    }

    /** The subject's key if it has one; empty when it never had one here or was erased. */
    Optional<SecretKey> existingKey(String subjectId) {
        Document stored = find(subjectId);
        if (stored == null || stored.getBoolean(ERASED, false)) {
            return Optional.empty();
        }
        return Optional.of(unwrap(subjectId, stored));
    }

    /**
     * Lets {@link #subjectOf} find the subject by this pseudonym, on its key's own document, so that the erasure that
     * replaces the key by a tombstone removes the way back in the same write. Nothing for an erased subject.
     */
    void remember(String subjectId, String lookup) {
        if (!lookupsIndexed) {
            collection().createIndex(Indexes.ascending(LOOKUPS), new IndexOptions().sparse(true).name(LOOKUPS));
            lookupsIndexed = true;
        }
        collection().updateOne(Filters.and(Filters.eq(ID, subjectId), Filters.ne(ERASED, true), Filters.ne(LOOKUPS, lookup)),
                Updates.addToSet(LOOKUPS, lookup));
    }

    /** The subject a remembered pseudonym stands for, while it has a key. */
    Optional<String> subjectOf(String lookup) {
        Document stored = collection().find(Filters.and(Filters.eq(LOOKUPS, lookup), Filters.ne(ERASED, true))).first();
        return stored == null ? Optional.empty() : Optional.of(stored.getString(ID));
    }

    /** Replaces the wrapped key by a tombstone; idempotent, and also for a subject that never had a key here. */
    void erase(String subjectId) {
        Document tombstone = new Document(ID, subjectId)
                .append(ERASED, true)
                .append("erasedAt", Date.from(clock.instant()));
        collection().replaceOne(Filters.eq(ID, subjectId), tombstone, new ReplaceOptions().upsert(true));
    }

    boolean isErased(String subjectId) {
        Document stored = find(subjectId);
        return stored != null && stored.getBoolean(ERASED, false);
    }

    private SecretKey unwrap(String subjectId, Document stored) {
        return master.unwrap(subjectId, stored.get(WRAPPED_KEY, Binary.class).getData());
    }

    private Document find(String subjectId) {
        return collection().find(Filters.eq(ID, subjectId)).first();
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }
}
