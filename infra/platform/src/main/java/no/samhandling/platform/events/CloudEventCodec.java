package no.samhandling.platform.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.messaging.Message;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventJson;
import no.samhandling.events.InvalidEventException;
import no.samhandling.events.Topics;

/**
 * Events on the wire are CloudEvents 1.0 in Kafka binary mode: the attributes travel as
 * {@code ce_*} headers and the record value is the event's JSON, so any Kafka client can read them.
 */
public final class CloudEventCodec {

    /** CloudEvents extension naming the tenant, so that routing needs no payload parsing. */
    public static final String MUNICIPALITY = "municipality";
    public static final String TRACEPARENT = "traceparent";
    static final String JSON = "application/json";

    private final URI source;

    public CloudEventCodec(String applicationName) {
        this.source = URI.create(Topics.source(applicationName));
    }

    ProducerRecord<String, byte[]> toRecord(OutboxEntry entry) {
        return toRecord(entry, source);
    }

    private static ProducerRecord<String, byte[]> toRecord(OutboxEntry entry, URI source) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(entry.eventId())
                .withSource(source)
                .withType(entry.type())
                .withTime(entry.time().atOffset(ZoneOffset.UTC))
                .withSubject(entry.key())
                .withDataContentType(JSON)
                .withExtension(MUNICIPALITY, entry.municipality())
                .withData(entry.payload().getBytes(StandardCharsets.UTF_8))
                .build();
        ProducerRecord<String, byte[]> record = KafkaMessageFactory.createWriter(entry.topic(), entry.key()).writeBinary(event);
        if (entry.traceparent() != null) {
            record.headers().add(TRACEPARENT, entry.traceparent().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    /**
     * A domain event as its topic's owner would publish it, for tests and tools that stand in for
     * that service (consumers refuse a record from anyone else).
     */
    public ProducerRecord<String, byte[]> toRecord(DomainEvent event) {
        OutboxEntry entry = OutboxEntry.of(event, null);
        return toRecord(entry, URI.create(Topics.source(Topics.owner(entry.topic()))));
    }

    /** Reads a consumed message into a domain event, or fails with {@link InvalidEventException}. */
    public static DomainEvent decode(Message<byte[]> message) {
        return decode(kafkaHeaders(message.getHeaders()), message.getPayload());
    }

    public static DomainEvent decode(Headers headers, byte[] value) {
        CloudEvent cloudEvent;
        try {
            cloudEvent = KafkaMessageFactory.createReader(headers, value).toEvent();
        } catch (CloudEventRWException | IllegalStateException e) {
            throw new InvalidEventException("Not a CloudEvents binary-mode record: " + e.getClass().getSimpleName(), e);
        }
        if (cloudEvent.getData() == null) {
            throw new InvalidEventException("CloudEvent " + cloudEvent.getId() + " has no data");
        }
        DomainEvent event = EventJson.read(cloudEvent.getType(), cloudEvent.getData().toBytes());
        if (!event.eventId().toString().equals(cloudEvent.getId())
                || !event.aggregateId().equals(cloudEvent.getSubject())
                || !event.municipality().equals(cloudEvent.getExtension(MUNICIPALITY))) {
            throw new InvalidEventException("CloudEvent " + cloudEvent.getId() + " attributes contradict its payload");
        }
        return event;
    }

    /** The binder hands Kafka headers over as message headers, as raw bytes unless they were mapped. */
    static Headers kafkaHeaders(Map<String, Object> messageHeaders) {
        RecordHeaders headers = new RecordHeaders();
        messageHeaders.forEach((name, value) -> {
            if (name.startsWith("ce_") || name.equals("content-type") || name.equals("contentType")) {
                String kafkaName = name.equals("contentType") ? "content-type" : name;
                if (headers.lastHeader(kafkaName) == null) {
                    headers.add(kafkaName, bytes(value));
                }
            }
        });
        return headers;
    }

    private static byte[] bytes(Object value) {
        if (value instanceof byte[] raw) {
            return raw;
        }
        return String.valueOf(value).getBytes(StandardCharsets.UTF_8);
    }
}
