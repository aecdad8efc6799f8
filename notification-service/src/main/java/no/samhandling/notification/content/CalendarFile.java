package no.samhandling.notification.content;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An iCalendar object (RFC 5545) with one VEVENT, as an iTIP (RFC 5546) REQUEST or CANCEL. The UID is
 * derived from the meeting id, so a calendar replaces its entry when a later notice (higher SEQUENCE)
 * arrives. Times are in UTC, so no VTIMEZONE is needed.
 */
final class CalendarFile {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String CRLF = "\r\n";

    private CalendarFile() {
    }

    static String uid(String meetingId, String domain) {
        return "meeting-" + meetingId + "@" + domain;
    }

    static String of(TemplateCode.CalendarMethod method, NoticeContent content, String summary, String description,
            String uidDomain, String organizer, String attendee, Instant stamp) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "PRODID:-//Samhandling//notification-service//NO");
        line(ics, "VERSION:2.0");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:" + method.name());
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:" + uid(content.meetingId(), uidDomain));
        line(ics, "DTSTAMP:" + UTC.format(stamp));
        line(ics, "SEQUENCE:" + content.sequence());
        line(ics, "DTSTART:" + UTC.format(content.startsAt()));
        if (content.endsAt() != null) {
            line(ics, "DTEND:" + UTC.format(content.endsAt()));
        }
        line(ics, "SUMMARY:" + text(summary));
        if (content.place() != null) {
            line(ics, "LOCATION:" + text(content.place()));
        }
        line(ics, "DESCRIPTION:" + text(description));
        line(ics, "URL:" + content.link());
        line(ics, "ORGANIZER;CN=Samhandling:mailto:" + organizer);
        if (attendee != null) {
            line(ics, "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:" + attendee);
        }
        line(ics, "STATUS:" + (method == TemplateCode.CalendarMethod.CANCEL ? "CANCELLED" : "CONFIRMED"));
        line(ics, "TRANSP:OPAQUE");
        line(ics, "END:VEVENT");
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    /** TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545, 3.3.11). */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n");
    }

    /** Content lines are folded after 75 octets, never inside a UTF-8 character (RFC 5545, 3.1). */
    private static void line(StringBuilder ics, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                ics.append(CRLF).append(' ');
                octets = 1;
                limit = 75;
            }
            ics.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        ics.append(CRLF);
    }
}
