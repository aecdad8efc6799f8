package no.samhandling.platform.access;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import com.mongodb.client.model.ReplaceOptions;
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
 * <p><b>Append-only.</b> Nothing in any API changes or removes an entry. The one exception is
 * retention ({@link #prune}): a chain's oldest entries go once they are past their period
 * ({@link AccessLogRetention}), and only after a sealed checkpoint of the last of them is stored
 * ({@link AccessLogCheckpoint}), from which {@link #verify} checks what is left as it would from the start.
 *
 * <p><b>Tamper-evident.</b> Entries form one hash chain per service and municipality (see
 * {@link AccessLogEntry}); {@link #verify} walks a chain and names the first entry that breaks it.
 * A small head document per chain remembers how far it has come, so entries removed from its end
 * are noticed too.
 *
 * <p><b>Nothing that outlives the child.</b> An entry about a child stores the child's id as a pseudonym, and the
 * resource's id sealed, both under the child's key in this service ({@link ChildLinks}); so is the reader's login when
 * the reader is the child's family or the child itself ({@link #isPrivatePerson}). {@link #between} and
 * {@link #readsOf} show them opened while the child exists, and as {@link AccessLogEntry#ERASED} once its key is gone;
 * the hash covers what is stored, so the chain verifies and prunes the same before and after. Staff and services
 * stay readable by name: the privacy officer must see who read, and what they read about an erased child is no
 * longer a case id anyone can follow. Entries written before this keep the ids they were written with.
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
    static final String CHECKPOINTS = "access_log_checkpoints";
    /** At most this many entries per query. */
    public static final int QUERY_LIMIT = 10_000;
    private static final int MAX_ATTEMPTS = 200;
    /** What the child's key seals in an entry: the id of the resource about the child, and a private person's login. */
    static final String RESOURCE_PURPOSE = "access-log-resource";
    static final String READER_PURPOSE = "access-log-reader";

    private final MongoTemplate mongo;
    private final String service;
    private final Clock clock;
    private final AccessLogRetention retention;
    private final ChildLinks links;

    AccessLog(MongoTemplate mongo, String service, Clock clock, ChildLinks links) {
        this(mongo, service, clock, AccessLogRetention.defaults(), links);
    }

    AccessLog(MongoTemplate mongo, String service, Clock clock, AccessLogRetention retention, ChildLinks links) {
        this.mongo = mongo;
        this.service = service;
        this.clock = clock;
        this.retention = retention;
        this.links = links;
        MongoCollection<Document> entries = entries();
        entries.createIndex(Indexes.ascending("chain", "sequence"), new IndexOptions().unique(true).name("chain_sequence"));
        entries.createIndex(Indexes.ascending("subjectId", "at"));
        entries.createIndex(Indexes.ascending("municipality", "at"));
    }

    public String service() {
        return service;
    }

    /**
     * Writes one entry at the end of the municipality's chain; the reader is a private person when their relation
     * says so ({@link #isPrivatePerson}).
     *
     * @throws ProblemException 503 {@code access-log-unavailable} when it could not be written; the caller must not answer
     */
    public AccessLogEntry append(String municipality, String userId, Relation relation, Outcome outcome, Resource resource,
            String purpose) {
        return append(municipality, userId, isPrivatePerson(relation), relation, outcome, resource, purpose);
    }

    /**
     * Whether a reader in this relation is the child's family or the child itself (a guardian, the youth), whose login
     * links them to the child and so is stored sealed under the child's key. Every other relation is staff or a
     * service reading in their duty.
     */
    public static boolean isPrivatePerson(Relation relation) {
        return relation == Relation.GUARDIAN || relation == Relation.YOUTH;
    }

    /**
     * Writes one entry at the end of the municipality's chain.
     *
     * @param privatePerson whether the reader is the child's family or the child itself rather than staff or a service:
     *        then their login is stored sealed under the child's key, as the resource's id always is for a child
     * @throws ProblemException 503 {@code access-log-unavailable} when it could not be written; the caller must not answer
     */
    public AccessLogEntry append(String municipality, String userId, boolean privatePerson, Relation relation, Outcome outcome,
            Resource resource, String purpose) {
        String chain = AccessLogEntry.chainOf(service, municipality);
        Instant at = clock.instant();
        try {
            Stored stored = stored(municipality, userId, privatePerson, resource);
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                Document head = heads().find(Filters.eq("_id", chain)).first();
                long previousSequence = head == null ? 0 : head.get("sequence", Number.class).longValue();
                String previousHash = head == null ? AccessLogEntry.GENESIS : head.getString("hash");
                AccessLogEntry entry = AccessLogEntry.next(service, municipality, previousSequence + 1, at, stored.userId(), relation,
                        outcome, resource.kind().code(), stored.resourceId(), stored.subjectId(), purpose, previousHash);
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

    /**
     * Walks the municipality's chain from its first entry, or from its checkpoint once older entries were
     * pruned, and names the first one that breaks it. A checkpoint that is not as it was written is
     * {@code ALTERED}; one that claims entries younger than the shortest retention period were pruned hides
     * them, and they are {@code MISSING}.
     */
    public ChainCheck verify(String municipality) {
        String chain = AccessLogEntry.chainOf(service, municipality);
        AccessLogCheckpoint checkpoint = checkpoint(chain);
        long pruned = checkpoint == null ? 0 : checkpoint.pruned();
        long start = checkpoint == null ? 0 : checkpoint.sequence();
        if (checkpoint != null && !checkpoint.sealedAsStored()) {
            return ChainCheck.brokenAt(service, municipality, 0, start, ChainCheck.Problem.ALTERED, pruned);
        }
        if (checkpoint != null && !prunedInTime(checkpoint)) {
            return ChainCheck.brokenAt(service, municipality, 0, start, ChainCheck.Problem.MISSING, pruned);
        }
        long expected = start + 1;
        String previousHash = checkpoint == null ? AccessLogEntry.GENESIS : checkpoint.hash();
        for (Document stored : entries().find(Filters.and(Filters.eq("chain", chain), Filters.gt("sequence", start)))
                .sort(Sorts.ascending("sequence"))) {
            AccessLogEntry entry;
            try {
                entry = fromDocument(stored);
            } catch (RuntimeException unreadable) {
                return ChainCheck.brokenAt(service, municipality, expected - 1 - start, expected, ChainCheck.Problem.ALTERED, pruned);
            }
            if (entry.sequence() != expected) {
                return ChainCheck.brokenAt(service, municipality, expected - 1 - start, expected,
                        entry.sequence() > expected ? ChainCheck.Problem.MISSING : ChainCheck.Problem.ALTERED, pruned);
            }
            if (!storedAsSealed(entry, stored, chain)) {
                return ChainCheck.brokenAt(service, municipality, expected - 1 - start, expected, ChainCheck.Problem.ALTERED, pruned);
            }
            if (!entry.previousHash().equals(previousHash)) {
                return ChainCheck.brokenAt(service, municipality, expected - 1 - start, expected, ChainCheck.Problem.LINK_BROKEN, pruned);
            }
            previousHash = entry.hash();
            expected++;
        }
        long last = expected - 1;
        Document head = heads().find(Filters.eq("_id", chain)).first();
        if (head != null && head.get("sequence", Number.class).longValue() > last) {
            return ChainCheck.brokenAt(service, municipality, last - start, expected, ChainCheck.Problem.TRUNCATED, pruned);
        }
        return ChainCheck.intact(service, municipality, last - start, previousHash, pruned);
    }

    /**
     * Removes the oldest entries of each of this service's chains that are past their retention period,
     * checking each as {@link #verify} does: it stops at the first entry that is not due, or that does not
     * hold, so an entry that shows tampering, and everything after it, is kept as evidence. Before
     * removing anything it stores the checkpoint of the last entry it removes.
     *
     * @return how many entries were removed
     */
    public long prune() {
        Instant now = clock.instant();
        long pruned = 0;
        // One head per municipality: few enough to read them all.
        for (Document head : heads().find()) {
            if (head.get("_id") instanceof String chain && chain.startsWith(service + "/")) {
                pruned += prune(chain, now);
            }
        }
        return pruned;
    }

    private long prune(String chain, Instant now) {
        AccessLogCheckpoint checkpoint = checkpoint(chain);
        if (checkpoint != null && (!checkpoint.sealedAsStored() || !prunedInTime(checkpoint))) {
            // verify reports it; pruning on from a checkpoint that does not hold would bury what it shows.
            return 0;
        }
        long start = checkpoint == null ? 0 : checkpoint.sequence();
        if (checkpoint != null) {
            // Left by a run that stopped between storing its checkpoint and removing the entries it covers.
            entries().deleteMany(Filters.and(Filters.eq("chain", chain), Filters.lte("sequence", start)));
        }
        long expected = start + 1;
        String previousHash = checkpoint == null ? AccessLogEntry.GENESIS : checkpoint.hash();
        AccessLogEntry lastDue = null;
        for (Document stored : entries().find(Filters.and(Filters.eq("chain", chain), Filters.gt("sequence", start)))
                .sort(Sorts.ascending("sequence")).limit(retention.maxPerRun())) {
            AccessLogEntry entry;
            try {
                entry = fromDocument(stored);
            } catch (RuntimeException unreadable) {
                break;
            }
            if (entry.sequence() != expected || !storedAsSealed(entry, stored, chain) || !entry.previousHash().equals(previousHash)
                    || !retention.due(entry, now)) {
                break;
            }
            lastDue = entry;
            previousHash = entry.hash();
            expected++;
        }
        if (lastDue == null) {
            return 0;
        }
        long count = lastDue.sequence() - start;
        AccessLogCheckpoint next = AccessLogCheckpoint.after(lastDue, (checkpoint == null ? 0 : checkpoint.pruned()) + count);
        // The checkpoint first, then the entries: a run that stops in between leaves only entries the
        // checkpoint already covers, which verify passes over and the next run removes.
        checkpoints().replaceOne(Filters.eq("_id", chain), toDocument(next), new ReplaceOptions().upsert(true));
        entries().deleteMany(Filters.and(Filters.eq("chain", chain), Filters.lte("sequence", next.sequence())));
        return count;
    }

    /** What an entry stores of who read what about which child. */
    private record Stored(String userId, String resourceId, String subjectId) {
    }

    /**
     * A resource about no child is stored as it is. One about a child stores the child's pseudonym, the resource's id
     * sealed and a private person's login sealed; if the child is already erased here, none of them, only
     * {@link AccessLogEntry#ERASED}, for there is no key left to hide them under.
     */
    private Stored stored(String municipality, String userId, boolean privatePerson, Resource resource) {
        if (resource.subjectId() == null) {
            return new Stored(userId, resource.id(), null);
        }
        String child = resource.subjectId();
        Optional<String> pseudonym = links.pseudonym(municipality, child);
        if (pseudonym.isEmpty()) {
            return new Stored(privatePerson ? AccessLogEntry.ERASED : userId, AccessLogEntry.ERASED, null);
        }
        String resourceId = links.seal(municipality, child, RESOURCE_PURPOSE, resource.id()).orElse(AccessLogEntry.ERASED);
        String reader = privatePerson ? links.seal(municipality, child, READER_PURPOSE, userId).orElse(AccessLogEntry.ERASED) : userId;
        return new Stored(reader, resourceId, pseudonym.get());
    }

    /**
     * An entry as stored, with what it hides about the child opened while the child exists (its subject id, the
     * resource's id, a private person's login), and {@link AccessLogEntry#ERASED} for what no key opens any more. The
     * child's pseudonym stays as it is once erased: it counts one child as one, and leads nowhere. The hash is the
     * stored entry's.
     *
     * @param child the child when the caller already knows it, else null
     */
    private AccessLogEntry opened(AccessLogEntry entry, String child, Map<String, Optional<String>> children) {
        if (entry.subjectId() == null) {
            return entry;
        }
        String subject = child != null ? child
                : children.computeIfAbsent(entry.subjectId(), links::childOf).orElse(null);
        String shownSubject = subject == null ? entry.subjectId() : subject;
        return new AccessLogEntry(entry.service(), entry.municipality(), entry.sequence(), entry.at(),
                links.open(subject, entry.userId()).orElse(AccessLogEntry.ERASED), entry.relation(), entry.outcome(),
                entry.resourceKind(), links.open(subject, entry.resourceId()).orElse(AccessLogEntry.ERASED), shownSubject,
                entry.purpose(), entry.previousHash(), entry.hash());
    }

    /** A checkpoint may only cover entries that some retention period let go. */
    private boolean prunedInTime(AccessLogCheckpoint checkpoint) {
        return checkpoint.at().isBefore(retention.earliestPrunable(clock.instant()));
    }

    private static boolean storedAsSealed(AccessLogEntry entry, Document stored, String chain) {
        return entry.sealedAsStored() && key(entry).equals(stored.get("_id")) && chain.equals(entry.chain());
    }

    private AccessLogCheckpoint checkpoint(String chain) {
        Document stored = checkpoints().find(Filters.eq("_id", chain)).first();
        if (stored == null) {
            return null;
        }
        Number sequence = stored.get("sequence", Number.class);
        Number pruned = stored.get("pruned", Number.class);
        Date at = stored.get("at") instanceof Date date ? date : null;
        // A field removed or of the wrong kind reads as missing, which the seal does not match.
        return new AccessLogCheckpoint(chain, sequence == null ? -1 : sequence.longValue(), stored.get("hash") instanceof String hash ? hash : null,
                at == null ? Instant.EPOCH : at.toInstant(), pruned == null ? -1 : pruned.longValue(),
                stored.get("seal") instanceof String seal ? seal : null);
    }

    private static Document toDocument(AccessLogCheckpoint checkpoint) {
        return new Document("_id", checkpoint.chain())
                .append("sequence", checkpoint.sequence())
                .append("hash", checkpoint.hash())
                .append("at", Date.from(checkpoint.at()))
                .append("pruned", checkpoint.pruned())
                .append("seal", checkpoint.seal());
    }

    /**
     * The reads (and changes) of one child's data, oldest first, opened; refusals are not reads of the child. Found by
     * the child's pseudonym, which only the child's key gives (and by its plain id, for entries written before
     * pseudonyms): once the child is erased here, nothing finds them.
     */
    public List<AccessLogEntry> readsOf(String subjectId) {
        List<String> ids = new ArrayList<>(List.of(subjectId));
        links.existingPseudonym(subjectId).ifPresent(ids::add);
        return find(Filters.and(Filters.in("subjectId", ids), Filters.in("outcome", Outcome.READ.name(), Outcome.CHANGED.name())),
                subjectId);
    }

    /** Every entry of the municipality in {@code [from, to)}, oldest first, at most {@link #QUERY_LIMIT}, opened. */
    public List<AccessLogEntry> between(String municipality, Instant from, Instant to) {
        return find(Filters.and(Filters.eq("chain", AccessLogEntry.chainOf(service, municipality)),
                Filters.gte("at", Date.from(from)), Filters.lt("at", Date.from(to))), null);
    }

    private List<AccessLogEntry> find(Bson filter, String child) {
        List<AccessLogEntry> found = new ArrayList<>();
        Map<String, Optional<String>> children = new HashMap<>();
        for (Document stored : entries().find(filter).sort(Sorts.ascending("at", "sequence")).limit(QUERY_LIMIT)) {
            found.add(opened(fromDocument(stored), child, children));
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

    private MongoCollection<Document> checkpoints() {
        return mongo.getCollection(CHECKPOINTS);
    }

    private MongoCollection<Document> heads() {
        return mongo.getCollection(HEADS);
    }
}
