package no.samhandling.notification.config;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of notification-service, bound from {@code samhandling.notification.*}.
 *
 * @param appUrl where people reach the secured application (the gateway); every notice links to a page there instead of saying what it is about
 */
@ConfigurationProperties("samhandling.notification")
public record NotificationProperties(
        @DefaultValue("http://localhost:8080") URI appUrl,
        @DefaultValue Mail mail,
        @DefaultValue Calendar calendar,
        @DefaultValue Reminder reminder,
        @DefaultValue Dispatch dispatch,
        @DefaultValue Sms sms) {

    /** @param from the sender of every email; a no-reply address, because replies would carry case talk into email */
    public record Mail(@DefaultValue("Samhandling <noreply@samhandling.example>") String from) {
    }

    /** @param uidDomain the right-hand side of calendar UIDs, which are derived from the meeting id so they never change */
    public record Calendar(@DefaultValue("samhandling.no") String uidDomain,
            @DefaultValue("noreply@samhandling.example") String organizer) {
    }

    /** @param leadTime how long before a meeting its reminder goes out */
    public record Reminder(@DefaultValue("24h") Duration leadTime, @DefaultValue("1m") Duration pollInterval) {
    }

    /**
     * How the dispatcher sends recorded notices.
     *
     * @param lease how long a claimed notice is held before another dispatcher may try it (after a crash)
     * @param backoffInitial the wait before a notice that could not be sent is tried again, doubled each time
     * @param giveUpAfter how long a notice may wait for its provider before it is recorded as failed
     */
    public record Dispatch(@DefaultValue("500ms") Duration pollInterval, @DefaultValue("50") int batchSize,
            @DefaultValue("4") int concurrency, @DefaultValue("2m") Duration lease, @DefaultValue("5s") Duration backoffInitial,
            @DefaultValue("5m") Duration backoffMax, @DefaultValue("24h") Duration giveUpAfter) {
    }

    /** The SMS gateway: JSON over HTTPS, authenticated with an API key header. */
    public record Sms(@DefaultValue("http://localhost:8090") URI baseUrl, @DefaultValue("") String apiKey,
            @DefaultValue("Samhandling") String sender, @DefaultValue("10s") Duration timeout) {
    }
}
