package no.samhandling.platform.events;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventCatalogue;
import no.samhandling.events.EventDefinition;
import no.samhandling.events.InvalidEventException;
import no.samhandling.events.Topics;
import no.samhandling.events.UnknownEventTypeException;

/**
 * What every consumer does with a record before any handler sees it, in both modes of the engine
 * and in replays: refuse a record its topic's owner did not write, read the CloudEvent, and let a
 * type from a newer contract pass by.
 */
final class EventIntake {

    static final String UNKNOWN_TYPE = "samhandling.events.unknown.type";
    static final String FOREIGN_SOURCE = "samhandling.events.foreign.source";

    private final MeterRegistry meters;

    EventIntake(MeterRegistry meters) {
        this.meters = meters;
    }

    /**
     * The record's event, or empty for a well-formed CloudEvent of a type this version of the
     * contracts does not know yet (a newer producer's additive type): acknowledged and counted,
     * under its topic, never under the type from the wire, so the metric's tags stay bounded.
     *
     * @throws ForeignSourceException when the record is not from the topic's owner
     * @throws InvalidEventException when the record is not a valid event
     */
    /** The record's type as its header names it, if the contracts know it; for counting what is passed over unread. */
    static Optional<String> knownType(Headers headers) {
        Header type = headers.lastHeader("ce_type");
        return type == null ? Optional.empty()
                : EventCatalogue.byType(new String(type.value(), StandardCharsets.UTF_8)).map(EventDefinition::type);
    }

    Optional<DomainEvent> admit(String topic, Headers headers, byte[] value) {
        String ownerSource = Topics.source(Topics.owner(topic));
        Header source = headers.lastHeader("ce_source");
        if (source != null && !ownerSource.equals(new String(source.value(), StandardCharsets.UTF_8))) {
            Counter.builder(FOREIGN_SOURCE).description("Records refused because their topic's owner did not write them")
                    .tag("topic", topic).register(meters).increment();
            throw new ForeignSourceException(topic, ownerSource);
        }
        try {
            return Optional.of(CloudEventCodec.decode(headers, value));
        } catch (UnknownEventTypeException newerThanThisConsumer) {
            Counter.builder(UNKNOWN_TYPE).description("Well-formed events of a type this consumer's contracts do not know yet")
                    .tag("topic", topic).register(meters).increment();
            return Optional.empty();
        }
    }
}
