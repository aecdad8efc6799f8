package no.samhandling.reporting.projection;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import no.samhandling.events.Topics;
import no.samhandling.platform.events.TopicProperties;

/** The dead-letter topics of the projection consumers, which are not Spring Cloud Stream bindings. */
@Configuration
class ProjectionConfiguration {

    @Bean
    KafkaAdmin.NewTopics projectionDeadLetterTopics(TopicProperties topics) {
        return new KafkaAdmin.NewTopics(Topics.ALL.stream()
                .map(topic -> TopicBuilder.name(Topics.deadLetterTopic(topic, Generation.GROUP))
                        .partitions(topics.partitions()).replicas(topics.replicationFactor()).build())
                .toArray(NewTopic[]::new));
    }
}
