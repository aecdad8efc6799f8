package no.samhandling.platform.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.messaging.Message;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventCatalogue;

/**
 * Builds the Spring Cloud Stream consumer function for one binding: the engine's single-event mode
 * (see {@link EventConsumers}) with a table of handlers by event type.
 *
 * <pre>{@code
 * @Bean
 * Consumer<Message<byte[]>> referralEvents(EventConsumers consumers, ReferralFigures figures) {
 *     return consumers.on(ReferralSubmitted.class, figures::on).build();
 * }
 * }</pre>
 */
public final class EventHandlers {

    private final EventConsumers consumers;
    private final Map<Class<? extends DomainEvent>, Consumer<DomainEvent>> handlers = new LinkedHashMap<>();

    EventHandlers(EventConsumers consumers) {
        this.consumers = consumers;
    }

    @SuppressWarnings("unchecked")
    public <E extends DomainEvent> EventHandlers on(Class<E> type, Consumer<? super E> handler) {
        EventCatalogue.of(type);
        handlers.put(type, event -> ((Consumer<DomainEvent>) handler).accept(event));
        return this;
    }

    public Consumer<Message<byte[]>> build() {
        SingleEventConsumer consumer = consumers.singleEvent(handlers);
        handlers.clear();
        return consumer::accept;
    }
}
