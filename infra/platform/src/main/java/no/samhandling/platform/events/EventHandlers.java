package no.samhandling.platform.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.messaging.Message;

import io.micrometer.core.instrument.MeterRegistry;
import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventCatalogue;
import no.samhandling.events.UnknownEventTypeException;

/**
 * Builds the Spring Cloud Stream consumer function for one binding: decodes each CloudEvent,
 * skips events this consumer group has already handled, and dispatches the rest by event type.
 *
 * <pre>{@code
 * @Bean
 * Consumer<Message<byte[]>> referralEvents(EventConsumers consumers, ReferralFigures figures) {
 *     return consumers.on(ReferralSubmitted.class, figures::on).build();
 * }
 * }</pre>
 *
 * <p>A record that is not a valid event fails with {@code InvalidEventException} and goes straight
 * to the dead-letter topic; a handler that throws anything else is retried with backoff first.
 * Valid events of types the consumer has no handler for are acknowledged and ignored, and so are
 * CloudEvents of a type this version of the contracts does not know yet (a newer producer's
 * additive type), counted as {@code samhandling.events.unknown.type}.
 */
public final class EventHandlers {

    private final ProcessedEvents processed;
    private final String group;
    private final MeterRegistry meters;
    private final Map<Class<? extends DomainEvent>, Consumer<DomainEvent>> handlers = new LinkedHashMap<>();

    EventHandlers(ProcessedEvents processed, String group, MeterRegistry meters) {
        this.processed = processed;
        this.group = group;
        this.meters = meters;
    }

    @SuppressWarnings("unchecked")
    public <E extends DomainEvent> EventHandlers on(Class<E> type, Consumer<? super E> handler) {
        EventCatalogue.of(type);
        handlers.put(type, event -> ((Consumer<DomainEvent>) handler).accept(event));
        return this;
    }

    public Consumer<Message<byte[]>> build() {
        Map<Class<? extends DomainEvent>, Consumer<DomainEvent>> dispatch = Map.copyOf(handlers);
        handlers.clear();
        return message -> {
            DomainEvent event;
            try {
                event = CloudEventCodec.decode(message);
            } catch (UnknownEventTypeException newerThanThisConsumer) {
                meters.counter("samhandling.events.unknown.type", "type", newerThanThisConsumer.type()).increment();
                return;
            }
            handle(event, dispatch);
        };
    }

    private void handle(DomainEvent event, Map<Class<? extends DomainEvent>, Consumer<DomainEvent>> dispatch) {
        Consumer<DomainEvent> handler = dispatch.get(event.getClass());
        String type = EventCatalogue.of(event).type();
        if (handler == null) {
            return;
        }
        if (processed.isProcessed(group, event.eventId())) {
            meters.counter("samhandling.events.duplicates", "type", type).increment();
            return;
        }
        handler.accept(event);
        processed.markProcessed(group, event.eventId(), type);
        meters.counter("samhandling.events.handled", "type", type).increment();
    }
}
