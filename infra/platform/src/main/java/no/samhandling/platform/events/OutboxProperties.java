package no.samhandling.platform.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled whether this instance relays its outbox (tests may drive the relay by hand)
 * @param pollInterval how often to look for entries nobody woke the relay for (for example after a crash)
 * @param retryBackoff first pause after a failed publish; doubles up to {@code maxRetryBackoff}
 */
@ConfigurationProperties("samhandling.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("1s") Duration retryBackoff,
        @DefaultValue("30s") Duration maxRetryBackoff,
        @DefaultValue("100") int batchSize) {
}
