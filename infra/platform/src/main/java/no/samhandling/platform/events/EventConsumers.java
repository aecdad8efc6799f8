package no.samhandling.platform.events;

import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import no.samhandling.events.DomainEvent;

/**
 * Starts the handler table of one consumer binding, bound to this service's consumer group
 * (its application name). See {@link EventHandlers}.
 */
public final class EventConsumers {

    private final ProcessedEvents processed;
    private final String group;
    private final MeterRegistry meters;

    EventConsumers(ProcessedEvents processed, String group, MeterRegistry meters) {
        this.processed = processed;
        this.group = group;
        this.meters = meters;
    }

    public <E extends DomainEvent> EventHandlers on(Class<E> type, Consumer<? super E> handler) {
        return new EventHandlers(processed, group, meters).on(type, handler);
    }

    public String group() {
        return group;
    }
}
