package no.samhandling.platform.events;

import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.BackOff;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import no.samhandling.events.InvalidEventException;
import no.samhandling.events.Topics;

/**
 * Failure handling for every consumer binding, in the listener container rather than the binder:
 * a failing record is retried with exponential backoff a bounded number of times, a record that
 * is not a valid event is not retried at all, and either way it ends on
 * {@code <topic>.<group>.dlq} with its original headers plus the error, and is counted. The
 * container then commits past it, so one bad record never blocks its partition and none is lost.
 */
final class DeadLetters implements ListenerContainerWithDlqAndRetryCustomizer {

    static final String COUNTER = "samhandling.events.dead.lettered";
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final KafkaOperations<byte[], byte[]> template;
    private final ConsumerRetryProperties retry;
    private final MeterRegistry meters;

    DeadLetters(KafkaOperations<byte[], byte[]> template, ConsumerRetryProperties retry, MeterRegistry meters) {
        this.template = template;
        this.retry = retry;
        this.meters = meters;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff) {
        if (group == null || group.isBlank()) {
            throw new IllegalStateException("Consumer binding for " + destinationName + " needs a group");
        }
        for (String topic : destinationName.split(",")) {
            counter(Topics.deadLetterTopic(topic.trim(), group));
        }
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template, (record, error) -> {
            String deadLetterTopic = Topics.deadLetterTopic(record.topic(), group);
            counter(deadLetterTopic).increment();
            log.warn("Record {}-{}@{} sent to {} after {}", record.topic(), record.partition(), record.offset(),
                    deadLetterTopic, cause(error).getClass().getSimpleName());
            return new TopicPartition(deadLetterTopic, -1);
        });
        ExponentialBackOffWithMaxRetries policy = new ExponentialBackOffWithMaxRetries(retry.maxRetries());
        policy.setInitialInterval(retry.initialInterval().toMillis());
        policy.setMultiplier(retry.multiplier());
        policy.setMaxInterval(retry.maxInterval().toMillis());
        DefaultErrorHandler errorHandler = new DefaultErrorHandler(recoverer, policy);
        errorHandler.addNotRetryableExceptions(InvalidEventException.class);
        container.setCommonErrorHandler(errorHandler);
    }

    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }

    private Counter counter(String deadLetterTopic) {
        return Counter.builder(COUNTER)
                .description("Records a consumer group could not handle, by dead-letter topic")
                .tag("topic", deadLetterTopic)
                .register(meters);
    }

    private static Throwable cause(Throwable error) {
        Throwable current = error;
        while (current.getCause() != null && !(current instanceof InvalidEventException)) {
            current = current.getCause();
        }
        return current;
    }
}
