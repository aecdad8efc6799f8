package no.samhandling.platform.access;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import no.samhandling.platform.web.ProblemException;
import no.samhandling.platform.web.Problems;

/**
 * The access log (tilgangslogg) of one service: every read of a child's identity or personal data,
 * and every refused attempt on a case or a child, written before the answer goes out. A write that
 * fails fails the request: nothing is returned that was not logged.
 *
 * <p><b>Append-only.</b> This class only inserts entries and reads them; nothing in any API
 * changes or removes one.
 *
 * <p><b>Tamper-evident.</b> Entries form one hash chain per service and municipality (see
 * {@link AccessLogEntry}); {@link #verify} walks a chain and names the first entry that breaks it.
 * A small head document per chain remembers how far it has come, so entries removed from its end
 * are noticed too.
 *
 * <p><b>No forks, without transactions.</b> Entry {@code n} has the unique key {@code chain/n}, so
 * of two appenders (threads or instances of the service) that both read the head at {@code n-1}
 * only one can insert entry {@code n}; the other gets a duplicate key, reads the entry that won,
 * moves the head on and tries again with {@code n+1}. Each step is one single-document write. The
 * head is moved after the entry is written and only ever forward; an appender that dies in between
 * leaves the head one behind, and the next appender moves it on the same way.
 */
public final class AccessLog {

    static final String ENTRIES = "access_log";
    static final String HEADS = "access_log_heads";
    /** At most this many entries per query. */
    public static final int QUERY_LIMIT = 10_000;
    private static final int MAX_ATTEMPTS = 200;

    private final MongoTemplate mongo;
    private final String service;
    private final Clock clock;

    AccessLog(MongoTemplate mongo, String service, Clock clock) {
        this.mongo = mongo;
        this.service = service;
        this.clock = clock;
        MongoCollection<Document> entries = entries();
        entries.createIndex(Indexes.ascending("chain", "sequence"), new IndexOptions().unique(true).name("chain_sequence"));
        entries.createIndex(Indexes.ascending("subjectId", "at"));
        entries.createIndex(Indexes.ascending("municipality", "at"));
    }

    public String service() {
        return service;
    }

    /**
     * Writes one entry at the end of the municipality's chain.
     *
     * @throws ProblemException 503 {@code access-log-unavailable} when it could not be written; the caller must not answer
     */
    public AccessLogEntry append(String municipality, String userId, Relation relation, Outcome outcome, Resource resource,
            String purpose) {
        String chain = AccessLogEntry.chainOf(service, municipality);
        Instant at = clock.instant();
        try {
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                Document head = heads().find(Filters.eq("_id", chain)).first();
                long previousSequence = head == null ? 0 : head.get("sequence", Number.class).longValue();
                String previousHash = head == null ? AccessLogEntry.GENESIS : head.getString("hash");
                AccessLogEntry entry = AccessLogEntry.next(service, municipality, previousSequence + 1, at, userId, relation, outcome,
                        resource.kind().code(), resource.id(), resource.subjectId(), purpose, previousHash);
                try {
                    entries().insertOne(toDocument(entry));
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    // Another appender wrote this sequence number first: move the head to it and go on from there.
                    Document winner = entries().find(Filters.and(Filters.eq("chain", chain), Filters.eq("sequence", entry.sequence())))
                            .first();
                    if (winner != null) {
                        advanceHead(chain, entry.sequence(), winner.getString("hash"));
                    }
                    continue;
                }
                advanceHead(chain, entry.sequence(), entry.hash());
                return entry;
            }
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
        throw unavailable(null);
    }

    /** Walks the municipality's chain from its first entry and names the first one that breaks it. */
    public ChainCheck verify(String municipality) {
        String chain = AccessLogEntry.chainOf(service, municipality);
        long expected = 1;
        String previousHash = AccessLogEntry.GENESIS;
        for (Document stored : entries().find(Filters.eq("chain", chain)).sort(Sorts.ascending("sequence"))) {
            AccessLogEntry entry;
            try {
                entry = fromDocument(stored);
            } catch (RuntimeException unreadable) {
                return ChainCheck.brokenAt(service, municipality, expected - 1, expected, ChainCheck.Problem.ALTERED);
            }
            if (entry.sequence() != expected) {
                return ChainCheck.brokenAt(service, municipality, expected - 1, expected,
                        entry.sequence() > expected ? ChainCheck.Problem.MISSING : ChainCheck.Problem.ALTERED);
            }
            if (!entry.sealedAsStored() || !key(entry).equals(stored.get("_id")) || !chain.equals(entry.chain())) {
                return ChainCheck.brokenAt(service, municipality, expected - 1, expected, ChainCheck.Problem.ALTERED);
            }
            if (!entry.previousHash().equals(previousHash)) {
                return ChainCheck.brokenAt(service, municipality, expected - 1, expected, ChainCheck.Problem.LINK_BROKEN);
            }
            previousHash = entry.hash();
            expected++;
        }
        long checked = expected - 1;
        Document head = heads().find(Filters.eq("_id", chain)).first();
        if (head != null && head.get("sequence", Number.class).longValue() > checked) {
            return ChainCheck.brokenAt(service, municipality, checked, expected, ChainCheck.Problem.TRUNCATED);
        }
        return ChainCheck.intact(service, municipality, checked, previousHash);
    }

    /** The reads (and changes) of one child's data, oldest first; refusals are not reads of the child. */
    public List<AccessLogEntry> readsOf(String subjectId) {
        return find(Filters.and(Filters.eq("subjectId", subjectId), Filters.in("outcome", Outcome.READ.name(), Outcome.CHANGED.name())));
    }

    /** Every entry of the municipality in {@code [from, to)}, oldest first, at most {@link #QUERY_LIMIT}. */
    public List<AccessLogEntry> between(String municipality, Instant from, Instant to) {
        return find(Filters.and(Filters.eq("chain", AccessLogEntry.chainOf(service, municipality)),
                Filters.gte("at", Date.from(from)), Filters.lt("at", Date.from(to))));
    }

    private List<AccessLogEntry> find(Bson filter) {
        List<AccessLogEntry> found = new ArrayList<>();
        for (Document stored : entries().find(filter).sort(Sorts.ascending("at", "sequence")).limit(QUERY_LIMIT)) {
            found.add(fromDocument(stored));
        }
        return found;
    }

    private void advanceHead(String chain, long sequence, String hash) {
        try {
            heads().updateOne(Filters.and(Filters.eq("_id", chain), Filters.lt("sequence", sequence)),
                    Updates.combine(Updates.set("sequence", sequence), Updates.set("hash", hash)), new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            // The head is already further on (the upsert found no head behind this one and collided with it): fine.
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    private static ProblemException unavailable(RuntimeException cause) {
        ProblemException problem = new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, Problems.type("access-log-unavailable"),
                "problem.access-log-unavailable", null, Map.of());
        if (cause != null) {
            problem.initCause(cause);
        }
        return problem;
    }

    private static String key(AccessLogEntry entry) {
        return entry.chain() + "/" + entry.sequence();
    }

    private static Document toDocument(AccessLogEntry entry) {
        return new Document("_id", key(entry))
                .append("chain", entry.chain())
                .append("service", entry.service())
                .append("municipality", entry.municipality())
                .append("sequence", entry.sequence())
                .append("at", Date.from(entry.at()))
                .append("userId", entry.userId())
                .append("relation", entry.relation() == null ? null : entry.relation().name())
                .append("outcome", entry.outcome().name())
                .append("resourceKind", entry.resourceKind())
                .append("resourceId", entry.resourceId())
                .append("subjectId", entry.subjectId())
                .append("purpose", entry.purpose())
                .append("previousHash", entry.previousHash())
                .append("hash", entry.hash());
    }

    private static AccessLogEntry fromDocument(Document stored) {
        String relation = stored.getString("relation");
        return new AccessLogEntry(stored.getString("service"), stored.getString("municipality"),
                stored.get("sequence", Number.class).longValue(), stored.getDate("at").toInstant(), stored.getString("userId"),
                relation == null ? null : Relation.valueOf(relation), Outcome.valueOf(stored.getString("outcome")),
                stored.getString("resourceKind"), stored.getString("resourceId"), stored.getString("subjectId"),
                stored.getString("purpose"), stored.getString("previousHash"), stored.getString("hash"));
    }

    private MongoCollection<Document> entries() {
        return mongo.getCollection(ENTRIES);
    }

    private MongoCollection<Document> heads() {
        return mongo.getCollection(HEADS);
    }
}
