package no.samhandling.platform.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * Leases that the instances of one service share through its own MongoDB ({@code cluster_leases}),
 * so that something runs in one instance at a time without any infrastructure besides the store
 * the service already has. A lease is one document: who holds it and until when. It is taken with
 * one conditional {@code findAndModify}, so of two instances asking at once exactly one gets it; an
 * instance that dies simply stops renewing, and its lease lapses.
 *
 * <p>Time is the instances' wall clock (never a service's business {@link Clock}, which tests
 * stop or move): leases assume the instances' clocks agree to well within a lease's length, as NTP
 * keeps them.
 */
public final class Leases {

    static final String COLLECTION = "cluster_leases";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String instance;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public Leases(MongoTemplate mongo, Clock clock) {
        this(mongo, clock, UUID.randomUUID().toString());
    }

    Leases(MongoTemplate mongo, Clock clock, String instance) {
        this.mongo = mongo;
        this.clock = clock;
        this.instance = instance;
    }

    /** This instance's name in the leases it holds; new at every start. */
    public String instance() {
        return instance;
    }

    /** Takes the lease, or renews it if this instance holds it, for {@code ttl} from now; false if another instance holds it. */
    public boolean hold(String name, Duration ttl) {
        Instant now = clock.instant();
        return take(Filters.and(Filters.eq("_id", name), Filters.or(Filters.lte("until", Date.from(now)), Filters.eq("owner", instance))),
                name, now, ttl);
    }

    /** Takes the lease only once it has lapsed, whoever held it (this instance too), for {@code ttl} from now. */
    public boolean takeLapsed(String name, Duration ttl) {
        Instant now = clock.instant();
        return take(Filters.and(Filters.eq("_id", name), Filters.lte("until", Date.from(now))), name, now, ttl);
    }

    /** Lets the lease this instance holds run until then (now, to hand it on at once). */
    public void holdUntil(String name, Instant until) {
        collection().updateOne(Filters.and(Filters.eq("_id", name), Filters.eq("owner", instance)),
                Updates.set("until", Date.from(until)));
    }

    /** Hands the lease on at once, if this instance holds it. */
    public void release(String name) {
        holdUntil(name, clock.instant());
    }

    /** How many leases whose names start with the prefix are held now. */
    public long held(String prefix) {
        return collection().countDocuments(Filters.and(Filters.regex("_id", "^" + Pattern.quote(prefix)),
                Filters.gt("until", Date.from(clock.instant()))));
    }

    /** The time leases are measured in. */
    public Instant now() {
        return clock.instant();
    }

    private boolean take(Bson free, String name, Instant now, Duration ttl) {
        exists(name);
        Document taken = collection().findOneAndUpdate(free,
                Updates.combine(Updates.set("owner", instance), Updates.set("until", Date.from(now.plus(ttl))),
                        Updates.set("since", Date.from(now))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return taken != null && instance.equals(taken.getString("owner"));
    }

    /**
     * Creates the lease, lapsed, the first time this instance asks for it, so that taking it is a
     * plain conditional update: an upsert that found the lease held would fail on its id, and some
     * stores log every such failure.
     */
    private void exists(String name) {
        if (known.add(name)) {
            collection().updateOne(Filters.eq("_id", name), Updates.setOnInsert("until", new Date(0)), new UpdateOptions().upsert(true));
        }
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }
}
