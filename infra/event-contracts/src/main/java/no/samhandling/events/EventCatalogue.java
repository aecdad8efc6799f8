package no.samhandling.events;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.samhandling.events.referral.ReferralSubmitted;

/**
 * Every event type the platform knows, with the topic it travels on. The catalogue is the single
 * place that maps a logical type name to a Java record, so that consumers never see class names.
 */
public final class EventCatalogue {

    private static final Map<String, EventDefinition> BY_TYPE = new LinkedHashMap<>();
    private static final Map<Class<?>, EventDefinition> BY_CLASS = new LinkedHashMap<>();

    static {
        register(Topics.REFERRAL_EVENTS, List.of(
                ReferralSubmitted.class));
    }

    private static void register(String topic, List<Class<? extends DomainEvent>> types) {
        for (Class<? extends DomainEvent> javaType : types) {
            EventType annotation = javaType.getAnnotation(EventType.class);
            if (annotation == null) {
                throw new IllegalStateException(javaType.getSimpleName() + " lacks @EventType");
            }
            EventDefinition definition = new EventDefinition(annotation.value(), topic, javaType);
            if (BY_TYPE.putIfAbsent(definition.type(), definition) != null) {
                throw new IllegalStateException("Duplicate event type " + definition.type());
            }
            BY_CLASS.put(javaType, definition);
        }
    }

    public static Collection<EventDefinition> all() {
        return BY_TYPE.values();
    }

    public static Optional<EventDefinition> byType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    public static EventDefinition of(Class<? extends DomainEvent> javaType) {
        EventDefinition definition = BY_CLASS.get(javaType);
        if (definition == null) {
            throw new IllegalArgumentException(javaType.getName() + " is not in the event catalogue");
        }
        return definition;
    }

    public static EventDefinition of(DomainEvent event) {
        return of(event.getClass());
    }

    private EventCatalogue() {
    }
}
