package no.samhandling.platform.events;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A consumer's memory of its group's {@link Watermarks}, read once per partition, so that a record
 * at or below the watermark is passed over before it is even read: after Kafka has lost the
 * group's offsets, the whole topic goes by again quickly, and nothing in it is dead-lettered a
 * second time. A watermark only moves forward, so a value remembered here is never above the
 * stored one, and skipping by it is always right; whatever is above it is checked against the
 * stored watermark before it is handled.
 */
final class AppliedOffsets {

    private final Watermarks watermarks;
    private final String group;
    private final Map<String, Long> known = new ConcurrentHashMap<>();

    AppliedOffsets(Watermarks watermarks, String group) {
        this.watermarks = watermarks;
        this.group = group;
    }

    boolean covers(String topic, int partition, long offset) {
        return offset <= known.computeIfAbsent(key(topic, partition), key -> watermarks.applied(group, topic, partition));
    }

    void raise(String topic, int partition, long offset) {
        known.merge(key(topic, partition), offset, Math::max);
    }

    private static String key(String topic, int partition) {
        return topic + "-" + partition;
    }
}
