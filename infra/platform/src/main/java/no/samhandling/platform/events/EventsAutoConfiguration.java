package no.samhandling.platform.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.config.BindingProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import no.samhandling.events.Topics;
import no.samhandling.platform.cluster.Leases;

/** The event backbone every service shares: outbox, relay, consumption, dead letters and topics. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration"})
@EnableConfigurationProperties({OutboxProperties.class, ConsumerRetryProperties.class, TopicProperties.class})
public class EventsAutoConfiguration {


    @Bean
    CloudEventCodec cloudEventCodec(@Value("${spring.application.name}") String applicationName) {
        return new CloudEventCodec(applicationName);
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaProperties kafka, CloudEventCodec codec,
            OutboxProperties properties, MeterRegistry meters, Leases leases) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        // Idempotent producer with acks=all: a retried send neither duplicates nor reorders within a partition.
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        // Fail fast while the broker is down: the entries wait safely in MongoDB, not in producer memory.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
        return new OutboxRelay(mongo, template, codec, properties, meters, leases);
    }

    @Bean
    TraceContext outboxTraceContext(ObjectProvider<Tracer> tracer) {
        return new TraceContext(tracer.getIfAvailable());
    }

    @Bean
    AggregateStores aggregateStores(MongoTemplate mongo, TraceContext traceContext, OutboxRelay relay) {
        return new AggregateStores(mongo, traceContext, relay);
    }

    @Bean
    EventConsumers eventConsumers(MongoTemplate mongo, MeterRegistry meters, KafkaProperties kafka, DeadLetters deadLetters,
            ObjectProvider<KafkaAdmin> admin, TopicProperties topics,
            @Value("${spring.cloud.stream.default.group:${spring.application.name}}") String group) {
        return new EventConsumers(group, new EventIntake(meters), new Watermarks(mongo, topics.deduplicationWindow()),
                new Journals(mongo), meters, kafka, deadLetters, admin, topics);
    }

    /**
     * Once the service runs, its bindings' watermarks are raised to the offsets Kafka has
     * committed for its group (see {@link Watermarks}), off the startup thread: Kafka may be slow
     * to answer, and nothing waits for it.
     */
    @Bean
    ApplicationListener<ApplicationReadyEvent> watermarksFromCommittedOffsets(EventConsumers consumers) {
        return ready -> Thread.ofVirtual().name("watermarks-from-committed-offsets")
                .start(() -> consumers.raiseWatermarksToCommittedOffsets(consumers.group()));
    }

    @Bean
    DeadLetters deadLetters(KafkaProperties kafka, ConsumerRetryProperties retry, MeterRegistry meters) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "dead-letters");
        return new DeadLetters(new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config)), retry, meters);
    }

    /**
     * A dead-letter topic for every consumer binding of this service (a batch consumer creates its own
     * when it starts), kept for {@link TopicProperties#deadLetterRetention}: a dead letter waits that long
     * for someone to replay it, and is then gone, for it may be about a child. One that exists with
     * another retention is brought to it at start ({@code spring.kafka.admin.modify-topic-configs} in
     * {@code PlatformDefaults}). The event topics themselves are provisioned with the broker's users
     * and ACLs (infra/kafka-access), which let a service create, and configure, its own dead-letter
     * topics and no other. Neither holds personal data in plaintext; a child's data is erased by
     * destroying the child's key.
     */
    @Bean
    KafkaAdmin.NewTopics deadLetterTopics(TopicProperties topics, BindingServiceProperties bindings) {
        List<NewTopic> newTopics = new ArrayList<>();
        for (Map.Entry<String, BindingProperties> binding : bindings.getBindings().entrySet()) {
            if (!binding.getKey().contains("-in-") || binding.getValue().getDestination() == null) {
                continue;
            }
            String group = binding.getValue().getGroup() != null ? binding.getValue().getGroup() : bindings.getGroup(binding.getKey());
            for (String destination : binding.getValue().getDestination().split(",")) {
                newTopics.add(deadLetterTopic(Topics.deadLetterTopic(destination.trim(), group), topics));
            }
        }
        return new KafkaAdmin.NewTopics(newTopics.toArray(NewTopic[]::new));
    }

    static NewTopic deadLetterTopic(String name, TopicProperties topics) {
        return TopicBuilder.name(name).partitions(topics.partitions()).replicas(topics.replicationFactor())
                .config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(topics.deadLetterRetention().toMillis())).build();
    }
}
