package no.samhandling.reporting.projection;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import no.samhandling.events.Topics;
import no.samhandling.platform.cluster.ClusterJobs;
import no.samhandling.platform.events.BatchConsumer;
import no.samhandling.platform.events.EventConsumers;

/**
 * The projections' consumers: for each live generation (the current one, and the one a rebuild
 * is filling) a batch consumer of the platform's engine on every event topic ({@link Topics#ALL},
 * leadership.events included), in the generation's own consumer group, writing through that
 * generation's {@link ProjectionStore}. Every instance runs
 * them and Kafka shares each group's partitions between the instances.
 *
 * <p>A rebuild claims the next generation, notes where the topics end now, and starts its consumer
 * from the beginning of the topics. Once its group has reached those offsets, readers switch to it
 * in one write; every instance then stops the old generation's consumer, and the one before it is
 * dropped. Each instance keeps its consumers in line with the generations in MongoDB every
 * {@value #RECONCILE_MILLIS} ms, so a rebuild asked of one instance runs on all of them; whether
 * the rebuild has caught up is checked in one instance at a time ({@link ClusterJobs}).
 */
@Component
public class ProjectionConsumers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionConsumers.class);
    private static final long RECONCILE_MILLIS = 500;

    private final Generations generations;
    private final MongoTemplate mongo;
    private final EventConsumers consumers;
    private final KafkaProperties kafka;
    private final ClusterJobs jobs;
    private final int maxBatch;
    private final Map<Integer, BatchConsumer> running = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;
    private volatile boolean started;

    ProjectionConsumers(Generations generations, MongoTemplate mongo, EventConsumers consumers, KafkaProperties kafka,
            ClusterJobs jobs, @Value("${samhandling.reporting.max-batch:500}") int maxBatch) {
        this.generations = generations;
        this.mongo = mongo;
        this.consumers = consumers;
        this.kafka = kafka;
        this.jobs = jobs;
        this.maxBatch = maxBatch;
    }

    @Override
    public synchronized void start() {
        generations.initialise();
        reconcile();
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("projection-generations").daemon().factory());
        scheduler.scheduleWithFixedDelay(this::keepUp, RECONCILE_MILLIS, RECONCILE_MILLIS, TimeUnit.MILLISECONDS);
        started = true;
    }

    @Override
    public synchronized void stop() {
        started = false;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        running.values().forEach(BatchConsumer::stop);
        running.clear();
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    /** Starts a rebuild into a new generation, unless one is running; returns the rebuild. */
    public synchronized Generations.Rebuild rebuild() {
        Generations.Rebuild current = generations.rebuild();
        if (current != null && current.status() == Generations.Rebuild.Status.RUNNING) {
            return current;
        }
        Optional<Generation> claimed = generations.claimNext();
        if (claimed.isEmpty()) {
            return generations.rebuild();
        }
        Generation next = claimed.get();
        drop(next);
        generations.beginRebuild(next, endOffsets());
        reconcile();
        log.info("Rebuilding the figures into generation {}", next.number());
        return generations.rebuild();
    }

    public Generations.Rebuild rebuildStatus() {
        return generations.rebuild();
    }

    /** The counters of a generation, for comparing a rebuild with the live figures. */
    public Map<String, Object> contents(Generation generation) {
        return new ProjectionStore(mongo, generation).contents();
    }

    private void keepUp() {
        try {
            reconcile();
            jobs.runOnce("reporting-rebuild-switch", Duration.ofMillis(RECONCILE_MILLIS), this::switchWhenCaughtUp);
        } catch (RuntimeException e) {
            log.warn("Keeping the projection consumers up to date failed, will retry: {}", e.getClass().getSimpleName());
        }
    }

    /** Runs a consumer for each live generation in this instance, and none for any other. */
    private synchronized void reconcile() {
        if (scheduler != null && scheduler.isShutdown()) {
            return;
        }
        Set<Integer> live = new TreeSet<>();
        live.add(generations.current().number());
        Generations.Rebuild rebuild = generations.rebuild();
        if (rebuild != null && rebuild.status() == Generations.Rebuild.Status.RUNNING) {
            live.add(rebuild.generation().number());
        }
        for (int number : live) {
            running.computeIfAbsent(number, this::startConsumer);
        }
        running.keySet().removeIf(number -> {
            if (live.contains(number)) {
                return false;
            }
            running.get(number).stop();
            return true;
        });
    }

    private BatchConsumer startConsumer(int number) {
        Generation generation = new Generation(number);
        ProjectionStore store = new ProjectionStore(mongo, generation);
        store.prepare();
        BatchConsumer consumer = consumers.batch(generation.consumerGroup(), Topics.ALL, store, maxBatch);
        consumer.start();
        return consumer;
    }

    /** Switches readers to the rebuilt generation once it has caught up. */
    private void switchWhenCaughtUp() {
        Generations.Rebuild rebuild = generations.rebuild();
        if (rebuild == null || rebuild.status() != Generations.Rebuild.Status.RUNNING
                || !caughtUp(rebuild.generation().consumerGroup(), rebuild.targets())) {
            return;
        }
        Generation previous = generations.current();
        generations.switchTo(rebuild.generation());
        if (previous.number() != rebuild.generation().number()) {
            // Keep the previous generation for requests already reading it; drop the one before.
            drop(new Generation(previous.number() - 1));
        }
        log.info("Readers switched to rebuilt generation {}", rebuild.generation().number());
        reconcile();
    }

    private void drop(Generation generation) {
        new ProjectionStore(mongo, generation).drop();
        consumers.forget(generation.consumerGroup());
    }

    /**
     * Whether the live generation has read every record the topics held a moment ago. Releases are
     * made only then: a release is made once, so it must never be made from counters still catching
     * up (a new installation replaying the topics, or a consumer that was down).
     */
    public boolean caughtUp() {
        return caughtUp(generations.current().consumerGroup(), endOffsets());
    }

    private boolean caughtUp(String consumerGroup, Map<String, Long> targets) {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin
                    .listConsumerGroupOffsets(consumerGroup).partitionsToOffsetAndMetadata()
                    .get(5, TimeUnit.SECONDS);
            for (Map.Entry<String, Long> target : targets.entrySet()) {
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
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer", e);
        }
    }

    /** Where the topics end now: what a rebuild must have read before readers may switch to it. */
    private Map<String, Long> endOffsets() {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(Topics.ALL).allTopicNames().get(10, TimeUnit.SECONDS).forEach((topic, description) ->
                    description.partitions().forEach(partition -> latest.put(new TopicPartition(topic, partition.partition()),
                            OffsetSpec.latest())));
            Map<String, Long> targets = new LinkedHashMap<>();
            admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet().stream()
                    .sorted(Map.Entry.comparingByKey(Comparator.comparing(TopicPartition::toString)))
                    .forEach(end -> targets.put(end.getKey().toString(), end.getValue().offset()));
            return targets;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading where the topics end", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not say where the topics end", e);
        }
    }

    private Admin admin() {
        return Admin.create(kafka.buildAdminProperties());
    }
}
