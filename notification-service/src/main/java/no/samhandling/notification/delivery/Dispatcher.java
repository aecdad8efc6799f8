package no.samhandling.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;

import io.micrometer.core.instrument.MeterRegistry;
import no.samhandling.notification.config.NotificationProperties;
import no.samhandling.platform.cluster.ClusterJobs;

/**
 * Sends recorded notices that are due. Each one is first claimed (a versioned write that moves its next attempt
 * past a lease), so two dispatchers never send the same notice; a dispatcher that dies mid-send leaves it to be
 * tried again once the lease runs out. Dispatching runs in one instance at a time ({@link ClusterJobs}), so the
 * providers' rate limiters and bulkheads, which count per instance, hold for the whole cluster. While a provider is down, notices stay PENDING and are tried again with a
 * growing wait; when it is back they go out. Logs name notices by id only, never by address or text.
 */
class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Notifications notifications;
    private final ResilientProviders providers;
    private final Clock clock;
    private final NotificationProperties.Dispatch settings;
    private final MeterRegistry meters;
    private final ExecutorService senders;
    private final ClusterJobs jobs;

    Dispatcher(Notifications notifications, ResilientProviders providers, Clock clock, NotificationProperties properties,
            MeterRegistry meters, ClusterJobs jobs) {
        this.notifications = notifications;
        this.providers = providers;
        this.clock = clock;
        this.settings = properties.dispatch();
        this.meters = meters;
        this.jobs = jobs;
        this.senders = Executors.newFixedThreadPool(settings.concurrency(), Thread.ofPlatform().name("notice-sender-", 0).factory());
        meters.gauge("samhandling.notifications.pending", notifications, Notifications::pending);
    }

    /**
     * One recipient's notices on one channel go out one after the other, in the order they were recorded, so an
     * invitation is not overtaken by its own cancellation; different recipients are served in parallel.
     */
    @Scheduled(fixedDelayString = "${samhandling.notification.dispatch.poll-interval:500ms}")
    void dispatchDue() {
        // A pass that has run longer than its notices' lease has lost them anyway.
        jobs.runOnce("notification-dispatch", settings.pollInterval(), settings.lease(), this::dispatchDueHere);
    }

    private void dispatchDueHere() {
        Instant now = clock.instant();
        Map<String, List<Notification>> byRecipient = new LinkedHashMap<>();
        for (Notification notification : notifications.due(now, settings.batchSize())) {
            Notification claimed = claim(notification, now);
            if (claimed != null) {
                byRecipient.computeIfAbsent(claimed.channel() + "|" + claimed.recipientId(), key -> new ArrayList<>()).add(claimed);
            }
        }
        if (byRecipient.isEmpty()) {
            return;
        }
        List<Callable<Void>> sends = new ArrayList<>();
        for (List<Notification> queue : byRecipient.values()) {
            sends.add(() -> {
                queue.sort(Comparator.comparing(Notification::createdAt));
                queue.forEach(this::send);
                return null;
            });
        }
        try {
            senders.invokeAll(sends);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Notification claim(Notification notification, Instant now) {
        notification.claim(now.plus(settings.lease()));
        try {
            return notifications.save(notification);
        } catch (OptimisticLockingFailureException e) {
            return null;
        }
    }

    private void send(Notification notification) {
        Instant claimedUntil = notification.nextAttemptAt();
        DeliveryOutcome outcome;
        try {
            outcome = providers.deliver(notifications.outgoing(notification));
        } catch (RuntimeException e) {
            log.warn("Notice {} could not be handed to its provider: {}", notification.id(), e.getClass().getSimpleName());
            outcome = new DeliveryOutcome.NotNow("PROVIDER_UNAVAILABLE", 1);
        }
        Instant now = clock.instant();
        record(notification, outcome, now);
        count(notification, outcome);
        save(notification, claimedUntil, outcome, now);
    }

    private void record(Notification notification, DeliveryOutcome outcome, Instant now) {
        switch (outcome) {
            case DeliveryOutcome.Delivered delivered -> notification.sent(delivered.messageId(), delivered.calls(), now);
            case DeliveryOutcome.Refused refused -> notification.failed(refused.reasonCode(), refused.calls(), now);
            case DeliveryOutcome.NotNow notNow when requeuedUntouched(notNow) -> notification.requeue(now.plus(settings.pollInterval()));
            case DeliveryOutcome.NotNow notNow -> notification.postpone(notNow.reasonCode(), notNow.calls(), now,
                    settings.backoffInitial(), settings.backoffMax(), settings.giveUpAfter());
        }
    }

    /** Held back before any call (rate or bulkhead): no attempt was made, so it waits only a poll, not a backoff. */
    private static boolean requeuedUntouched(DeliveryOutcome.NotNow notNow) {
        return notNow.calls() == 0 && !"PROVIDER_UNAVAILABLE".equals(notNow.reasonCode());
    }

    private void count(Notification notification, DeliveryOutcome outcome) {
        String channel = notification.channel().name();
        String template = notification.templateCode().name();
        switch (outcome) {
            case DeliveryOutcome.Delivered delivered ->
                    meters.counter("samhandling.notifications.sent", "channel", channel, "template", template).increment();
            case DeliveryOutcome.Refused refused -> {
                log.info("Notice {} failed for good: {}", notification.id(), refused.reasonCode());
                meters.counter("samhandling.notifications.failed", "channel", channel, "template", template,
                        "reason", refused.reasonCode()).increment();
            }
            case DeliveryOutcome.NotNow notNow -> {
                meters.counter("samhandling.notifications.postponed", "channel", channel, "reason", notNow.reasonCode()).increment();
                if (notification.status() == NotificationStatus.FAILED) {
                    meters.counter("samhandling.notifications.failed", "channel", channel, "template", template,
                            "reason", notNow.reasonCode()).increment();
                }
            }
        }
    }

    /**
     * Saves the outcome. The notice may have changed while it was being sent by something other than a dispatcher: an
     * erasure moving its sealed address to a sibling's key leaves the claim (its lease) as it was. Then the outcome is
     * recorded again on what is stored now; otherwise a notice already sent would wait out its lease and go a second
     * time. Only a notice whose lease has passed to another dispatcher, or that is no longer waiting, keeps what is stored.
     */
    private void save(Notification notification, Instant claimedUntil, DeliveryOutcome outcome, Instant now) {
        Notification current = notification;
        for (int attempt = 1; ; attempt++) {
            try {
                notifications.save(current);
                return;
            } catch (OptimisticLockingFailureException e) {
                Optional<Notification> stored = notifications.find(notification.municipality(), notification.id());
                if (attempt == 3 || stored.isEmpty() || !stillClaimedBy(stored.get(), claimedUntil)) {
                    log.warn("Notice {} changed while being sent; keeping the stored state", notification.id());
                    return;
                }
                current = stored.get();
                record(current, outcome, now);
            }
        }
    }

    private static boolean stillClaimedBy(Notification stored, Instant claimedUntil) {
        return stored.status() == NotificationStatus.PENDING && stored.nextAttemptAt() != null
                && stored.nextAttemptAt().truncatedTo(ChronoUnit.MILLIS).equals(claimedUntil.truncatedTo(ChronoUnit.MILLIS));
    }

    void shutdown() {
        senders.shutdown();
    }
}
