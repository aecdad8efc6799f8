package no.samhandling.platform.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

import io.micrometer.core.instrument.MeterRegistry;
import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventCatalogue;

/**
 * The engine's single-event mode: one record at a time from a Spring Cloud Stream binding, through
 * the {@link EventIntake}, the {@link Watermarks} and the handler table built by {@link EventHandlers}.
 * Failures propagate to the container, where {@link DeadLetters} retries and dead-letters them.
 */
final class SingleEventConsumer implements Replay {

    private final String group;
    private final Map<Class<? extends DomainEvent>, Consumer<DomainEvent>> handlers;
    private final EventIntake intake;
    private final Watermarks watermarks;
    private final MeterRegistry meters;
    private final AppliedOffsets applied;

    SingleEventConsumer(String group, Map<Class<? extends DomainEvent>, Consumer<DomainEvent>> handlers, EventIntake intake,
            Watermarks watermarks, MeterRegistry meters) {
        this.group = group;
        this.handlers = Map.copyOf(handlers);
        this.intake = intake;
        this.watermarks = watermarks;
        this.meters = meters;
        this.applied = new AppliedOffsets(watermarks, group);
    }

    /** The topics whose events the table handles. */
    List<String> topics() {
        return handlers.keySet().stream().map(type -> EventCatalogue.of(type).topic()).distinct().toList();
    }

    void accept(Message<byte[]> message) {
        MessageHeaders headers = message.getHeaders();
        String topic = headers.get(KafkaHeaders.RECEIVED_TOPIC, String.class);
        Integer partition = headers.get(KafkaHeaders.RECEIVED_PARTITION, Integer.class);
        Long offset = headers.get(KafkaHeaders.OFFSET, Long.class);
        if (topic == null || partition == null || offset == null) {
            throw new IllegalStateException("Not a record from a Kafka binding: no topic, partition or offset");
        }
        Headers kafkaHeaders = CloudEventCodec.kafkaHeaders(headers);
        if (applied.covers(topic, partition, offset)) {
            EventIntake.knownType(kafkaHeaders).ifPresent(type -> meters.counter("samhandling.events.duplicates", "type", type).increment());
            return;
        }
        Optional<DomainEvent> admitted = intake.admit(topic, kafkaHeaders, message.getPayload());
        if (admitted.isEmpty()) {
            return;
        }
        DomainEvent event = admitted.get();
        Consumer<DomainEvent> handler = handlers.get(event.getClass());
        if (handler == null) {
            return;
        }
        String type = EventCatalogue.of(event).type();
        String eventId = event.eventId().toString();
        long watermark = watermarks.applied(group, topic, partition);
        applied.raise(topic, partition, watermark);
        if (offset <= watermark || !watermarks.recentlyApplied(group, List.of(eventId)).isEmpty()) {
            meters.counter("samhandling.events.duplicates", "type", type).increment();
            return;
        }
        handler.accept(event);
        watermarks.advance(group, topic, partition, offset, List.of(eventId));
        applied.raise(topic, partition, offset);
        meters.counter("samhandling.events.handled", "type", type).increment();
    }

    @Override
    public String deadLetterGroup() {
        return group;
    }

    @Override
    public ReplayOutcome replay(String topic, int partition, String replayId, Headers headers, byte[] value) {
        Optional<DomainEvent> admitted = intake.admit(topic, headers, value);
        Consumer<DomainEvent> handler = admitted.map(event -> handlers.get(event.getClass())).orElse(null);
        if (handler == null) {
            return ReplayOutcome.NOT_HANDLED;
        }
        DomainEvent event = admitted.get();
        String eventId = event.eventId().toString();
        if (!watermarks.recentlyApplied(group, List.of(eventId)).isEmpty()) {
            return ReplayOutcome.ALREADY_APPLIED;
        }
        handler.accept(event);
        watermarks.remember(group, topic, partition, eventId);
        meters.counter("samhandling.events.handled", "type", EventCatalogue.of(event).type()).increment();
        return ReplayOutcome.APPLIED;
    }
}
