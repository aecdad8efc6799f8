package no.samhandling.platform.events;

import java.util.List;

import no.samhandling.events.DomainEvent;

/** For aggregates' unit tests: the events a change raised, which the store would write with it. */
public final class PendingEvents {

    public static List<DomainEvent> of(AggregateRoot aggregate) {
        return aggregate.pendingEvents();
    }

    private PendingEvents() {
    }
}
