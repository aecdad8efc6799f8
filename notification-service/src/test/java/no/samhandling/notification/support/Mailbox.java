package no.samhandling.notification.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** What the test SMTP server received, one recipient at a time, in a form the tests can read. */
public final class Mailbox {

    /** One received email: subject, plain text, and the calendar file with its declared content type, if any. */
    public record Mail(String subject, String text, String calendar, String calendarContentType, String messageId) {

        public String all() {
            return String.join("\n", subject, text, calendar == null ? "" : calendar);
        }
    }

    private Mailbox() {
    }

    public static List<Mail> to(GreenMailExtension server, String address) {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            try {
                Address[] recipients = message.getAllRecipients();
                if (recipients != null && Arrays.stream(recipients).anyMatch(r -> r.toString().equalsIgnoreCase(address))) {
                    mails.add(read(message));
                }
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return mails;
    }

    private static Mail read(MimeMessage message) throws MessagingException, IOException {
        String[] parts = new String[3];
        walk(message, parts);
        return new Mail(message.getSubject(), parts[0], parts[1], parts[2], message.getMessageID());
    }

    private static void walk(Part part, String[] found) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, found);
            }
        } else if (part.isMimeType("text/calendar")) {
            found[1] = new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            found[2] = part.getContentType();
        } else if (part.isMimeType("text/plain") && found[0] == null) {
            found[0] = String.valueOf(part.getContent());
        }
    }
}
