package no.samhandling.platform.events;

import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import no.samhandling.events.InvalidEventException;
import no.samhandling.events.Topics;

/**
 * Failure handling for every consumer of the engine, single-event bindings and batch consumers
 * alike, in the listener container rather than the binder:
 *
 * <ul>
 * <li>a failing record is retried with exponential backoff a bounded number of times; a record that
 * is not a valid event (or not from its topic's owner) is not retried at all;</li>
 * <li>while the service's own MongoDB is unreachable the record is retried without limit instead:
 * the record is fine, the store is not, and dead-lettering a whole outage's worth of valid events
 * would leave people to replay them by hand;</li>
 * <li>then it ends on {@code <topic>.<group>.dlq} with its original key, value and headers, plus
 * the original topic, partition, offset and group and the cause ({@link Cause}), and is counted;
 * the container commits past it, so one bad record never blocks its partition and none is lost;</li>
 * <li>exactly one log line per dead-lettered record, naming it and its cause. The container's own
 * per-attempt error logs (a stack trace per retry) are turned down to DEBUG.</li>
 * </ul>
 */
final class DeadLetters implements ListenerContainerWithDlqAndRetryCustomizer {

    static final String COUNTER = "samhandling.events.dead.lettered";
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final Pattern EVENT_ID = Pattern.compile("[0-9a-fA-F-]{36}");
    private static final Pattern EVENT_TYPE = Pattern.compile("[a-z]+\\.[a-z-]+\\.v[0-9]+");

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
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, error) -> new TopicPartition(Topics.deadLetterTopic(record.topic(), group), -1));
        recoverer.setExceptionHeadersCreator((headers, error, isKey, names) -> {
            Cause cause = Cause.of(error);
            headers.add(names.getExceptionInfo().getExceptionFqcn(), cause.className().getBytes(StandardCharsets.UTF_8));
            headers.add(names.getExceptionInfo().getExceptionMessage(), cause.message().getBytes(StandardCharsets.UTF_8));
        });
        ExponentialBackOffWithMaxRetries policy = new ExponentialBackOffWithMaxRetries(retry.maxRetries());
        policy.setInitialInterval(retry.initialInterval().toMillis());
        policy.setMultiplier(retry.multiplier());
        policy.setMaxInterval(retry.maxInterval().toMillis());
        DefaultErrorHandler errorHandler = new DefaultErrorHandler(recoverer, policy);
        errorHandler.addNotRetryableExceptions(InvalidEventException.class);
        errorHandler.setBackOffFunction((record, error) -> storeUnavailable(error)
                ? new FixedBackOff(retry.maxInterval().toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS) : null);
        errorHandler.setLogLevel(KafkaException.Level.DEBUG);
        errorHandler.setRetryListeners(new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception error, int deliveryAttempt) {
                // Retries are quiet; what matters is logged once, when the record is dead-lettered.
            }

            @Override
            public void recovered(ConsumerRecord<?, ?> record, Exception error) {
                deadLettered(record, error, group);
            }
        });
        container.setCommonErrorHandler(errorHandler);
    }

    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }

    private void deadLettered(ConsumerRecord<?, ?> record, Exception error, String group) {
        String deadLetterTopic = Topics.deadLetterTopic(record.topic(), group);
        counter(deadLetterTopic).increment();
        log.warn("Record {}-{}@{} ({} {}) dead-lettered to {}: {}", record.topic(), record.partition(), record.offset(),
                header(record, "ce_type", EVENT_TYPE), header(record, "ce_id", EVENT_ID), deadLetterTopic, Cause.of(error));
    }

    private Counter counter(String deadLetterTopic) {
        return Counter.builder(COUNTER)
                .description("Records a consumer group could not handle, by dead-letter topic")
                .tag("topic", deadLetterTopic)
                .register(meters);
    }

    /** A header from the wire, only in the shape it must have, so that a log line never repeats arbitrary text. */
    private static String header(ConsumerRecord<?, ?> record, String name, Pattern shape) {
        Header header = record.headers().lastHeader(name);
        if (header == null) {
            return "no " + name;
        }
        String value = new String(header.value(), StandardCharsets.UTF_8);
        return shape.matcher(value).matches() ? value : "malformed " + name;
    }

    private static boolean storeUnavailable(Throwable error) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (current instanceof DataAccessResourceFailureException || current instanceof MongoSocketException
                    || current instanceof MongoTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
