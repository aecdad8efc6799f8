package no.samhandling.platform.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the event topics and their dead-letter topics are created when a service starts, and how
 * long a consumer remembers the events it handled (longer than any topic keeps them).
 */
@ConfigurationProperties("samhandling.events")
public record TopicProperties(
        @DefaultValue("3") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("30d") Duration processedRetention) {
}
