package no.samhandling.events.notification;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventType;
import no.samhandling.events.Events;

/**
 * A notice was handed to the email or SMS provider. The aggregate id is the notification id.
 *
 * @param sourceEventId the event that caused the notice
 * @param recipientId opaque id of the recipient: a staff member's login id, or for a child's guardian an id of the
 *        notice alone ({@code guardian-notice-<notification id>}), so that nothing here ties a guardian to the
 *        child; addresses and phone numbers stay in notification-service
 * @param templateCode which notice, such as {@code MEETING_INVITATION}
 * @param attempts how many attempts it took, at least one
 */
@EventType("notification.sent.v1")
public record NotificationSent(
        UUID eventId,
        Instant occurredAt,
        String municipality,
        String aggregateId,
        UUID sourceEventId,
        Channel channel,
        String recipientId,
        String templateCode,
        int attempts) implements DomainEvent {

    public NotificationSent {
        Events.requireEnvelope(eventId, occurredAt, municipality, aggregateId);
        Objects.requireNonNull(sourceEventId, "sourceEventId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipientId, "recipientId");
        Events.requireCode(templateCode, "templateCode");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
    }
}
