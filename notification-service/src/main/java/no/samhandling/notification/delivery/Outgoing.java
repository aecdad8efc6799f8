package no.samhandling.notification.delivery;

import no.samhandling.events.notification.Channel;
import no.samhandling.notification.content.TemplateCode;

/**
 * What a provider is handed. {@code reference} is the notification id, so that a provider which
 * deduplicates on it never delivers a retried notice twice.
 */
public record Outgoing(String reference, Channel channel, String address, String subject, String text, String calendar,
        TemplateCode.CalendarMethod calendarMethod) {
}
