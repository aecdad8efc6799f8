package no.samhandling.reporting.projection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.samhandling.events.DomainEvent;

/** The counters a list of events projects to, without a store: for tests that start from events. */
public final class ProjectedCounters {

    /** Counter id ({@link Counters#id}) to count. */
    public static Map<String, Long> of(List<DomainEvent> events) {
        Map<String, Long> counters = new LinkedHashMap<>();
        FigureProjection.project(events, Map.of()).increments()
                .forEach(increment -> counters.merge(increment.id(), increment.delta(), Long::sum));
        return counters;
    }

    private ProjectedCounters() {
    }
}
