package no.samhandling.platform.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled whether this instance relays its outbox (tests may drive the relay by hand)
 * @param pollInterval how often to look for entries nobody woke the relay for (for example after a crash)
 * @param retryBackoff first pause after a failed publish; doubles up to {@code maxRetryBackoff}
 * @param shards how many parts the outbox is cut into for the instances to share (see {@link OutboxRelay})
 * @param lease how long an instance holds a shard without renewing it; must outlast a relay pass
 */
@ConfigurationProperties("samhandling.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("1s") Duration retryBackoff,
        @DefaultValue("30s") Duration maxRetryBackoff,
        @DefaultValue("100") int batchSize,
        @DefaultValue("16") int shards,
        @DefaultValue("30s") Duration lease) {
}
