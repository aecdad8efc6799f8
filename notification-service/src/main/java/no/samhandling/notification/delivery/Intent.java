package no.samhandling.notification.delivery;

import java.util.UUID;

import no.samhandling.events.notification.Channel;
import no.samhandling.notification.content.Message;
import no.samhandling.notification.content.TemplateCode;
import no.samhandling.notification.recipients.Recipient;

/**
 * One notice to record: this event, to this recipient, on this channel, with this rendered message.
 *
 * @param sourceType the logical type of the event that caused it, such as {@code arena.meeting-scheduled.v1}
 * @param arenaId the arena the notice is about: its coordinator follows the notice's delivery
 */
public record Intent(UUID sourceEventId, String sourceType, String municipality, String arenaId, TemplateCode template,
        Recipient recipient, Channel channel, Message message) {

    /** The notice's id: the same event, recipient and channel always give the same id, so it is recorded once. */
    public String notificationId() {
        return UUID.nameUUIDFromBytes((sourceEventId + "|" + recipient.recipientId() + "|" + channel)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }
}
