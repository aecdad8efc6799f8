package no.samhandling.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.data.mongodb.core.mapping.Document;

import no.samhandling.events.notification.Channel;
import no.samhandling.events.notification.NotificationFailed;
import no.samhandling.events.notification.NotificationSent;
import no.samhandling.notification.content.TemplateCode;
import no.samhandling.notification.recipients.Language;
import no.samhandling.notification.recipients.RecipientKind;
import no.samhandling.platform.events.AggregateRoot;

/**
 * One notice to one recipient on one channel, recorded before any provider is called. Its id is derived
 * from (source event, recipient, channel), so recording it twice fails on the primary key instead of
 * sending twice. It holds the address and the rendered text because a notice that waits for its
 * provider must go out as it was made; neither ever leaves the service on an event.
 */
@Document("notifications")
class Notification extends AggregateRoot {

    /** As a string: UUIDs have no agreed binary form across MongoDB drivers. */
    private String sourceEventId;
    private String sourceType;
    /** The arena the notice is about; absent on notices recorded before it was kept. */
    private String arenaId;
    private TemplateCode templateCode;
    private Channel channel;
    private String recipientId;
    private RecipientKind recipientKind;
    private Language language;
    private String address;
    private String maskedAddress;
    private String subject;
    private String text;
    private String calendar;
    private TemplateCode.CalendarMethod calendarMethod;
    private NotificationStatus status;
    private int attempts;
    /** When the dispatcher may next pick it up; also its lease while one dispatcher holds it. */
    private Instant nextAttemptAt;
    private int postponements;
    private String lastFailureCode;
    private String providerMessageId;
    private Instant createdAt;
    private Instant sentAt;
    private Instant failedAt;

    Notification() {
    }

    static Notification record(Intent intent, Instant now) {
        Notification notification = new Notification();
        notification.id = intent.notificationId();
        notification.municipality = intent.municipality();
        notification.sourceEventId = intent.sourceEventId().toString();
        notification.sourceType = intent.sourceType();
        notification.arenaId = intent.arenaId();
        notification.templateCode = intent.template();
        notification.channel = intent.channel();
        notification.recipientId = intent.recipient().recipientId();
        notification.recipientKind = intent.recipient().kind();
        notification.language = intent.recipient().language();
        notification.address = intent.recipient().addressFor(intent.channel());
        notification.maskedAddress = Addresses.mask(intent.channel(), notification.address);
        notification.subject = intent.message().subject();
        notification.text = intent.message().text();
        notification.calendar = intent.message().calendar();
        notification.calendarMethod = intent.message().calendarMethod();
        notification.status = NotificationStatus.PENDING;
        notification.nextAttemptAt = now;
        notification.createdAt = now;
        return notification;
    }

    /** Holds the notice for one dispatcher until {@code leaseUntil}; saving this with its version is the claim. */
    void claim(Instant leaseUntil) {
        nextAttemptAt = leaseUntil;
    }

    void sent(String messageId, int calls, Instant now) {
        attempts += Math.max(1, calls);
        status = NotificationStatus.SENT;
        providerMessageId = messageId;
        sentAt = now;
        nextAttemptAt = null;
        lastFailureCode = null;
        forgetContent();
        raise(new NotificationSent(UUID.randomUUID(), now, municipality, id, UUID.fromString(sourceEventId), channel, recipientId,
                templateCode.name(), attempts));
    }

    void failed(String reasonCode, int calls, Instant now) {
        attempts += Math.max(1, calls);
        status = NotificationStatus.FAILED;
        lastFailureCode = reasonCode;
        failedAt = now;
        nextAttemptAt = null;
        forgetContent();
        raise(new NotificationFailed(UUID.randomUUID(), now, municipality, id, UUID.fromString(sourceEventId), channel, recipientId,
                templateCode.name(), reasonCode, attempts));
    }

    /**
     * The provider could not take it now: try again later, waiting twice as long each time, until the
     * notice has waited {@code giveUpAfter}; then it is recorded as failed.
     */
    void postpone(String reasonCode, int calls, Instant now, Duration initial, Duration max, Duration giveUpAfter) {
        if (!now.isBefore(createdAt.plus(giveUpAfter))) {
            failed(reasonCode, calls, now);
            return;
        }
        attempts += calls;
        postponements++;
        lastFailureCode = reasonCode;
        Duration wait = initial.multipliedBy(1L << Math.min(postponements - 1, 20));
        nextAttemptAt = now.plus(wait.compareTo(max) > 0 ? max : wait);
    }

    /** Once a notice is settled its address and text are no longer needed, so they are not kept (data minimisation). */
    private void forgetContent() {
        address = null;
        subject = null;
        text = null;
        calendar = null;
    }

    /**
     * Our own rate or concurrency limit held it back: no attempt was made and nothing is wrong, so it simply
     * waits its turn without growing its backoff.
     */
    void requeue(Instant at) {
        nextAttemptAt = at;
    }

    NotificationView view() {
        return new NotificationView(id, UUID.fromString(sourceEventId), sourceType, arenaId, templateCode, channel, recipientId,
                recipientKind, maskedAddress, status, attempts, lastFailureCode, createdAt, sentAt, failedAt, nextAttemptAt);
    }

    String arenaId() {
        return arenaId;
    }

    Outgoing outgoing() {
        return new Outgoing(id, channel, address, subject, text, calendar, calendarMethod);
    }

    NotificationStatus status() {
        return status;
    }

    Channel channel() {
        return channel;
    }

    TemplateCode templateCode() {
        return templateCode;
    }

    int attempts() {
        return attempts;
    }

    String recipientId() {
        return recipientId;
    }

    Instant createdAt() {
        return createdAt;
    }
}
