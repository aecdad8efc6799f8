package no.samhandling.reporting.disclosure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything published about one kind of thing in one year, as a reader who wants to uncover a
 * hidden cell sees it: every cell (shown or hidden, in any release of the year), every quantity
 * the reader knows exists but that is never published (latent, such as cases closed), and every
 * structural fact linking them (a line adds up to its total, a half-year is its months, a backlog
 * is what entered less what left). Counts are never negative; the reader knows that too.
 *
 * <p>Cells of earlier releases are fixed: a shown one stays shown, a hidden one stays hidden. Only
 * the cells of the release being made are open to decide.
 */
public final class ProtectionProblem {

    /** What is known of a cell before protection decides. */
    public enum State {
        /** Shown in an earlier release: a known number. */
        SHOWN,
        /** Hidden in an earlier release: stays hidden, and must stay protected. */
        HIDDEN,
        /** Of the release being made: shown unless protection hides it. */
        OPEN,
        /** Of the release being made, and hidden whatever happens (its population is too small to break down). */
        FORCED_HIDDEN
    }

    /** A linear fact: the sum of coefficient × quantity is equal to, or at most, the constant. */
    public record Fact(Map<Integer, Long> terms, boolean equality, long constant) {
    }

    record Quantity(String id, long value, State state, boolean latent, double cost) {
    }

    private final List<Quantity> quantities = new ArrayList<>();
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final List<Fact> facts = new ArrayList<>();

    /**
     * A published cell.
     *
     * @param cost how much it costs the reader to lose this cell when it is hidden to protect another;
     *        protection hides the cheapest cells that do the job
     */
    public int cell(String id, long value, State state, double cost) {
        return add(new Quantity(id, value, state, false, cost));
    }

    /** A quantity the reader knows exists, and is never negative, but that no release publishes. */
    public int latent(String id, long value) {
        return add(new Quantity(id, value, State.HIDDEN, true, 0));
    }

    private int add(Quantity quantity) {
        if (quantity.value() < 0) {
            throw new IllegalArgumentException("a count is never negative: " + quantity.id());
        }
        if (index.containsKey(quantity.id())) {
            throw new IllegalArgumentException("already in the problem: " + quantity.id());
        }
        index.put(quantity.id(), quantities.size());
        quantities.add(quantity);
        return quantities.size() - 1;
    }

    public boolean has(String id) {
        return index.containsKey(id);
    }

    public int indexOf(String id) {
        Integer at = index.get(id);
        if (at == null) {
            throw new IllegalArgumentException("not in the problem: " + id);
        }
        return at;
    }

    /** Σ terms = constant. */
    public void equal(Map<Integer, Long> terms, long constant) {
        fact(new Fact(Map.copyOf(terms), true, constant));
    }

    /** Σ terms ≤ constant. */
    public void atMost(Map<Integer, Long> terms, long constant) {
        fact(new Fact(Map.copyOf(terms), false, constant));
    }

    /** The total is the sum of its parts. */
    public void sum(int total, List<Integer> parts) {
        Map<Integer, Long> terms = new LinkedHashMap<>();
        for (int part : parts) {
            terms.merge(part, 1L, Long::sum);
        }
        terms.merge(total, -1L, Long::sum);
        terms.values().removeIf(coefficient -> coefficient == 0);
        if (!terms.isEmpty()) {
            equal(terms, 0);
        }
    }

    /** Whether Σ terms = constant (or ≤ it) holds for the true counts. */
    public boolean holds(Map<Integer, Long> terms, boolean equality, long constant) {
        long atTrueValues = 0;
        for (Map.Entry<Integer, Long> term : terms.entrySet()) {
            atTrueValues += term.getValue() * quantities.get(term.getKey()).value();
        }
        return equality ? atTrueValues == constant : atTrueValues <= constant;
    }

    private void fact(Fact fact) {
        if (!holds(fact.terms(), fact.equality(), fact.constant())) {
            throw new IllegalArgumentException("a fact that does not hold for the true counts: " + describe(fact));
        }
        facts.add(fact);
    }

    String describe(Fact fact) {
        StringBuilder text = new StringBuilder();
        fact.terms().forEach((at, coefficient) -> text.append(coefficient > 0 ? " +" : " ").append(coefficient).append("·")
                .append(quantities.get(at).id()));
        return text.append(fact.equality() ? " = " : " ≤ ").append(fact.constant()).toString();
    }

    public int size() {
        return quantities.size();
    }

    Quantity quantity(int at) {
        return quantities.get(at);
    }

    List<Fact> facts() {
        return Collections.unmodifiableList(facts);
    }

    public String id(int at) {
        return quantities.get(at).id();
    }

    public long value(int at) {
        return quantities.get(at).value();
    }
}
