package no.samhandling.kafka;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the consumer groups on the broker have got, read as facts from the broker rather than
 * guessed from time: what each group has committed against where the partitions it reads end.
 * The platform's consumers commit an offset only once the records below it are applied (a batch
 * consumer after its projection, a single-event consumer after its handler or the record's
 * dead-lettering), so a group with nothing {@linkplain #behind(String) behind} has applied every
 * event published so far. Needs a user who may describe groups and topics (the broker's admin).
 */
public final class ConsumerProgress {

    private static final long TIMEOUT_SECONDS = 10;

    private final Admin admin;

    public ConsumerProgress(Admin admin) {
        this.admin = admin;
    }

    /** The consumer groups that have members now. */
    public Map<String, ConsumerGroupDescription> liveGroups() {
        List<String> groups = await(admin.listConsumerGroups().all()).stream().map(ConsumerGroupListing::groupId).toList();
        if (groups.isEmpty()) {
            return Map.of();
        }
        return await(admin.describeConsumerGroups(groups).all()).entrySet().stream()
                .filter(group -> !group.getValue().members().isEmpty())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The offsets a group has committed: per partition, the offset of the next record it will apply. */
    public Map<TopicPartition, Long> committed(String group) {
        Map<TopicPartition, OffsetAndMetadata> committed = await(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
        Map<TopicPartition, Long> offsets = new HashMap<>();
        committed.forEach((partition, offset) -> {
            if (offset != null) {
                offsets.put(partition, offset.offset());
            }
        });
        return offsets;
    }

    /**
     * The records a group has yet to apply, for each partition that has any: the partitions it has
     * committed on and those its members are assigned now. A partition it never committed on counts
     * from offset 0, since the event topics keep their records for good.
     */
    public Map<TopicPartition, Long> behind(ConsumerGroupDescription group) {
        Map<TopicPartition, Long> committed = committed(group.groupId());
        Set<TopicPartition> partitions = new HashSet<>(committed.keySet());
        for (MemberDescription member : group.members()) {
            partitions.addAll(member.assignment().topicPartitions());
        }
        Map<TopicPartition, Long> behind = new HashMap<>();
        endOffsets(partitions).forEach((partition, end) -> {
            long lag = end - committed.getOrDefault(partition, 0L);
            if (lag > 0) {
                behind.put(partition, lag);
            }
        });
        return behind;
    }

    /** Where each partition ends now: the offset the next record published to it will get. */
    public Map<TopicPartition, Long> endOffsets(Set<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> latest = partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = await(admin.listOffsets(latest).all());
        Map<TopicPartition, Long> offsets = new HashMap<>();
        ends.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private static <T> T await(KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking the broker about its consumer groups", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not ask the broker about its consumer groups: " + e, e);
        }
    }
}
