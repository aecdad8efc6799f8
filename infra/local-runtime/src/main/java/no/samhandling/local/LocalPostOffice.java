package no.samhandling.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.CopyOnWriteArrayList;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;

import jakarta.mail.internet.MimeMessage;

/**
 * Where the local system's notices go instead of real people: an SMTP catcher on port 1025 (the
 * port notification-service uses by default) and a stand-in for the SMS gateway's HTTP API on port
 * 8090. Every email is kept as an {@code .eml} file and every SMS as a JSON line under
 * {@code .local/outbox/}, to be read by a person or a test. Both listen behind a {@link FaultGate} on those
 * ports, so that the fault-injection suite can take them down and make them fail ({@link Faults}).
 */
final class LocalPostOffice {

    static final String HOST = "127.0.0.1";
    static final int SMTP_PORT = 1025;
    static final int SMS_PORT = 8090;

    private final GreenMail smtp;
    private final HttpServer sms;
    private final FaultGate smtpGate;
    private final FaultGate smsGate;
    /** The share of SMS requests answered 503 without keeping the SMS; 0 unless a fault test sets it. */
    private volatile double smsErrorRate;
    private final Path outbox;
    private final List<String> receivedSms = new CopyOnWriteArrayList<>();
    private final Thread archiver;
    private final Set<String> archivedMessages = new HashSet<>();
    private volatile boolean running = true;

    private LocalPostOffice(GreenMail smtp, HttpServer sms, Path outbox) {
        this.smtp = smtp;
        this.sms = sms;
        this.outbox = outbox;
        this.smtpGate = new FaultGate("SMTP gate", HOST, SMTP_PORT, smtp.getSmtp().getPort(),
                "421 4.3.2 Service not available, try again later\r\n");
        this.smsGate = new FaultGate("SMS gate", HOST, SMS_PORT, sms.getAddress().getPort(), null);
        this.archiver = Thread.ofVirtual().name("local-post-office").unstarted(() -> {
            while (running) {
                // Returns as soon as one more email arrives, or after a second.
                smtp.waitForIncomingEmail(1000, archivedMessages.size() + 1);
                archiveNewMail();
            }
        });
    }

    static LocalPostOffice start(Path outbox) {
        // The servers themselves listen on free ports; their gates take the known ones.
        GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, HOST, ServerSetup.PROTOCOL_SMTP).dynamicPort());
        HttpServer sms;
        try {
            Files.createDirectories(outbox.resolve("mail"));
            smtp.start();
            sms = HttpServer.create(new InetSocketAddress(HOST, 0), 0);
        } catch (IOException | RuntimeException e) {
            smtp.stop();
            throw new LocalSystemException("The local post office could not start on ports " + SMTP_PORT + " and " + SMS_PORT
                    + ": " + e.getMessage(), e);
        }
        LocalPostOffice office = new LocalPostOffice(smtp, sms, outbox);
        sms.createContext("/sms/send", exchange -> {
            if (ThreadLocalRandom.current().nextDouble() < office.smsErrorRate) {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            try (InputStream body = exchange.getRequestBody()) {
                office.keepSms(new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
            byte[] answer = ("{\"id\":\"" + UUID.randomUUID() + "\",\"status\":\"QUEUED\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        sms.start();
        try {
            office.smtpGate.open(0);
            office.smsGate.open(0);
        } catch (LocalSystemException e) {
            office.stop();
            throw e;
        }
        office.archiver.start();
        return office;
    }

    /** Both servers unreachable: new connections refused, open ones cut. */
    void down() {
        smtpGate.close();
        smsGate.close();
    }

    /** Both servers reachable, failing the given share (0 to 1) of sends: SMTP connections greeted with 421, SMS with 503. */
    void failing(double rate) {
        smsErrorRate = rate;
        smtpGate.open(rate);
        smsGate.open(0);
    }

    /** Every email received so far, as raw RFC 5322 text with its attachments. */
    List<String> receivedMail() {
        List<String> mail = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            mail.add(GreenMailUtil.getWholeMessage(message));
        }
        return mail;
    }

    /**
     * Writes each email not written yet to {@code outbox/mail/<n>.eml}, for people to open. GreenMail
     * lists messages per mailbox, not in arrival order, so they are told apart by Message-ID.
     */
    private void archiveNewMail() {
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (archivedMessages.add(messageId(message))) {
                Path file = outbox.resolve("mail").resolve(String.format("%05d.eml", archivedMessages.size()));
                try {
                    Files.writeString(file, GreenMailUtil.getWholeMessage(message));
                } catch (IOException e) {
                    System.err.println("Cannot write " + file + ": " + e.getMessage());
                }
            }
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            String id = message.getMessageID();
            return id != null ? id : GreenMailUtil.getWholeMessage(message);
        } catch (jakarta.mail.MessagingException e) {
            return GreenMailUtil.getWholeMessage(message);
        }
    }

    /** Every SMS request body the gateway stand-in received. */
    List<String> receivedSms() {
        return List.copyOf(receivedSms);
    }

    private void keepSms(String json) {
        receivedSms.add(json);
        try {
            Files.writeString(outbox.resolve("sms.jsonl"), json.replace('\n', ' ') + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new LocalSystemException("Cannot write the SMS outbox: " + e.getMessage(), e);
        }
    }

    void stop() {
        running = false;
        smtpGate.close();
        smsGate.close();
        sms.stop(0);
        smtp.stop();
    }
}
