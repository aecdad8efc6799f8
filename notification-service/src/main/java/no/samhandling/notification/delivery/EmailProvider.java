package no.samhandling.notification.delivery;

import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Email over SMTP with Spring Mail. A notice about a meeting carries its calendar file both as a
 * {@code text/calendar} attachment and with the iTIP method in its content type, so mail clients offer to
 * add, update or remove the entry.
 */
public class EmailProvider {

    static final String MESSAGE_ID_DOMAIN = "samhandling.notification";

    private final JavaMailSender mail;
    private final String from;

    public EmailProvider(JavaMailSender mail, String from) {
        this.mail = mail;
        this.from = from;
    }

    /** @return the Message-ID, derived from the notification id so a resent notice is recognisably the same message */
    public String send(Outgoing outgoing) {
        String messageId = "<" + outgoing.reference() + "@" + MESSAGE_ID_DOMAIN + ">";
        MimeMessage message;
        try {
            InternetAddress to = new InternetAddress(outgoing.address(), true);
            message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, outgoing.calendar() != null, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(outgoing.subject());
            helper.setText(outgoing.text(), false);
            if (outgoing.calendar() != null) {
                String type = "text/calendar; charset=UTF-8; method=" + outgoing.calendarMethod().name();
                helper.addAttachment("mote.ics", new ByteArrayResource(outgoing.calendar().getBytes(StandardCharsets.UTF_8)), type);
            }
            // Spring's sender keeps a Message-ID that was set before sending.
            message.setHeader("Message-ID", messageId);
        } catch (AddressException e) {
            throw new PermanentDeliveryFailure("INVALID_ADDRESS", "Not a valid email address", e);
        } catch (MessagingException e) {
            throw new PermanentDeliveryFailure("MESSAGE_REJECTED", "The email could not be composed", e);
        }
        try {
            mail.send(message);
            return messageId;
        } catch (MailParseException | MailPreparationException e) {
            throw new PermanentDeliveryFailure("MESSAGE_REJECTED", "The email could not be composed", e);
        } catch (MailSendException e) {
            if (recipientRefused(e)) {
                throw new PermanentDeliveryFailure("RECIPIENT_UNREACHABLE", "The mail server refused the recipient", e);
            }
            throw new TransientDeliveryFailure("SMTP server unavailable", e);
        } catch (MailAuthenticationException e) {
            throw new TransientDeliveryFailure("SMTP server refused our login", e);
        } catch (MailException e) {
            throw new TransientDeliveryFailure("SMTP delivery failed", e);
        }
    }

    private static boolean recipientRefused(MailSendException e) {
        for (Exception failure : e.getFailedMessages().values()) {
            if (failure instanceof SendFailedException refused && refused.getInvalidAddresses() != null
                    && refused.getInvalidAddresses().length > 0) {
                return true;
            }
        }
        return false;
    }
}
