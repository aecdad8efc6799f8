package no.samhandling.platform.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Bounded retries with exponential backoff before a failing record goes to its dead-letter topic. */
@ConfigurationProperties("samhandling.events.retry")
public record ConsumerRetryProperties(
        @DefaultValue("4") int maxRetries,
        @DefaultValue("200ms") Duration initialInterval,
        @DefaultValue("2.0") double multiplier,
        @DefaultValue("5s") Duration maxInterval) {
}
