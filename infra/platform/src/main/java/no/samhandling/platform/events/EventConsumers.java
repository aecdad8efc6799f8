package no.samhandling.platform.events;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.KafkaAdmin;

import io.micrometer.core.instrument.MeterRegistry;
import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventCatalogue;
import no.samhandling.events.Topics;

/**
 * The consumer engine: the one way every service reads events, in two modes.
 *
 * <ul>
 * <li><b>Single event</b>, for handlers that react to one event at a time: a Spring Cloud Stream
 * binding whose function is a handler table, {@code consumers.on(X.class, handler::on).build()}
 * (see {@link EventHandlers}).</li>
 * <li><b>Batch</b>, for projections that write what many events change at once:
 * {@link #batch(String, List, BatchProjection, int)} starts a consumer group of its own (reporting
 * starts one per generation of its figures) and journals each batch (see {@link BatchProjection}).</li>
 * </ul>
 *
 * Whatever the mode, the engine alone decides what happens to a record before and after a handler:
 * <ol>
 * <li>a record whose {@code ce_source} is not its topic's owner ({@link Topics#owner}) is refused:
 * dead-lettered at once and counted in {@code samhandling.events.foreign.source};</li>
 * <li>a record that is not a valid event is dead-lettered at once;</li>
 * <li>a well-formed event of a type the contracts do not know yet, or that the consumer has no
 * handler for, is acknowledged and skipped, never dead-lettered (counted per topic in
 * {@code samhandling.events.unknown.type});</li>
 * <li>an event the consumer group has already applied is skipped ({@link Watermarks});</li>
 * <li>a handler that fails is retried, and then dead-lettered with its cause, logged once
 * ({@link DeadLetters});</li>
 * <li>a dead-lettered record can be {@link #replay replayed} into the same handlers after a fix.</li>
 * </ol>
 */
public final class EventConsumers {

    private static final Logger log = LoggerFactory.getLogger(EventConsumers.class);

    private final String group;
    private final EventIntake intake;
    private final Watermarks watermarks;
    private final Journals journals;
    private final MeterRegistry meters;
    private final KafkaProperties kafka;
    private final DeadLetters deadLetters;
    private final ObjectProvider<KafkaAdmin> admin;
    private final TopicProperties topics;
    private final Map<String, List<Replay>> replays = new HashMap<>();

    EventConsumers(String group, EventIntake intake, Watermarks watermarks, Journals journals, MeterRegistry meters,
            KafkaProperties kafka, DeadLetters deadLetters, ObjectProvider<KafkaAdmin> admin, TopicProperties topics) {
        this.group = group;
        this.intake = intake;
        this.watermarks = watermarks;
        this.journals = journals;
        this.meters = meters;
        this.kafka = kafka;
        this.deadLetters = deadLetters;
        this.admin = admin;
        this.topics = topics;
    }

    /** Starts a handler table for one binding, in the single-event mode. */
    public <E extends DomainEvent> EventHandlers on(Class<E> type, Consumer<? super E> handler) {
        return new EventHandlers(this).on(type, handler);
    }

    /**
     * A consumer in the batch mode, not yet started: its own consumer group reading the topics
     * from the start, at most {@code maxRecords} a poll. Its dead letters go to this service's
     * dead-letter topics, like every other consumer's.
     */
    public BatchConsumer batch(String consumerGroup, List<String> topicNames, BatchProjection projection, int maxRecords) {
        return new BatchConsumer(consumerGroup, topicNames, projection, maxRecords, this);
    }

    /** This service's consumer group, which also names its dead-letter topics. */
    public String group() {
        return group;
    }

    /**
     * Forgets what a consumer group that will never run again applied (a dropped generation of a
     * projection): its watermarks and any journal it left.
     */
    public void forget(String consumerGroup) {
        watermarks.forget(consumerGroup);
        journals.forget(consumerGroup);
    }

    /** The dead-letter topics of the consumers running in this instance. */
    public synchronized Set<String> deadLetterTopics() {
        Set<String> names = new TreeSet<>();
        replays.forEach((topic, consumers) -> consumers.forEach(consumer -> names.add(Topics.deadLetterTopic(topic, consumer.deadLetterGroup()))));
        return names;
    }

    /**
     * Hands a dead-lettered record to every consumer of its original topic in this service again.
     *
     * @param replayId identifies the dead letter; a replay interrupted by a crash is completed, not repeated
     * @throws no.samhandling.events.InvalidEventException when the record is still not a valid event, or not from the topic's owner
     */
    public ReplayOutcome replay(String topic, int partition, String replayId, Headers headers, byte[] value) {
        List<Replay> consumers;
        synchronized (this) {
            consumers = List.copyOf(replays.getOrDefault(topic, List.of()));
        }
        ReplayOutcome outcome = ReplayOutcome.NOT_HANDLED;
        for (Replay consumer : consumers) {
            outcome = outcome.and(consumer.replay(topic, partition, replayId, headers, value));
        }
        return outcome;
    }

    /**
     * Why something failed, as the engine reports it in dead-letter headers and logs: the root
     * cause's class and message, masked so that it cannot quote personal data.
     */
    public static String cause(Throwable error) {
        return Cause.of(error).toString();
    }

    SingleEventConsumer singleEvent(Map<Class<? extends DomainEvent>, Consumer<DomainEvent>> handlers) {
        SingleEventConsumer consumer = new SingleEventConsumer(group, handlers, intake, watermarks, meters);
        register(consumer, consumer.topics());
        return consumer;
    }

    synchronized void register(Replay consumer, Collection<String> topicNames) {
        topicNames.forEach(topic -> replays.computeIfAbsent(topic, name -> new CopyOnWriteArrayList<>()).add(consumer));
    }

    synchronized void unregister(Replay consumer) {
        replays.values().forEach(consumers -> consumers.remove(consumer));
    }

    /**
     * Raises the group's watermarks to the offsets Kafka has committed for it (see
     * {@link Watermarks}). Without Kafka at hand it leaves them as they are: they are then only
     * less complete, never wrong.
     */
    void raiseWatermarksToCommittedOffsets(String consumerGroup) {
        try (Admin client = Admin.create(kafka.buildAdminProperties())) {
            Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(consumerGroup)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, Long> offsets = new HashMap<>();
            committed.forEach((partition, offset) -> {
                if (offset != null && Topics.ALL.contains(partition.topic())) {
                    offsets.put(partition, offset.offset());
                }
            });
            watermarks.raiseToCommitted(consumerGroup, offsets);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("Could not read the committed offsets of {}; its watermarks stay as they are: {}", consumerGroup,
                    Cause.of(e));
        }
    }

    /**
     * Creates the dead-letter topics of a batch consumer, kept for the dead-letter retention like those of the
     * bindings (and brought to it if they exist with another).
     */
    void createDeadLetterTopics(Collection<String> topicNames) {
        List<NewTopic> deadLetterTopics = new ArrayList<>();
        for (String topic : topicNames) {
            deadLetterTopics.add(EventsAutoConfiguration.deadLetterTopic(Topics.deadLetterTopic(topic, group), topics));
        }
        try {
            admin.getObject().createOrModifyTopics(deadLetterTopics.toArray(NewTopic[]::new));
        } catch (RuntimeException e) {
            log.warn("Could not create the dead-letter topics {}: {}", topicNames, Cause.of(e));
        }
    }

    void counted(String counter, DomainEvent event, int count) {
        meters.counter(counter, "type", EventCatalogue.of(event).type()).increment(count);
    }

    EventIntake intake() {
        return intake;
    }

    Watermarks watermarks() {
        return watermarks;
    }

    Journals journals() {
        return journals;
    }

    KafkaProperties kafka() {
        return kafka;
    }

    DeadLetters deadLetters() {
        return deadLetters;
    }
}
