package no.samhandling.platform.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service's dead-letter topics are created when it starts (the event topics are provisioned
 * with the broker, infra/kafka-access), and how long a consumer remembers the events it handled
 * (longer than any topic keeps them).
 */
@ConfigurationProperties("samhandling.events")
public record TopicProperties(
        @DefaultValue("3") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("30d") Duration processedRetention) {
}
