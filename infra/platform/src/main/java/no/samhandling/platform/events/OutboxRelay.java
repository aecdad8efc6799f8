package no.samhandling.platform.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import no.samhandling.platform.cluster.Leases;

/**
 * Publishes the events waiting in aggregate documents and removes each one once Kafka has
 * acknowledged it (idempotent producer, acks=all). Delivery is at least once: a crash between the
 * acknowledgement and the removal sends the event again, and consumers deduplicate by event id.
 *
 * <p>An aggregate's events are sent one after another and removed only as a prefix, so a failure
 * never lets a later event overtake an earlier one; different aggregates are sent in parallel.
 * While the broker is unreachable the entries simply stay in their documents and the relay backs off.
 *
 * <p><b>Many instances.</b> The instances of a service share its outbox, so each aggregate
 * document belongs to one of {@code samhandling.outbox.shards} shards (a hash of its id, stored in
 * the document as {@value #SHARD}), and an instance relays only the shards whose lease it holds
 * ({@link Leases}, one {@code findAndModify} per shard). So one instance at a time sends an
 * aggregate's events, and their order holds with N instances. Each instance takes its fair share
 * of the shards (the shards over the live relays, which announce themselves with a lease of their
 * own) and hands on the rest between passes, when nothing is in flight. Leases are renewed every
 * third of {@code samhandling.outbox.lease}, which must outlast a pass (a send gives up after 15 s),
 * so a lease never lapses under a relay still sending. A relay that stops hands its shards on at
 * once; one that dies leaves them to the others when its leases lapse. A relay driven by hand
 * ({@link #relayPending()} while not started, as tests do) holds its shards for that pass only.
 *
 * <p><b>Passes.</b> A save that raised events names its document ({@link #wakeUp(String, String)}),
 * and the relay's next pass reads just the documents named since the last one, by id
 * ({@link #relaySaved()}). A sweep of every pending document of the held shards
 * ({@link #relayPending()}) runs once per {@code samhandling.outbox.poll-interval} and after a
 * failure: it finds what another instance saved into a shard this one holds, and what a crash
 * left. Under load the relay so reads a few documents per pass instead of the whole collection,
 * which the MongoDB wire server would scan holding the collection's lock against every insert.
 * The acknowledged entries of a pass are removed in one bulk write.
 */
public final class OutboxRelay implements SmartLifecycle {

    /** The field of an aggregate document that names its shard. */
    static final String SHARD = "outboxShard";
    private static final String SHARDS = "outbox-shard-";
    private static final String RELAYS = "outbox-relay:";
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final CloudEventCodec codec;
    private final OutboxProperties properties;
    private final MeterRegistry meters;
    private final Counter failures;
    private final Set<String> collections = ConcurrentHashMap.newKeySet();
    private final Set<String> sharded = ConcurrentHashMap.newKeySet();
    private final Semaphore wakeUp = new Semaphore(0);
    private final Map<String, Set<String>> saved = new ConcurrentHashMap<>();
    private final Leases leases;
    private final TreeSet<Integer> held = new TreeSet<>();
    private final int firstShard;
    private Instant nextUpkeep = Instant.MIN;
    private volatile boolean running;
    private Thread worker;

    OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, CloudEventCodec codec,
            OutboxProperties properties, MeterRegistry meters, Leases leases) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.codec = codec;
        this.properties = properties;
        this.meters = meters;
        this.leases = leases;
        // Instances start looking for free shards at different places, so they seldom ask for the same one.
        this.firstShard = Math.floorMod(leases.instance().hashCode(), properties.shards());
        this.failures = Counter.builder("samhandling.outbox.publish.failures")
                .description("Attempts to publish an outbox entry that Kafka did not acknowledge")
                .register(meters);
    }

    void watch(String collection) {
        collections.add(collection);
    }

    /** Called after a save that raised events, so they go out at once instead of at the next sweep. */
    void wakeUp(String collection, String aggregateId) {
        saved.computeIfAbsent(collection, name -> ConcurrentHashMap.newKeySet()).add(aggregateId);
        wakeUp.release();
    }

    /**
     * Publishes what is pending in the documents saved since the last such pass, of the shards this
     * instance holds. A document of a shard held elsewhere is left to that instance's sweep.
     */
    public synchronized Pass relaySaved() {
        Set<Integer> shards = holdShards();
        try {
            Pass pass = Pass.NONE;
            for (Map.Entry<String, Set<String>> collection : saved.entrySet()) {
                List<String> ids = drain(collection.getValue());
                for (int from = 0; from < ids.size() && !shards.isEmpty(); from += properties.batchSize()) {
                    List<String> chunk = ids.subList(from, Math.min(ids.size(), from + properties.batchSize()));
                    // By _id alone, so the wire server answers from its unique index instead of scanning.
                    List<Document> documents = mongo.getCollection(collection.getKey())
                            .find(Filters.in("_id", chunk))
                            .projection(Projections.include(OutboxEntry.FIELD, SHARD))
                            .into(new ArrayList<>());
                    documents.removeIf(document -> !shards.contains(document.getInteger(SHARD))
                            || document.getList(OutboxEntry.FIELD, Document.class, List.of()).isEmpty());
                    pass = pass.plus(relayDocuments(collection.getKey(), documents));
                }
            }
            return pass;
        } finally {
            if (!running) {
                releaseShards();
            }
        }
    }

    private static List<String> drain(Set<String> ids) {
        List<String> drained = new ArrayList<>();
        for (Iterator<String> it = ids.iterator(); it.hasNext();) {
            drained.add(it.next());
            it.remove();
        }
        return drained;
    }

    /**
     * Sweeps: publishes what is pending now in the shards this instance holds, and reports what
     * happened. Exposed for tests that drive the relay by hand.
     */
    public synchronized Pass relayPending() {
        Set<Integer> shards = holdShards();
        try {
            Pass pass = Pass.NONE;
            for (String collection : collections) {
                shardEntriesWrittenBeforeShards(collection);
                pass = pass.plus(relayCollection(collection, shards));
            }
            return pass;
        } finally {
            if (!running) {
                releaseShards();
            }
        }
    }

    /** The shard an aggregate's document belongs to, stored in it by {@link AggregateStore}. */
    int shardOf(String aggregateId) {
        return Math.floorMod(aggregateId.hashCode(), properties.shards());
    }

    /** The shards this instance holds now, for tests that watch them being shared. */
    synchronized Set<Integer> heldShards() {
        return Set.copyOf(held);
    }

    private Set<Integer> holdShards() {
        Instant now = leases.now();
        if (!held.isEmpty() && now.isBefore(nextUpkeep)) {
            return Set.copyOf(held);
        }
        nextUpkeep = now.plus(properties.lease().dividedBy(3));
        leases.hold(RELAYS + leases.instance(), properties.lease());
        long relays = Math.max(1, leases.held(RELAYS));
        int share = (int) Math.ceil(properties.shards() / (double) relays);
        while (held.size() > share) {
            int shard = held.last();
            leases.release(SHARDS + shard);
            held.remove(shard);
        }
        for (int i = 0; i < properties.shards(); i++) {
            int shard = (firstShard + i) % properties.shards();
            if (held.contains(shard)) {
                if (!leases.hold(SHARDS + shard, properties.lease())) {
                    held.remove(shard);
                }
            } else if (held.size() < share && leases.hold(SHARDS + shard, properties.lease())) {
                held.add(shard);
            }
        }
        return Set.copyOf(held);
    }

    private void releaseShards() {
        held.forEach(shard -> leases.release(SHARDS + shard));
        held.clear();
        leases.release(RELAYS + leases.instance());
        nextUpkeep = Instant.MIN;
    }

    /** Entries an earlier version stored without a shard get theirs, once; any instance may do it. */
    private void shardEntriesWrittenBeforeShards(String collection) {
        if (sharded.contains(collection)) {
            return;
        }
        List<Document> unsharded = mongo.getCollection(collection)
                .find(Filters.and(Filters.exists(OutboxEntry.FIELD + ".0"), Filters.exists(SHARD, false)))
                .projection(Projections.include("_id"))
                .limit(properties.batchSize())
                .into(new ArrayList<>());
        for (Document document : unsharded) {
            mongo.getCollection(collection).updateOne(Filters.eq("_id", document.get("_id")),
                    Updates.set(SHARD, shardOf(String.valueOf(document.get("_id")))));
        }
        if (unsharded.isEmpty()) {
            sharded.add(collection);
        }
    }

    /** The outcome of one pass: entries acknowledged by Kafka, and aggregates whose next entry was not. */
    public record Pass(int published, int failedAggregates) {

        static final Pass NONE = new Pass(0, 0);

        Pass plus(Pass other) {
            return new Pass(published + other.published, failedAggregates + other.failedAggregates);
        }
    }

    private Pass relayCollection(String collection, Set<Integer> shards) {
        if (shards.isEmpty()) {
            return Pass.NONE;
        }
        List<Document> documents = mongo.getCollection(collection)
                .find(Filters.and(Filters.exists(OutboxEntry.FIELD + ".0"), Filters.in(SHARD, shards)))
                .projection(Projections.include(OutboxEntry.FIELD))
                .sort(Sorts.ascending("_id"))
                .limit(properties.batchSize())
                .into(new ArrayList<>());
        return relayDocuments(collection, documents);
    }

    /** Sends the documents' entries, each document's in order, and removes what Kafka acknowledged in one bulk write. */
    private Pass relayDocuments(String collection, List<Document> documents) {
        List<CompletableFuture<Sent>> sends = new ArrayList<>(documents.size());
        for (Document document : documents) {
            sends.add(relayDocument(document));
        }
        Pass pass = Pass.NONE;
        List<WriteModel<Document>> removals = new ArrayList<>();
        for (CompletableFuture<Sent> send : sends) {
            Sent sent = send.join();
            if (!sent.eventIds().isEmpty()) {
                removals.add(new UpdateOneModel<>(Filters.eq("_id", sent.documentId()),
                        Updates.pullByFilter(new Document(OutboxEntry.FIELD, Filters.in("eventId", sent.eventIds())))));
            }
            pass = pass.plus(new Pass(sent.eventIds().size(), sent.failed() ? 1 : 0));
        }
        if (!removals.isEmpty()) {
            mongo.getCollection(collection).bulkWrite(removals, new BulkWriteOptions().ordered(false));
        }
        return pass;
    }

    private CompletableFuture<Sent> relayDocument(Document document) {
        List<OutboxEntry> entries = document.getList(OutboxEntry.FIELD, Document.class).stream()
                .map(OutboxEntry::fromDocument)
                .toList();
        AtomicInteger acknowledged = new AtomicInteger();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (OutboxEntry entry : entries) {
            chain = chain.thenCompose(ignored -> kafka.send(codec.toRecord(entry))
                    .thenAccept(result -> {
                        acknowledged.incrementAndGet();
                        meters.counter("samhandling.outbox.published", "topic", entry.topic()).increment();
                    }));
        }
        return chain.handle((ignored, error) -> {
            int sent = acknowledged.get();
            if (error != null) {
                failures.increment();
                OutboxEntry failed = entries.get(sent);
                log.warn("Publishing {} {} to {} failed; it stays in the outbox and is retried: {}",
                        failed.type(), failed.eventId(), failed.topic(), rootMessage(error));
            }
            List<String> sentIds = entries.subList(0, sent).stream().map(OutboxEntry::eventId).toList();
            return new Sent(document.get("_id"), sentIds, error != null);
        });
    }

    /** What one document's pass did: the entries Kafka acknowledged, a prefix of its outbox, and whether the next one failed. */
    private record Sent(Object documentId, List<String> eventIds, boolean failed) {
    }

    private void run() {
        Duration backoff = properties.retryBackoff();
        boolean failed = false;
        Instant nextSweep = Instant.MIN;
        while (running) {
            try {
                Instant now = Instant.now();
                if (failed || !now.isBefore(nextSweep)) {
                    nextSweep = now.plus(properties.pollInterval());
                    failed = relayPending().failedAggregates() > 0;
                } else {
                    failed = relaySaved().failedAggregates() > 0;
                }
            } catch (RuntimeException e) {
                failed = true;
                log.warn("Outbox relay pass failed, retrying: {}", rootMessage(e));
            }
            Duration wait = failed ? backoff : min(properties.pollInterval(), Duration.between(Instant.now(), nextSweep));
            backoff = failed ? min(backoff.multipliedBy(2), properties.maxRetryBackoff()) : properties.retryBackoff();
            try {
                if (wakeUp.tryAcquire(Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS) && !failed) {
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            // Woken, not interrupted: an interrupt would break off the removal of what a pass just sent, which
            // would then be sent again by the instance taking the shards over.
            wakeUp.release();
            try {
                worker.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            try {
                releaseShards();
            } catch (RuntimeException e) {
                log.warn("Could not hand on the outbox shards; they pass to other instances when their leases lapse: {}",
                        rootMessage(e));
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
