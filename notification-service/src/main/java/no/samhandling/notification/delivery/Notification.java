package no.samhandling.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

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
    /** The children a notice to their guardians is about, until they are erased; absent on other notices. */
    private List<String> subjectIds;
    private Language language;
    /**
     * Where the notice goes. For a notice about a child (to its guardians) it is sealed under the child's key in
     * {@link #addressSealedFor}'s name, so that neither this document nor the oplog or a backup of it ever holds the
     * address in plain words, and erasing the child leaves nothing readable; otherwise plain.
     */
    private String address;
    /** The child under whose key {@link #address} is sealed; absent when it is plain. */
    private String addressSealedFor;
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

    /** A notice whose address is stored as it is: one about no child. */
    static Notification record(Intent intent, Instant now) {
        return record(intent, null, null, now);
    }

    /**
     * @param sealedAddress the address as sealed for {@code sealedFor}, or null to store it as it is
     * @param sealedFor the child whose key sealed it
     */
    static Notification record(Intent intent, String sealedAddress, String sealedFor, Instant now) {
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
        notification.subjectIds = intent.subjectIds().isEmpty() ? null : intent.subjectIds();
        notification.language = intent.recipient().language();
        String address = intent.recipient().addressFor(intent.channel());
        notification.address = sealedAddress == null ? address : sealedAddress;
        notification.addressSealedFor = sealedAddress == null ? null : sealedFor;
        notification.maskedAddress = Addresses.mask(intent.channel(), address);
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
        raise(new NotificationSent(UUID.randomUUID(), now, municipality, id, UUID.fromString(sourceEventId), channel, publishedRecipientId(),
                templateCode.name(), attempts));
    }

    void failed(String reasonCode, int calls, Instant now) {
        attempts += Math.max(1, calls);
        status = NotificationStatus.FAILED;
        lastFailureCode = reasonCode;
        failedAt = now;
        nextAttemptAt = null;
        forgetContent();
        raise(new NotificationFailed(UUID.randomUUID(), now, municipality, id, UUID.fromString(sourceEventId), channel, publishedRecipientId(),
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

    /**
     * A child the notice is about was erased. A notice about other children too only forgets this one: it says
     * nothing of either, and the guardian is still to be told about the others. Otherwise a notice still waiting is
     * cancelled, and whatever its status nothing here may tie the guardian to the child any more: the address (also
     * masked), the text and the guardian's id go. The id is replaced by one made from the notice's own, which keeps
     * the notice's unique key and says nothing.
     *
     * @return false when the notice is not about the child, or was forgotten before
     */
    boolean forgetSubject(String subjectId) {
        if (subjectIds == null || !subjectIds.contains(subjectId)) {
            return false;
        }
        if (subjectIds.size() > 1) {
            subjectIds = subjectIds.stream().filter(other -> !other.equals(subjectId)).toList();
            return true;
        }
        addressSealedFor = null;
        if (status == NotificationStatus.PENDING) {
            status = NotificationStatus.CANCELLED;
            nextAttemptAt = null;
        }
        forgetContent();
        maskedAddress = null;
        recipientId = "erased-" + id;
        subjectIds = null;
        return true;
    }

    /**
     * Who the notice went to, as notification.events say it. A guardian's notice is about a child, and the topic is kept
     * for good: its event names the notice alone, so that nothing on it ties the guardian to the child once the child
     * is erased. Staff are named by their login id.
     */
    private String publishedRecipientId() {
        return recipientKind == RecipientKind.GUARDIAN ? "guardian-notice-" + id : recipientId;
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

    /** What goes to the provider, with the address as {@code openAddress} reads it. */
    Outgoing outgoing(BiFunction<String, String, String> openAddress) {
        String plain = address == null || addressSealedFor == null ? address : openAddress.apply(addressSealedFor, address);
        return new Outgoing(id, channel, plain, subject, text, calendar, calendarMethod);
    }

    /** The address as stored, plain or sealed. */
    Outgoing outgoing() {
        return new Outgoing(id, channel, address, subject, text, calendar, calendarMethod);
    }

    /** The child whose key seals the address, if it is sealed. */
    String addressSealedFor() {
        return addressSealedFor;
    }

    /** Moves the sealed address to another child of the notice, before the key it is sealed under is destroyed. */
    void resealAddress(String address, String sealedFor) {
        this.address = address;
        this.addressSealedFor = sealedFor;
    }

    List<String> subjectIds() {
        return subjectIds == null ? List.of() : subjectIds;
    }

    NotificationStatus status() {
        return status;
    }

    Instant nextAttemptAt() {
        return nextAttemptAt;
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
