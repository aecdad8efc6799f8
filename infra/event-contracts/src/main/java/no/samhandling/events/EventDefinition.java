package no.samhandling.events;

/** What the catalogue knows of one event type: its wire name, its topic and the record that carries it. */
public record EventDefinition(String type, String topic, Class<? extends DomainEvent> javaType) {
}
