package no.samhandling.platform.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.Document;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.InvalidEventException;

/**
 * The engine's batch mode: one consumer group reading its topics a poll at a time, handing each
 * topic partition's share of the poll to a {@link BatchProjection} through a journal (see there),
 * with the same intake, deduplication and dead letters as the single-event mode. Instances of a
 * service share the group's partitions, so a projection scales by partition like any consumer.
 *
 * <p>A record that is not a valid event fails alone: the valid records before it are written, it
 * is dead-lettered at once, and the poll goes on after it. When writing a batch fails, its events
 * are tried one at a time, so that only the event that fails is retried and, in the end,
 * dead-lettered, and never a neighbour of it.
 */
public final class BatchConsumer implements Replay {

    private final String group;
    private final List<String> topics;
    private final BatchProjection projection;
    private final int maxRecords;
    private final EventConsumers engine;
    private final AppliedOffsets applied;
    private KafkaMessageListenerContainer<byte[], byte[]> container;

    BatchConsumer(String group, List<String> topics, BatchProjection projection, int maxRecords, EventConsumers engine) {
        this.group = group;
        this.topics = List.copyOf(topics);
        this.projection = projection;
        this.maxRecords = maxRecords;
        this.engine = engine;
        this.applied = new AppliedOffsets(engine.watermarks(), group);
    }

    /** The consumer group, whose offsets and watermarks are this consumer's alone. */
    public String group() {
        return group;
    }

    public synchronized boolean isRunning() {
        return container != null;
    }

    public synchronized void start() {
        if (container != null) {
            return;
        }
        // Off the caller's thread: Kafka may be slow to answer, and the consumer need not wait for either.
        Thread.ofVirtual().name(group + "-preparation").start(() -> {
            engine.createDeadLetterTopics(topics);
            engine.raiseWatermarksToCommittedOffsets(group);
        });
        Map<String, Object> config = new HashMap<>(engine.kafka().buildConsumerProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxRecords);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, group);
        ContainerProperties properties = new ContainerProperties(topics.toArray(String[]::new));
        properties.setAckMode(ContainerProperties.AckMode.BATCH);
        properties.setPollTimeout(500);
        properties.setMessageListener((BatchMessageListener<byte[], byte[]>) this::onPoll);
        container = new KafkaMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(config), properties);
        container.setBeanName(group);
        engine.deadLetters().configure(container, String.join(",", topics), engine.group(), null, null);
        container.start();
        engine.register(this, topics);
    }

    public synchronized void stop() {
        if (container == null) {
            return;
        }
        engine.unregister(this);
        container.stop();
        container = null;
    }

    @Override
    public String deadLetterGroup() {
        return engine.group();
    }

    void onPoll(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<TopicPartition, List<Admitted>> byPartition = new LinkedHashMap<>();
        for (int index = 0; index < records.size(); index++) {
            ConsumerRecord<byte[], byte[]> record = records.get(index);
            if (applied.covers(record.topic(), record.partition(), record.offset())) {
                continue;
            }
            Optional<DomainEvent> event;
            try {
                event = engine.intake().admit(record.topic(), record.headers(), record.value());
            } catch (InvalidEventException invalid) {
                byPartition.forEach(this::write);
                throw new BatchListenerFailedException(invalid.getMessage(), invalid, index);
            }
            int at = index;
            event.ifPresent(admitted -> byPartition.computeIfAbsent(new TopicPartition(record.topic(), record.partition()),
                    partition -> new ArrayList<>()).add(new Admitted(at, record.offset(), admitted)));
        }
        byPartition.forEach(this::write);
    }

    private void write(TopicPartition partition, List<Admitted> events) {
        if (events.isEmpty()) {
            return;
        }
        try {
            step(partition, events);
        } catch (RuntimeException batchFailed) {
            for (Admitted event : events) {
                try {
                    step(partition, List.of(event));
                } catch (RuntimeException failed) {
                    throw new BatchListenerFailedException("Projecting an event failed", failed, event.index());
                }
            }
        }
    }

    private void step(TopicPartition partition, List<Admitted> events) {
        String stream = stream(partition);
        engine.journals().pending(group, stream).ifPresent(this::complete);
        long watermark = engine.watermarks().applied(group, partition.topic(), partition.partition());
        applied.raise(partition.topic(), partition.partition(), watermark);
        Set<String> seen = engine.watermarks().recentlyApplied(group,
                events.stream().filter(admitted -> admitted.offset() > watermark).map(admitted -> admitted.event().eventId().toString()).toList());
        List<DomainEvent> fresh = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Admitted admitted : events) {
            String id = admitted.event().eventId().toString();
            if (admitted.offset() > watermark && seen.add(id)) {
                fresh.add(admitted.event());
                ids.add(id);
            } else {
                engine.counted("samhandling.events.duplicates", admitted.event(), 1);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        Document plan = projection.plan(fresh);
        BatchProjection.Batch batch = new BatchProjection.Batch(stream, events.getLast().offset(), false);
        Journals.Entry entry = new Journals.Entry(batch, partition.topic(), partition.partition(), ids, plan, false);
        engine.journals().write(group, entry);
        complete(entry);
        fresh.forEach(event -> engine.counted("samhandling.events.handled", event, 1));
    }

    private void complete(Journals.Entry entry) {
        projection.apply(entry.batch(), entry.plan());
        if (entry.outOfOrder()) {
            entry.eventIds().forEach(id -> engine.watermarks().remember(group, entry.topic(), entry.partition(), id));
        } else {
            engine.watermarks().advance(group, entry.topic(), entry.partition(), entry.batch().position(), entry.eventIds());
            applied.raise(entry.topic(), entry.partition(), entry.batch().position());
        }
        engine.journals().completed(group, entry.batch().stream());
    }

    @Override
    public ReplayOutcome replay(String topic, int partition, String replayId, Headers headers, byte[] value) {
        Optional<DomainEvent> admitted = engine.intake().admit(topic, headers, value);
        if (admitted.isEmpty()) {
            return ReplayOutcome.NOT_HANDLED;
        }
        DomainEvent event = admitted.get();
        String id = event.eventId().toString();
        String stream = "replay_" + fieldSafe(replayId);
        Optional<Journals.Entry> interrupted = engine.journals().pending(group, stream);
        if (interrupted.isPresent()) {
            complete(interrupted.get());
            return ReplayOutcome.APPLIED;
        }
        if (!engine.watermarks().recentlyApplied(group, List.of(id)).isEmpty()) {
            return ReplayOutcome.ALREADY_APPLIED;
        }
        Journals.Entry entry = new Journals.Entry(new BatchProjection.Batch(stream, 0, false), topic, partition, List.of(id),
                projection.plan(List.of(event)), true);
        engine.journals().write(group, entry);
        complete(entry);
        engine.counted("samhandling.events.handled", event, 1);
        return ReplayOutcome.APPLIED;
    }

    /** A topic partition as a stream name that can also be a field name: {@code referral_events-2}. */
    static String stream(TopicPartition partition) {
        return fieldSafe(partition.topic()) + "-" + partition.partition();
    }

    private static String fieldSafe(String name) {
        return name.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private record Admitted(int index, long offset, DomainEvent event) {
    }
}
