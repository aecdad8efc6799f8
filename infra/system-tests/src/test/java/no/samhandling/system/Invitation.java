package no.samhandling.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** An email that carries an iCalendar part, read from the raw message as a mail client would. */
record Invitation(String recipient, String calendar) {

    /** The emails whose calendar part has the given UID line and METHOD. */
    static List<Invitation> received(List<String> rawMessages, String uidLine, String method) {
        List<Invitation> found = new ArrayList<>();
        for (String raw : rawMessages) {
            try {
                MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                        new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
                String calendar = calendarOf(message);
                if (calendar != null && calendar.contains(uidLine) && calendar.contains("METHOD:" + method)) {
                    found.add(new Invitation(((InternetAddress) message.getAllRecipients()[0]).getAddress(), calendar));
                }
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException("Unreadable email in the local post office", e);
            }
        }
        return found;
    }

    private static String calendarOf(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/calendar") || part.getFileName() != null && part.getFileName().endsWith(".ics")) {
            try (InputStream in = part.getInputStream()) {
                // Folded lines (RFC 5545 3.1) are unfolded so that a property can be searched whole.
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n ", "").replace("\n ", "");
            }
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String calendar = calendarOf(child);
                if (calendar != null) {
                    return calendar;
                }
            }
        }
        return null;
    }
}
