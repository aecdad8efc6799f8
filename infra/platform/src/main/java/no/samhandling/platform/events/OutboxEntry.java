package no.samhandling.platform.events;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventCatalogue;
import no.samhandling.events.EventDefinition;
import no.samhandling.events.EventJson;

/**
 * An event waiting in its aggregate's document to be published. The payload is kept as the exact
 * JSON that will go on the wire, so relaying never depends on the record class still existing.
 */
record OutboxEntry(
        String eventId,
        String type,
        String topic,
        String key,
        Instant time,
        String municipality,
        String payload,
        String traceparent) {

    static final String FIELD = "outbox";

    static OutboxEntry of(DomainEvent event, String traceparent) {
        EventDefinition definition = EventCatalogue.of(event);
        return new OutboxEntry(event.eventId().toString(), definition.type(), definition.topic(),
                event.aggregateId(), event.occurredAt(), event.municipality(), EventJson.writeString(event), traceparent);
    }

    Document toDocument() {
        Document document = new Document("eventId", eventId)
                .append("type", type)
                .append("topic", topic)
                .append("key", key)
                .append("time", Date.from(time))
                .append("municipality", municipality)
                .append("payload", payload);
        if (traceparent != null) {
            document.append("traceparent", traceparent);
        }
        return document;
    }

    static OutboxEntry fromDocument(Document document) {
        return new OutboxEntry(
                document.getString("eventId"),
                document.getString("type"),
                document.getString("topic"),
                document.getString("key"),
                document.getDate("time").toInstant(),
                document.getString("municipality"),
                document.getString("payload"),
                document.getString("traceparent"));
    }
}
