package no.samhandling.reporting.projection;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one batch of events changes in a generation: counter increments (merged, so a batch of a
 * thousand referrals to one arena is one write), case states to store or delete, arena titles, and
 * the leadership items counted for the first time.
 */
final class Changes {

    record Increment(String id, String municipality, Metric metric, String key, String month, long delta) {
    }

    /** An arena's catalogue entry as the reports label it; organisational, never about a child. */
    record ArenaEntry(String id, String municipality, String arenaId, String title, boolean retired) {
    }

    private final Map<String, Increment> increments = new LinkedHashMap<>();
    /** Empty means: delete the state. */
    private final Map<String, Optional<CaseState>> cases = new LinkedHashMap<>();
    private final Map<String, ArenaEntry> arenas = new LinkedHashMap<>();
    /** Item key to the counter its registration adds one to. */
    private final Map<String, String> countedItems = new LinkedHashMap<>();

    void count(String municipality, Metric metric, String key, String month, long delta) {
        String id = Counters.id(municipality, metric, key, month);
        Increment current = increments.get(id);
        long total = (current == null ? 0 : current.delta()) + delta;
        increments.put(id, new Increment(id, municipality, metric, key, month, total));
    }

    void store(CaseState state) {
        cases.put(state.key(), Optional.of(state));
    }

    void delete(String caseKey) {
        cases.put(caseKey, Optional.empty());
    }

    void arena(ArenaEntry entry) {
        arenas.put(entry.id(), entry);
    }

    void counted(String itemKey, String counterId) {
        countedItems.put(itemKey, counterId);
    }

    Iterable<Increment> increments() {
        return increments.values().stream().filter(increment -> increment.delta() != 0).toList();
    }

    Map<String, Optional<CaseState>> cases() {
        return cases;
    }

    Iterable<ArenaEntry> arenas() {
        return arenas.values();
    }

    Map<String, String> countedItems() {
        return countedItems;
    }

    boolean isEmpty() {
        return !increments().iterator().hasNext() && cases.isEmpty() && arenas.isEmpty() && countedItems.isEmpty();
    }
}
