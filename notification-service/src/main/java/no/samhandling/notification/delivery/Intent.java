package no.samhandling.notification.delivery;

import java.util.List;
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
 * @param subjectIds the children a notice to their guardians is about (opaque ids), so that erasing a child
 *                   cancels it; empty for notices to staff
 */
public record Intent(UUID sourceEventId, String sourceType, String municipality, String arenaId, TemplateCode template,
        Recipient recipient, Channel channel, Message message, List<String> subjectIds) {

    public Intent {
        subjectIds = subjectIds == null ? List.of() : List.copyOf(subjectIds);
    }

    public Intent(UUID sourceEventId, String sourceType, String municipality, String arenaId, TemplateCode template,
            Recipient recipient, Channel channel, Message message) {
        this(sourceEventId, sourceType, municipality, arenaId, template, recipient, channel, message, List.of());
    }

    /** The notice's id: the same event, recipient and channel always give the same id, so it is recorded once. */
    public String notificationId() {
        return UUID.nameUUIDFromBytes((sourceEventId + "|" + recipient.recipientId() + "|" + channel)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }
}
