package no.samhandling.reporting.projection;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
        counters.values().removeIf(count -> count == 0);
        return counters;
    }

    /**
     * Waits until the live generation holds every counter and arena the events project to, and has
     * committed all it read. A period's release
     * is made once, at the first read after it closed, so a test sends its events, waits for them
     * here, and only then reads: otherwise the release would be made, and frozen, without them.
     */
    public static void awaitProjected(ProjectionConsumers consumers, Generations generations, List<DomainEvent> events) {
        List<DomainEvent> distinct = events.stream().distinct().toList();
        Map<String, Object> expected = new LinkedHashMap<>(of(distinct));
        FigureProjection.project(distinct, Map.of()).arenas().forEach(arena ->
                expected.put("arena " + arena.id(), arena.title() + (arena.retired() ? " (retired)" : "")));
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Map<String, Object> contents = consumers.contents(generations.current());
            return expected.entrySet().stream().allMatch(counter -> counter.getValue().equals(contents.get(counter.getKey())));
        });
        // Releases are made only once the live generation has committed everything on the topics.
        await().atMost(Duration.ofSeconds(30)).until(consumers::caughtUp);
    }

    private ProjectedCounters() {
    }
}
