package no.samhandling.notification.delivery;

import java.time.Instant;
import java.util.UUID;

import no.samhandling.events.notification.Channel;
import no.samhandling.notification.content.TemplateCode;
import no.samhandling.notification.recipients.RecipientKind;

/** A notice's delivery status as the API shows it: the address only masked, the text not at all. */
public record NotificationView(String id, UUID sourceEventId, String sourceType, String arenaId, TemplateCode templateCode, Channel channel,
        String recipientId, RecipientKind recipientKind, String maskedAddress, NotificationStatus status, int attempts,
        String failureReasonCode, Instant createdAt, Instant sentAt, Instant failedAt, Instant nextAttemptAt) {
}
