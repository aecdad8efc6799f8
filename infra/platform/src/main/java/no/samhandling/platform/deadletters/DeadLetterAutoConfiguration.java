package no.samhandling.platform.deadletters;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

import no.samhandling.platform.events.EventConsumers;
import no.samhandling.platform.events.EventsAutoConfiguration;

/** Every consuming service's administration of its dead letters (see {@link DeadLetterController}). */
@AutoConfiguration(after = EventsAutoConfiguration.class, afterName = "no.samhandling.platform.PlatformAutoConfiguration")
@ConditionalOnWebApplication
public class DeadLetterAutoConfiguration {

    @Bean
    DeadLetterController deadLetterController(EventConsumers consumers, KafkaProperties kafka, MongoTemplate mongo, Clock clock) {
        return new DeadLetterController(new DeadLetterAdministration(consumers, new DeadLetterTopics(kafka),
                new DeadLetterReplays(mongo, clock)));
    }
}
