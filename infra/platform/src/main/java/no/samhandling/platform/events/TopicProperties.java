package no.samhandling.platform.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service's dead-letter topics are created when it starts (the event topics are provisioned
 * with the broker, infra/kafka-access), and over how many offsets of a partition a consumer group
 * remembers the ids of the events it applied, to recognise an event sent twice (see {@link Watermarks}).
 *
 * @param deadLetterRetention how long a dead letter is kept ({@code samhandling.events.dead-letter-retention},
 *                            default 90 days): long enough to be seen and replayed, and no longer, since a
 *                            dead letter may be about a child
 */
@ConfigurationProperties("samhandling.events")
public record TopicProperties(
        @DefaultValue("3") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("10000") long deduplicationWindow,
        @DefaultValue("P90D") Duration deadLetterRetention) {
}
