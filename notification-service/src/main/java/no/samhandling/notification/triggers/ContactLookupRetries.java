package no.samhandling.notification.triggers;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.core.instrument.MeterRegistry;
import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventCatalogue;
import no.samhandling.events.EventJson;
import no.samhandling.notification.config.NotificationProperties;
import no.samhandling.platform.cluster.ClusterJobs;

/**
 * The {@code pending_triggers} collection: an event whose recipients could not be looked up, because arena- or
 * consent-service was unreachable, is kept here instead of being retried in the consumer for a few seconds and then
 * dead-lettered. A job tries it again with exponential backoff until the lookup answers; the notices are then
 * recorded as they would have been at once, and, being keyed by event, recipient and channel, at most once.
 * <p>
 * Order per aggregate is kept: while an aggregate has an event waiting here, its later events wait behind it, so a
 * cancellation is never recorded before the invitation it cancels.
 */
@Component
class ContactLookupRetries {

    static final String COLLECTION = "pending_triggers";

    private static final Logger log = LoggerFactory.getLogger(ContactLookupRetries.class);

    /** The event as the consumer received it, in its own JSON, until its notices are recorded. */
    record PendingTrigger(@Id String eventId, String aggregateId, String type, String json, Instant deferredAt, int attempts,
            Instant nextAttemptAt, String lastFailure) {
    }

    private final MongoTemplate mongo;
    private final NoticeTriggers triggers;
    private final Clock clock;
    private final NotificationProperties.ContactRetry settings;
    private final MeterRegistry meters;
    private final ClusterJobs jobs;

    ContactLookupRetries(MongoTemplate mongo, NoticeTriggers triggers, Clock clock, NotificationProperties properties,
            MeterRegistry meters, ClusterJobs jobs) {
        this.mongo = mongo;
        this.triggers = triggers;
        this.clock = clock;
        this.settings = properties.contactRetry();
        this.meters = meters;
        this.jobs = jobs;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("aggregateId", Sort.Direction.ASC).on("deferredAt", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("nextAttemptAt", Sort.Direction.ASC));
        meters.gauge("samhandling.notifications.triggers.pending", mongo, template -> template.estimatedCount(COLLECTION));
    }

    /** The handler, run at once unless its aggregate already waits here; kept for later if a contact source is down. */
    <E extends DomainEvent> Consumer<E> orLater(Class<E> type, Consumer<E> handler) {
        return event -> {
            if (mongo.exists(Query.query(Criteria.where("aggregateId").is(event.aggregateId())), COLLECTION)) {
                defer(event, "BEHIND_EARLIER_EVENT");
                return;
            }
            try {
                handler.accept(event);
            } catch (RuntimeException e) {
                if (!isContactSourceDown(e)) {
                    throw e;
                }
                defer(event, e.getClass().getSimpleName());
            }
        };
    }

    @Scheduled(fixedDelayString = "${samhandling.notification.contact-retry.poll-interval:1s}")
    void retryDue() {
        jobs.runOnce("notification-contact-retry", settings.pollInterval(), this::retryDueHere);
    }

    private void retryDueHere() {
        Instant now = clock.instant();
        Query due = Query.query(Criteria.where("nextAttemptAt").lte(now))
                .with(Sort.by("deferredAt")).limit(settings.batchSize());
        Set<String> aggregates = new LinkedHashSet<>();
        mongo.find(due, PendingTrigger.class, COLLECTION).forEach(pending -> aggregates.add(pending.aggregateId()));
        for (String aggregateId : aggregates) {
            retryInOrder(aggregateId, now);
        }
    }

    /** The aggregate's waiting events oldest first, until one still cannot be told; the rest wait behind it. */
    private void retryInOrder(String aggregateId, Instant now) {
        List<PendingTrigger> waiting = mongo.find(Query.query(Criteria.where("aggregateId").is(aggregateId))
                .with(Sort.by("deferredAt", "_id")), PendingTrigger.class, COLLECTION);
        for (PendingTrigger pending : waiting) {
            if (pending.nextAttemptAt().isAfter(now)) {
                return;
            }
            DomainEvent event = EventJson.read(pending.type(), pending.json().getBytes(StandardCharsets.UTF_8));
            try {
                triggers.handle(event);
            } catch (RuntimeException e) {
                if (!isContactSourceDown(e)) {
                    // Not an outage: retrying would not help, and the event is already out of the stream; say so loudly.
                    log.error("Notices of event {} ({}) could not be recorded and are kept for an operator", pending.eventId(),
                            pending.type(), e);
                }
                postpone(pending, e.getClass().getSimpleName(), now);
                return;
            }
            mongo.remove(Query.query(Criteria.where("_id").is(pending.eventId())), COLLECTION);
            meters.counter("samhandling.notifications.triggers.retried", "type", pending.type()).increment();
        }
    }

    private void defer(DomainEvent event, String reason) {
        Instant now = clock.instant();
        String type = EventCatalogue.of(event).type();
        try {
            mongo.insert(new PendingTrigger(event.eventId().toString(), event.aggregateId(), type, EventJson.writeString(event),
                    now, 0, now.plus(settings.backoffInitial()), reason), COLLECTION);
            meters.counter("samhandling.notifications.triggers.deferred", "reason", reason).increment();
            log.warn("Recipients of event {} ({}) could not be looked up ({}); it is tried again later", event.eventId(), type, reason);
        } catch (DuplicateKeyException e) {
            log.debug("Event {} already waits for its recipients", event.eventId());
        }
    }

    private void postpone(PendingTrigger pending, String reason, Instant now) {
        int attempts = pending.attempts() + 1;
        Duration wait = backoff(attempts, settings);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(pending.eventId())),
                new Update().set("attempts", attempts).set("nextAttemptAt", now.plus(wait)).set("lastFailure", reason),
                COLLECTION);
    }

    /** backoffInitial doubled per failed attempt, never more than backoffMax. */
    static Duration backoff(int attempts, NotificationProperties.ContactRetry settings) {
        Duration wait = settings.backoffInitial();
        for (int i = 1; i < attempts && wait.compareTo(settings.backoffMax()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.backoffMax()) > 0 ? settings.backoffMax() : wait;
    }

    /**
     * A contact source that did not answer, answered 5xx or 429, or whose circuit is open: worth waiting for. A 4xx
     * other than 429 is an answer, and a bug or a refusal does not heal by waiting.
     */
    static boolean isContactSourceDown(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CallNotPermittedException) {
                return true;
            }
            if (cause instanceof HttpClientErrorException clientError) {
                return clientError.getStatusCode().value() == 429;
            }
            if (cause instanceof RestClientException) {
                return true;
            }
        }
        return false;
    }
}
