package no.samhandling.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON form of events, shared by producers, consumers and the golden fixtures. */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .changeDefaultPropertyInclusion(include -> include.withValueInclusion(JsonInclude.Include.NON_NULL))
            // Contract changes are additive: an older consumer ignores fields it does not know yet.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public static byte[] write(DomainEvent event) {
        return MAPPER.writeValueAsBytes(event);
    }

    public static String writeString(DomainEvent event) {
        return MAPPER.writeValueAsString(event);
    }

    /** Reads an event of the given logical type; anything that is not a valid event is an {@link InvalidEventException}. */
    public static DomainEvent read(String type, byte[] json) {
        EventDefinition definition = EventCatalogue.byType(type)
                .orElseThrow(() -> new UnknownEventTypeException(type));
        try {
            return MAPPER.readValue(json, definition.javaType());
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new InvalidEventException("Payload is not a valid " + type + ": " + e.getClass().getSimpleName(), e);
        }
    }

    private EventJson() {
    }
}
