package no.samhandling.platform.events;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;

import no.samhandling.events.DomainEvent;

/**
 * Base of every aggregate stored through an {@link AggregateStore}. State changes raise events;
 * the store writes the new state and those events in one atomic document write, and the
 * {@link OutboxRelay} publishes them afterwards.
 */
public abstract class AggregateRoot {

    @Id
    protected String id;

    /** Kommunenummer of the owning municipality: every aggregate belongs to exactly one tenant. */
    protected String municipality;

    /** Optimistic concurrency: managed by the store, never by the aggregate itself. */
    protected Long version;

    @Transient
    private final List<DomainEvent> pendingEvents = new ArrayList<>();

    protected AggregateRoot() {
    }

    protected AggregateRoot(String id, String municipality) {
        this.id = id;
        this.municipality = municipality;
    }

    public String id() {
        return id;
    }

    public String municipality() {
        return municipality;
    }

    public Long version() {
        return version;
    }

    /** Records an event that will be published if and only if this state change is stored. */
    protected void raise(DomainEvent event) {
        if (!id.equals(event.aggregateId()) || !municipality.equals(event.municipality())) {
            throw new IllegalArgumentException("event belongs to another aggregate or municipality");
        }
        pendingEvents.add(event);
    }

    /** The events raised since the last save, which the store writes with the state; for aggregates' unit tests too. */
    public List<DomainEvent> pendingEvents() {
        return List.copyOf(pendingEvents);
    }

    void markStored(long newVersion) {
        this.version = newVersion;
        pendingEvents.clear();
    }
}
