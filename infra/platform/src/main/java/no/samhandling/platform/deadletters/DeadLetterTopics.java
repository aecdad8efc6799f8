package no.samhandling.platform.deadletters;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * Reads the service's dead-letter topics as any outside client would: assigned partitions, no
 * consumer group, nothing committed. Dead-letter topics are small, and read from the start.
 */
final class DeadLetterTopics {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final KafkaProperties kafka;

    DeadLetterTopics(KafkaProperties kafka) {
        this.kafka = kafka;
    }

    /** Every record of the topic, in partition and offset order. */
    void readAll(String topic, Consumer<DeadLetter> each) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, TIMEOUT);
            if (infos == null || infos.isEmpty()) {
                return;
            }
            List<TopicPartition> partitions = infos.stream().map(info -> new TopicPartition(topic, info.partition()))
                    .sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
            for (TopicPartition partition : partitions) {
                long end = ends.getOrDefault(partition, 0L);
                if (end == 0) {
                    continue;
                }
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                Instant deadline = Instant.now().plus(TIMEOUT);
                while (consumer.position(partition, TIMEOUT) < end && Instant.now().isBefore(deadline)) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        if (record.offset() < end) {
                            each.accept(DeadLetter.of(record));
                        }
                    }
                }
            }
        }
    }

    /** The record at the offset, if the topic has it. */
    Optional<DeadLetter> read(String topic, int partition, long offset) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, TIMEOUT);
            if (infos == null || infos.stream().noneMatch(info -> info.partition() == partition)) {
                return Optional.empty();
            }
            TopicPartition assigned = new TopicPartition(topic, partition);
            consumer.assign(List.of(assigned));
            long end = consumer.endOffsets(List.of(assigned), TIMEOUT).getOrDefault(assigned, 0L);
            if (offset < 0 || offset >= end) {
                return Optional.empty();
            }
            consumer.seek(assigned, offset);
            Instant deadline = Instant.now().plus(TIMEOUT);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() == offset) {
                        return Optional.of(DeadLetter.of(record));
                    }
                }
            }
            return Optional.empty();
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(config);
    }
}
