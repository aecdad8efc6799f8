package no.samhandling.reporting.projection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import no.samhandling.events.DomainEvent;
import no.samhandling.events.InvalidEventException;
import no.samhandling.events.Topics;
import no.samhandling.platform.events.CloudEventCodec;
import no.samhandling.platform.events.TopicProperties;

/**
 * Runs the projection consumers: one batch listener per generation on all four topics, each with
 * its own consumer group. The current generation's consumer keeps the figures live; a rebuild
 * starts the next generation's consumer from the beginning of the topics, and when its group has
 * reached the end offsets the topics had when the rebuild began, readers switch to it and the old
 * consumer stops. Failing records are retried and dead-lettered by the platform's
 * {@code DeadLetters} to {@code <topic>.reporting-service.dlq}, as for every other consumer.
 */
@Component
public class ProjectionRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRunner.class);

    private final Generations generations;
    private final ProjectionStore store;
    private final KafkaProperties kafka;
    private final ListenerContainerWithDlqAndRetryCustomizer deadLetters;
    private final MeterRegistry meters;
    private final int maxBatch;
    private final Map<Integer, KafkaMessageListenerContainer<byte[], byte[]>> containers = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;
    private ScheduledFuture<?> rebuildCheck;
    private volatile boolean running;

    ProjectionRunner(Generations generations, MongoTemplate mongo, KafkaProperties kafka, TopicProperties topics,
            ListenerContainerWithDlqAndRetryCustomizer deadLetters, MeterRegistry meters,
            @Value("${samhandling.reporting.max-batch:500}") int maxBatch) {
        this.generations = generations;
        this.store = new ProjectionStore(mongo, topics.processedRetention());
        this.kafka = kafka;
        this.deadLetters = deadLetters;
        this.meters = meters;
        this.maxBatch = maxBatch;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "projection-rebuild-check");
            thread.setDaemon(true);
            return thread;
        });
        generations.initialise();
        startConsumer(generations.current());
        Generations.Rebuild rebuild = generations.rebuild();
        if (rebuild != null && rebuild.status() == Generations.Rebuild.Status.RUNNING) {
            startConsumer(rebuild.generation());
            watch(rebuild);
        }
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        containers.values().forEach(KafkaMessageListenerContainer::stop);
        containers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts a rebuild into a new generation, unless one is running; returns the rebuild. */
    public synchronized Generations.Rebuild rebuild() {
        Generations.Rebuild running = generations.rebuild();
        if (running != null && running.status() == Generations.Rebuild.Status.RUNNING) {
            return running;
        }
        Generation next = new Generation(generations.lastNumber() + 1);
        store.drop(next);
        generations.beginRebuild(next, endOffsets());
        Generations.Rebuild rebuild = generations.rebuild();
        startConsumer(next);
        watch(rebuild);
        log.info("Rebuilding the figures into generation {}", next.number());
        return rebuild;
    }

    public Generations.Rebuild rebuildStatus() {
        return generations.rebuild();
    }

    /** The counters of a generation, for comparing a rebuild with the live figures. */
    public Map<String, Object> contents(Generation generation) {
        return store.contents(generation);
    }

    private void watch(Generations.Rebuild rebuild) {
        rebuildCheck = scheduler.scheduleWithFixedDelay(() -> {
            try {
                if (caughtUp(rebuild)) {
                    complete(rebuild.generation());
                }
            } catch (RuntimeException e) {
                log.warn("Checking the rebuild failed, will retry: {}", e.getClass().getSimpleName());
            }
        }, 200, 200, TimeUnit.MILLISECONDS);
    }

    private synchronized void complete(Generation rebuilt) {
        Generation previous = generations.current();
        generations.switchTo(rebuilt);
        rebuildCheck.cancel(false);
        if (previous.number() != rebuilt.number()) {
            KafkaMessageListenerContainer<byte[], byte[]> old = containers.remove(previous.number());
            if (old != null) {
                old.stop();
            }
            // Keep the previous generation for requests already reading it; drop the one before.
            store.drop(new Generation(previous.number() - 1));
        }
        log.info("Readers switched to rebuilt generation {}", rebuilt.number());
    }

    private void startConsumer(Generation generation) {
        if (containers.containsKey(generation.number())) {
            return;
        }
        store.prepare(generation);
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, generation.consumerGroup());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxBatch);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "projection-g" + generation.number());
        ContainerProperties properties = new ContainerProperties(Topics.ALL.toArray(String[]::new));
        properties.setAckMode(ContainerProperties.AckMode.BATCH);
        properties.setPollTimeout(500);
        properties.setMessageListener((BatchMessageListener<byte[], byte[]>) records -> project(generation, records));
        KafkaMessageListenerContainer<byte[], byte[]> container =
                new KafkaMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(config), properties);
        container.setBeanName("projection-g" + generation.number());
        deadLetters.configure(container, String.join(",", Topics.ALL), Generation.GROUP, null, null);
        containers.put(generation.number(), container);
        container.start();
    }

    /** Projects a polled batch; an invalid record fails alone, after the valid ones before it are written. */
    void project(Generation generation, List<ConsumerRecord<byte[], byte[]>> records) {
        List<DomainEvent> events = new ArrayList<>(records.size());
        for (int index = 0; index < records.size(); index++) {
            ConsumerRecord<byte[], byte[]> record = records.get(index);
            try {
                events.add(CloudEventCodec.decode(record.headers(), record.value()));
            } catch (InvalidEventException invalid) {
                write(generation, events, 0);
                throw new BatchListenerFailedException("Not a valid event", invalid, index);
            }
        }
        write(generation, events, 0);
    }

    private void write(Generation generation, List<DomainEvent> events, int failureIndex) {
        if (events.isEmpty()) {
            return;
        }
        try {
            int written = store.write(generation, events);
            meters.counter("samhandling.reporting.projected", "generation", String.valueOf(generation.number())).increment(written);
        } catch (RuntimeException e) {
            throw new BatchListenerFailedException("Projecting the batch failed", e, failureIndex);
        }
    }

    private boolean caughtUp(Generations.Rebuild rebuild) throws RuntimeException {
        try (Admin admin = Admin.create(kafka.buildAdminProperties())) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin
                    .listConsumerGroupOffsets(rebuild.generation().consumerGroup()).partitionsToOffsetAndMetadata()
                    .get(5, TimeUnit.SECONDS);
            for (Map.Entry<String, Long> target : rebuild.targets().entrySet()) {
                if (target.getValue() == 0) {
                    continue;
                }
                int dash = target.getKey().lastIndexOf('-');
                TopicPartition partition = new TopicPartition(target.getKey().substring(0, dash),
                        Integer.parseInt(target.getKey().substring(dash + 1)));
                OffsetAndMetadata offset = committed.get(partition);
                if (offset == null || offset.offset() < target.getValue()) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer", e);
        }
    }

    /** Where the topics end now: what a rebuild must have read before readers may switch to it. */
    private Map<String, Long> endOffsets() {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        Map<String, Long> targets = new LinkedHashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : Topics.ALL) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos != null) {
                    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
            }
            consumer.endOffsets(partitions, Duration.ofSeconds(10))
                    .forEach((partition, offset) -> targets.put(partition.toString(), offset));
        }
        return targets;
    }
}
