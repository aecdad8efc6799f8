package no.samhandling.platform.deadletters;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * A record on one of the service's dead-letter topics, read without its payload: what it claims to
 * be (its CloudEvents headers), where it came from, and why it failed (the cause headers the
 * consumer engine wrote). The payload stays in Kafka; only its size is known here.
 */
record DeadLetter(String topic, int partition, long offset, Instant deadLetteredAt, Headers headers, int payloadSize,
        byte[] payload) {

    static final int MAX_HEADER = 200;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final String FQCN = "kafka_dlt-exception-fqcn";
    private static final String MESSAGE = "kafka_dlt-exception-message";

    static DeadLetter of(ConsumerRecord<byte[], byte[]> record) {
        return new DeadLetter(record.topic(), record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                record.headers(), record.value() == null ? 0 : record.value().length, record.value());
    }

    /** {@code <dead-letter topic>-<partition>@<offset>}: names the record in marks and journals. */
    String id() {
        return topic + "-" + partition + "@" + offset;
    }

    String originalTopic() {
        String named = text("kafka_dlt-original-topic");
        return named != null ? named : topic.substring(0, topic.indexOf(".", topic.indexOf(".") + 1));
    }

    Integer originalPartition() {
        Header header = headers.lastHeader("kafka_dlt-original-partition");
        return header == null || header.value().length != Integer.BYTES ? null : ByteBuffer.wrap(header.value()).getInt();
    }

    Long originalOffset() {
        Header header = headers.lastHeader("kafka_dlt-original-offset");
        return header == null || header.value().length != Long.BYTES ? null : ByteBuffer.wrap(header.value()).getLong();
    }

    String municipality() {
        return text("ce_municipality");
    }

    String cause() {
        String className = text(FQCN);
        if (className == null) {
            return null;
        }
        String message = text(MESSAGE);
        String simpleName = className.substring(className.lastIndexOf('.') + 1);
        return message == null || message.isEmpty() ? simpleName : simpleName + ": " + message;
    }

    Summary summary(boolean replayed) {
        return new Summary(topic, partition, offset, originalTopic(), originalPartition(), originalOffset(), text("ce_type"),
                text("ce_id"), text("ce_source"), text("ce_time"), deadLetteredAt, cause(), replayed);
    }

    Detail detail(boolean replayed) {
        Map<String, String> shown = new LinkedHashMap<>();
        for (Header header : headers) {
            shown.put(header.key(), shown(header));
        }
        return new Detail(summary(replayed), shown, payloadSize);
    }

    private String text(String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : printable(new String(header.value(), StandardCharsets.UTF_8));
    }

    /** The numbers spring-kafka writes as bytes are shown as numbers; everything else as bounded text. */
    private static String shown(Header header) {
        byte[] value = header.value();
        if (value == null) {
            return null;
        }
        if (header.key().equals("kafka_dlt-original-partition") && value.length == Integer.BYTES) {
            return String.valueOf(ByteBuffer.wrap(value).getInt());
        }
        if ((header.key().equals("kafka_dlt-original-offset") || header.key().equals("kafka_dlt-original-timestamp"))
                && value.length == Long.BYTES) {
            return String.valueOf(ByteBuffer.wrap(value).getLong());
        }
        return printable(new String(value, StandardCharsets.UTF_8));
    }

    private static String printable(String text) {
        String clean = CONTROL.matcher(text).replaceAll("?");
        return clean.length() <= MAX_HEADER ? clean : clean.substring(0, MAX_HEADER - 1) + "…";
    }

    /**
     * One dead letter in a list: where it is, what it claims to be, when and why it failed. Never
     * its payload.
     *
     * @param time the event's own time ({@code ce_time}), as the record claims it
     */
    record Summary(String deadLetterTopic, int partition, long offset, String originalTopic, Integer originalPartition,
            Long originalOffset, String eventType, String eventId, String source, String time, Instant deadLetteredAt,
            String cause, boolean replayed) {
    }

    /** One dead letter inspected: its headers too, and its payload only as a size. */
    record Detail(Summary deadLetter, Map<String, String> headers, int payloadBytes) {
    }
}
