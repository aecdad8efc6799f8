package no.samhandling.events.notification;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventType;
import no.samhandling.events.Events;

/**
 * Notification-service gave up on a notice after its retries. The aggregate id is the
 * notification id.
 *
 * @param failureReasonCode why, such as {@code PROVIDER_UNAVAILABLE} or {@code RECIPIENT_UNREACHABLE};
 *        provider messages stay in notification-service because they may quote the address
 * @param attempts how many attempts were made, at least one
 */
@EventType("notification.failed.v1")
public record NotificationFailed(
        UUID eventId,
        Instant occurredAt,
        String municipality,
        String aggregateId,
        UUID sourceEventId,
        Channel channel,
        String recipientId,
        String templateCode,
        String failureReasonCode,
        int attempts) implements DomainEvent {

    public NotificationFailed {
        Events.requireEnvelope(eventId, occurredAt, municipality, aggregateId);
        Objects.requireNonNull(sourceEventId, "sourceEventId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipientId, "recipientId");
        Events.requireCode(templateCode, "templateCode");
        Events.requireCode(failureReasonCode, "failureReasonCode");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
    }
}
