package no.samhandling.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import com.mongodb.client.model.IndexOptions;

import io.micrometer.core.instrument.MeterRegistry;
import no.samhandling.personaldata.PersonalDataCipher;
import no.samhandling.personaldata.Sealed;
import no.samhandling.personaldata.SubjectErasedException;
import no.samhandling.platform.access.ArenaRoster;
import no.samhandling.platform.access.Relation;
import no.samhandling.platform.events.AggregateStore;
import no.samhandling.platform.events.AggregateStores;
import no.samhandling.platform.security.Caller;
import no.samhandling.platform.security.Role;

/**
 * The {@code notifications} collection: records each notice's intent before any provider is called, and
 * answers what became of them. A second intent for the same event, recipient and channel is refused by the
 * primary key (and the unique index that spells the rule out), so a redelivered event sends nothing twice.
 *
 * <p>Who follows which notices: an arena's coordinator ({@link Relation#ARENA_COORDINATOR}, from the platform's
 * {@link ArenaRoster}) those of their own arenas, an administrator the municipality's, as they keep delivery
 * running (masked addresses and opaque ids only). Who was told of a meeting is the arena's business, so another
 * arena's notice does not exist for a coordinator.
 */
@Service
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);
    /** The purpose an address is sealed for. */
    static final String ADDRESS = "notice-address";

    private final AggregateStore<Notification> store;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ArenaRoster roster;
    private final PersonalDataCipher cipher;

    Notifications(AggregateStores stores, MongoTemplate mongo, Clock clock, MeterRegistry meters, ArenaRoster roster,
            PersonalDataCipher cipher) {
        this.store = stores.of(Notification.class);
        this.cipher = cipher;
        this.roster = roster;
        this.mongo = mongo;
        this.clock = clock;
        this.meters = meters;
        mongo.getCollection(store.collection()).createIndex(
                new Document("sourceEventId", 1).append("recipientId", 1).append("channel", 1),
                new IndexOptions().name("intent_unique").unique(true));
        mongo.getCollection(store.collection()).createIndex(new Document("status", 1).append("nextAttemptAt", 1),
                new IndexOptions().name("due"));
    }

    /**
     * A notice about a child (to its guardians) has its address sealed under the child's key before it is written, so
     * the address is never in MongoDB in plain words; a child erased in the meantime gets no notice.
     *
     * @return whether the intent was new; false when this notice was recorded before, or its child is erased
     */
    public boolean record(Intent intent) {
        Notification notification;
        if (intent.subjectIds().isEmpty()) {
            notification = Notification.record(intent, clock.instant());
        } else {
            String child = intent.subjectIds().getFirst();
            try {
                notification = Notification.record(intent, cipher.seal(intent.municipality(), child, ADDRESS,
                        intent.recipient().addressFor(intent.channel())).encoded(), child, clock.instant());
            } catch (SubjectErasedException erased) {
                meters.counter("samhandling.notifications.cancelled", "reason", "SUBJECT_ERASED").increment();
                return false;
            }
        }
        try {
            store.save(notification);
            meters.counter("samhandling.notifications.recorded", "channel", intent.channel().name(),
                    "template", intent.template().name()).increment();
            return true;
        } catch (DuplicateKeyException e) {
            meters.counter("samhandling.notifications.duplicates", "channel", intent.channel().name(),
                    "template", intent.template().name()).increment();
            log.debug("Notice {} was already recorded", intent.notificationId());
            return false;
        }
    }

    /**
     * Cancels the notices still waiting to the erased child's guardians and wipes the addresses of all notices to
     * them ({@link Notification#forgetSubject}); counted in {@code samhandling.notifications.cancelled}. A notice the dispatcher saves at the same moment makes this fail on its version, and the event is
     * handled again.
     */
    public void forgetSubject(String municipality, String subjectId) {
        Query aboutTheChild = Query.query(Criteria.where("municipality").is(municipality).and("subjectIds").is(subjectId));
        int cancelled = 0;
        for (Notification notification : store.find(aboutTheChild)) {
            boolean waiting = notification.status() == NotificationStatus.PENDING;
            resealForAnotherChild(notification, subjectId);
            if (notification.forgetSubject(subjectId)) {
                store.save(notification);
                cancelled += waiting && notification.status() == NotificationStatus.CANCELLED ? 1 : 0;
            }
        }
        meters.counter("samhandling.notifications.cancelled", "reason", "SUBJECT_ERASED").increment(cancelled);
        // Last, so that a redelivery after a failure above can still reseal: then nothing sealed for the child is readable.
        cipher.erase(subjectId);
    }

    /** A notice about a sibling too still goes: its address moves under the sibling's key before the child's is destroyed. */
    private void resealForAnotherChild(Notification notification, String erased) {
        if (!erased.equals(notification.addressSealedFor()) || notification.outgoing().address() == null) {
            return;
        }
        Optional<String> sibling = notification.subjectIds().stream().filter(other -> !other.equals(erased)).findFirst();
        Optional<String> address = cipher.open(erased, Sealed.decode(notification.outgoing().address()));
        if (sibling.isEmpty() || address.isEmpty()) {
            return;
        }
        try {
            notification.resealAddress(cipher.seal(notification.municipality(), sibling.get(), ADDRESS, address.get()).encoded(), sibling.get());
        } catch (SubjectErasedException siblingErasedToo) {
            notification.resealAddress(null, null);
        }
    }

    /** What goes to the provider, the address opened when it is sealed; none once its child is erased. */
    Outgoing outgoing(Notification notification) {
        return notification.outgoing((child, sealed) -> cipher.open(child, Sealed.decode(sealed)).orElse(null));
    }

    Optional<Notification> find(String municipality, String id) {
        return store.find(municipality, id);
    }

    List<Notification> due(Instant now, int limit) {
        Query query = Query.query(Criteria.where("status").is(NotificationStatus.PENDING).and("nextAttemptAt").lte(now))
                .with(Sort.by("nextAttemptAt", "createdAt")).limit(limit);
        return store.find(query);
    }

    Notification save(Notification notification) {
        return store.save(notification);
    }

    /** Every notice one event caused that the caller follows: who (by opaque id), on which channel, and what became of it. */
    public List<NotificationView> bySourceEvent(Caller caller, UUID sourceEventId) {
        Query query = Query.query(Criteria.where("municipality").is(caller.municipality()).and("sourceEventId").is(sourceEventId.toString()))
                .with(Sort.by("createdAt", "_id"));
        return store.find(query).stream().map(Notification::view).filter(notice -> follows(caller, notice)).toList();
    }

    /** One notice, if the caller follows it; for anyone else it does not exist. */
    public Optional<NotificationView> find(Caller caller, String id) {
        return store.find(caller.municipality(), id).map(Notification::view).filter(notice -> follows(caller, notice));
    }

    private boolean follows(Caller caller, NotificationView notice) {
        if (caller.has(Role.ADMIN)) {
            return true;
        }
        return caller.has(Role.COORDINATOR) && notice.arenaId() != null
                && roster.relationOf(caller, notice.arenaId()).filter(Relation.ARENA_COORDINATOR::equals).isPresent();
    }

    long pending() {
        return mongo.count(Query.query(Criteria.where("status").is(NotificationStatus.PENDING)), store.collection());
    }
}
