package no.samhandling.notification.content;

/**
 * A rendered notice for one recipient on one channel.
 *
 * @param subject the email subject; null for SMS
 * @param calendar an iCalendar file (RFC 5545) to attach, or null
 */
public record Message(String subject, String text, String calendar, TemplateCode.CalendarMethod calendarMethod) {
}
