package no.samhandling.load;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import no.samhandling.kafka.ConsumerProgress;

/**
 * Tells when reporting has counted each submitted referral, without asking reporting for a live
 * count (reporting publishes releases only, and no endpoint may expose a running count).
 *
 * <p>It reads referral.events from its end to learn the offset of each referral's
 * {@code referral.submitted.v1} record, and polls the offsets that reporting's consumer group has
 * committed: reporting's batch consumer commits a poll only after its projection has applied it
 * (the platform's {@code BatchConsumer}, ack mode BATCH), so a committed offset past the record
 * means the referral is in reporting's counters. The time is taken when the poll sees it, every
 * {@value #POLL_MILLIS} ms.
 */
final class CountedWatch implements AutoCloseable {

    static final String TOPIC = "referral.events";
    static final String SUBMITTED = "referral.submitted.v1";
    private static final Pattern REPORTING_GROUP = Pattern.compile("reporting-service\\.g(\\d+)");
    private static final long POLL_MILLIS = 20;

    private final Admin admin;
    private final ConsumerProgress progress;
    private final KafkaConsumer<String, byte[]> consumer;
    private final String group;
    private final Map<String, Long> dueById = new ConcurrentHashMap<>();
    private final Map<String, Position> positionById = new HashMap<>();
    private final Latencies counted = new Latencies();
    private final List<ConsumerRecord<String, byte[]>> samples = new ArrayList<>();
    private volatile int countedSoFar;
    private volatile boolean running = true;
    private volatile RuntimeException failure;
    private final Thread worker;

    CountedWatch(Map<String, Object> clientProperties) {
        this.admin = Admin.create(clientProperties);
        this.progress = new ConsumerProgress(admin);
        this.group = reportingGroup(progress);
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(config);
        List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                .map(info -> new TopicPartition(TOPIC, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        this.worker = Thread.ofPlatform().name("counted-watch").daemon().start(this::run);
    }

    /** reporting's live consumer group: the lowest generation with members (a rebuild's is higher). */
    static String reportingGroup(ConsumerProgress progress) {
        return progress.liveGroups().keySet().stream()
                .filter(id -> REPORTING_GROUP.matcher(id).matches())
                .min(Comparator.comparingInt(CountedWatch::generation))
                .orElseThrow(() -> new IllegalStateException("reporting-service has no live consumer group: is it running?"));
    }

    static int generation(String group) {
        Matcher matcher = REPORTING_GROUP.matcher(group);
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : Integer.MAX_VALUE;
    }

    String group() {
        return group;
    }

    /** A referral was created; its clock starts at its POST's due time. */
    void submitted(String referralId, long dueNanos) {
        dueById.put(referralId, dueNanos);
    }

    int counted() {
        return countedSoFar;
    }

    Latencies.Summary summary() {
        return counted.summary();
    }

    /** Some referral.submitted records seen, to measure the bare limits with the same records. */
    synchronized List<ConsumerRecord<String, byte[]>> samples() {
        return List.copyOf(samples);
    }

    /** Waits until {@code expected} referrals are counted or the deadline passes. */
    boolean awaitCounted(int expected, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (countedSoFar < expected && System.nanoTime() < deadline) {
            if (failure != null) {
                throw failure;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return countedSoFar >= expected;
    }

    private void run() {
        long nextCheck = 0;
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(POLL_MILLIS / 2))) {
                    if (SUBMITTED.equals(header(record, "ce_type")) && record.key() != null) {
                        positionById.put(record.key(), new Position(record.partition(), record.offset()));
                        synchronized (this) {
                            if (samples.size() < 16) {
                                samples.add(record);
                            }
                        }
                    }
                }
                if (System.nanoTime() >= nextCheck && !positionById.isEmpty()) {
                    nextCheck = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS);
                    resolve(committedOffsets());
                }
            }
        } catch (RuntimeException e) {
            if (running) {
                failure = e;
            }
        }
    }

    private Map<Integer, Long> committedOffsets() {
        Map<Integer, Long> offsets = new HashMap<>();
        progress.committed(group).forEach((partition, offset) -> {
            if (partition.topic().equals(TOPIC)) {
                offsets.put(partition.partition(), offset);
            }
        });
        return offsets;
    }

    /** Counts each referral whose record lies below its partition's committed offset, at the time seen. */
    private void resolve(Map<Integer, Long> committed) {
        long now = System.nanoTime();
        for (Iterator<Map.Entry<String, Position>> it = positionById.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, Position> entry = it.next();
            Long due = dueById.get(entry.getKey());
            Position position = entry.getValue();
            if (due != null && position.offset() < committed.getOrDefault(position.partition(), -1L)) {
                counted.add(now - due);
                dueById.remove(entry.getKey());
                it.remove();
                countedSoFar++;
            }
        }
    }

    static Optional<String> headerValue(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return headerValue(record, name).orElse(null);
    }

    @Override
    public void close() {
        running = false;
        try {
            worker.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close(Duration.ofSeconds(2));
        admin.close(Duration.ofSeconds(2));
    }

    private record Position(int partition, long offset) {
    }
}
