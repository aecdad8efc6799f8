package no.samhandling.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The golden JSON fixture of every event type, for producer and consumer contract tests. Shipped
 * in this module's test-jar; a fixture is exactly what {@link EventJson} writes for its event.
 */
public final class GoldenFixtures {

    /** The fixture's bytes, as they would arrive as a Kafka record value. */
    public static byte[] bytes(String type) {
        String resource = "fixtures/" + type + ".json";
        try (InputStream in = GoldenFixtures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No golden fixture for event type " + type);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture read as the event it describes. */
    public static DomainEvent event(String type) {
        return EventJson.read(type, bytes(type));
    }

    /** The fixture of an event record, typed: {@code GoldenFixtures.event(ReferralSubmitted.class)}. */
    public static <T extends DomainEvent> T event(Class<T> javaType) {
        return javaType.cast(event(EventCatalogue.of(javaType).type()));
    }

    private GoldenFixtures() {
    }
}
