package no.samhandling.reporting.disclosure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which open cells of a {@link ProtectionProblem} to hide, so that every hidden cell keeps a
 * feasible range at least the threshold wide under everything published and every structural fact:
 *
 * <ol>
 * <li>Primary suppression: an open count from 1 to threshold − 1 is hidden, and so is every cell
 * forced hidden (a breakdown of a population too small to break down).</li>
 * <li>Each hidden cell's range is the minimum and maximum it can take over all non-negative
 * solutions of the facts with the shown cells at their values (two linear programs over the
 * hidden cells and latent quantities linked to it), each bound moved in to a whole number, as a
 * reader who knows counts are whole would. When it is narrower than the threshold, a
 * third linear program finds the cheapest open cells whose hiding lets the cell move far enough:
 * a deviation from the true counts that satisfies every fact, keeps every count non-negative,
 * moves the cell up by what is missing and touches no shown cell but those it hides.</li>
 * </ol>
 * Hiding a cell only ever widens other cells' ranges, so one pass over the hidden cells (with the
 * newly hidden ones appended) settles the problem. Should no cheapest set be found while hiding
 * every open cell would do, every open cell is hidden. A cell that no suppression can widen (fixed
 * by structure alone, such as the escalations of an arena that escalates nowhere, or by what
 * earlier releases showed) is left as it is: hiding more would cost figures and protect nothing.
 */
public final class JointProtection {

    private static final double EPSILON = 1e-7;
    /** How far from a cell (in facts) its cheapest cover is looked for first; most covers are a few cells around it. */
    private static final int[] RADII = {2, 4, Integer.MAX_VALUE};

    private final int threshold;

    public JointProtection(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1");
        }
        this.threshold = threshold;
    }

    /** The hidden quantities after protection (earlier hidden, latent and newly hidden), by index. */
    public BitSet protect(ProtectionProblem problem) {
        int n = problem.size();
        BitSet hidden = new BitSet(n);
        for (int i = 0; i < n; i++) {
            ProtectionProblem.Quantity quantity = problem.quantity(i);
            boolean primary = quantity.state() == ProtectionProblem.State.OPEN && quantity.value() > 0 && quantity.value() < threshold;
            if (quantity.state() == ProtectionProblem.State.HIDDEN || quantity.state() == ProtectionProblem.State.FORCED_HIDDEN || primary) {
                hidden.set(i);
            }
        }
        Deque<Integer> queue = new ArrayDeque<>();
        hidden.stream().filter(i -> !problem.quantity(i).latent()).forEach(queue::add);
        BitSet queued = (BitSet) hidden.clone();
        Map<BitSet, Component> solved = new HashMap<>();
        while (!queue.isEmpty()) {
            int cell = queue.poll();
            double[] range = range(problem, hidden, cell, solved, true);
            if (range[1] - range[0] >= threshold - EPSILON) {
                continue;
            }
            double missing = range[0] + threshold - problem.quantity(cell).value();
            BitSet more = null;
            for (int radius : RADII) {
                more = cheapestCover(problem, hidden, cell, Math.ceil(missing - EPSILON), radius);
                if (more != null && !more.isEmpty()) {
                    break;
                }
            }
            if (more == null || more.isEmpty()) {
                more = openShown(problem, hidden);
                BitSet everything = (BitSet) hidden.clone();
                everything.or(more);
                double[] widest = range(problem, everything, cell, new HashMap<>(), true);
                if (more.isEmpty() || widest[1] - widest[0] < threshold - EPSILON) {
                    // Determined by structure alone, or by what earlier releases showed: no suppression now changes that.
                    // A new cell fixed at its value whatever else is hidden tells nothing when shown.
                    if (widest[1] - widest[0] < EPSILON && isNew(problem, cell)) {
                        hidden.clear(cell);
                    }
                    continue;
                }
            }
            hidden.or(more);
            more.stream().forEach(added -> {
                if (!queued.get(added)) {
                    queued.set(added);
                    queue.add(added);
                }
            });
            queue.addFirst(cell);
        }
        return hidden;
    }

    /** The smallest and largest value the quantity can take (the largest may be infinite). */
    public double[] range(ProtectionProblem problem, BitSet hidden, int cell) {
        return range(problem, hidden, cell, new HashMap<>(), false);
    }

    /**
     * The range, with the linear programs of components already solved kept in {@code solved}: one
     * feasible basis per component serves every cell in it. A component is its set of hidden
     * quantities, which decides its facts and constants, so a solved one stays valid while hiding
     * more changes other components.
     */
    private double[] range(ProtectionProblem problem, BitSet hidden, int cell, Map<BitSet, Component> solved, boolean enough) {
        if (!hidden.get(cell)) {
            double value = problem.quantity(cell).value();
            return new double[] {value, value};
        }
        Component component = component(problem, hidden, cell, Integer.MAX_VALUE);
        if (component.facts.isEmpty()) {
            return new double[] {0, Double.POSITIVE_INFINITY};
        }
        Component known = solved.computeIfAbsent(component.members(), members -> component);
        double[] objective = new double[known.position.size()];
        objective[known.position.get(cell)] = 1;
        LinearProgram program = known.program();
        if (!program.feasible()) {
            throw new IllegalStateException("the true counts satisfy every fact, so the facts have a solution");
        }
        // Counts are whole, so a reader moves each bound in to the nearest whole number.
        double highest = Math.floor(program.maximise(objective) + EPSILON);
        double value = problem.quantity(cell).value();
        if (enough && highest - value >= threshold - EPSILON) {
            // The true value is within the range, so it is wide enough whatever its lower end.
            return new double[] {value, highest};
        }
        // + 0.0 turns a lower bound of -0.0 into 0.0.
        return new double[] {Math.ceil(program.minimise(objective) - EPSILON) + 0.0, highest};
    }

    /** The hidden quantities linked to the cell through facts, and those facts with the shown cells as constants. */
    private static Component component(ProtectionProblem problem, BitSet hidden, int cell, int radius) {
        Map<Integer, List<ProtectionProblem.Fact>> factsOf = new HashMap<>();
        for (ProtectionProblem.Fact fact : problem.facts()) {
            for (int at : fact.terms().keySet()) {
                if (hidden.get(at)) {
                    factsOf.computeIfAbsent(at, key -> new ArrayList<>()).add(fact);
                }
            }
        }
        Map<Integer, Integer> position = new LinkedHashMap<>();
        List<ProtectionProblem.Fact> facts = new ArrayList<>();
        Set<ProtectionProblem.Fact> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Integer> queue = new ArrayDeque<>(List.of(cell));
        Map<Integer, Integer> depth = new HashMap<>(Map.of(cell, 0));
        position.put(cell, 0);
        while (!queue.isEmpty()) {
            int at = queue.poll();
            if (depth.get(at) >= radius) {
                continue;
            }
            for (ProtectionProblem.Fact fact : factsOf.getOrDefault(at, List.of())) {
                if (!seen.add(fact)) {
                    continue;
                }
                facts.add(fact);
                for (int other : fact.terms().keySet()) {
                    if (hidden.get(other) && !position.containsKey(other)) {
                        position.put(other, position.size());
                        depth.put(other, depth.get(at) + 1);
                        queue.add(other);
                    }
                }
            }
        }
        return new Component(position, facts, problem);
    }

    /**
     * The cheapest open, shown cells to hide so that the cell can rise by {@code rise} above its true
     * value: a deviation d with A·d = 0 on equalities, A·d ≤ slack on inequalities, value + d ≥ 0,
     * d = 0 on cells shown in earlier releases, minimising Σ cost × |d| over the open shown cells.
     * Null when there is none.
     */
    private static BitSet cheapestCover(ProtectionProblem problem, BitSet hidden, int cell, double rise, int radius) {
        BitSet movable = (BitSet) hidden.clone();
        movable.or(openShown(problem, hidden));
        // Only quantities linked to the cell through movable ones can take part in its deviation.
        Component reach = component(problem, movable, cell, radius);
        List<Integer> free = new ArrayList<>(reach.position.keySet());
        Map<Integer, Integer> column = new HashMap<>();
        for (int at = 0; at < free.size(); at++) {
            column.put(free.get(at), at);
        }
        // Variables: up and down deviation of each free quantity.
        int width = 2 * free.size();
        LinearProgram program = new LinearProgram(width);
        for (ProtectionProblem.Fact fact : reach.facts) {
            Map<Integer, Double> terms = new HashMap<>();
            long atTrueValues = 0;
            for (Map.Entry<Integer, Long> term : fact.terms().entrySet()) {
                atTrueValues += term.getValue() * problem.quantity(term.getKey()).value();
                Integer at = column.get(term.getKey());
                if (at != null) {
                    terms.merge(2 * at, (double) term.getValue(), Double::sum);
                    terms.merge(2 * at + 1, (double) -term.getValue(), Double::sum);
                }
            }
            if (fact.equality()) {
                program.constraint(terms, LinearProgram.Relation.EQUAL, 0);
            } else {
                program.constraint(terms, LinearProgram.Relation.AT_MOST, fact.constant() - atTrueValues);
            }
        }
        for (int at = 0; at < free.size(); at++) {
            program.constraint(Map.of(2 * at + 1, 1.0), LinearProgram.Relation.AT_MOST, problem.quantity(free.get(at)).value());
        }
        int target = column.get(cell);
        program.constraint(Map.of(2 * target, 1.0, 2 * target + 1, -1.0), LinearProgram.Relation.EQUAL, rise);
        double[] costs = new double[width];
        for (int at = 0; at < free.size(); at++) {
            int quantity = free.get(at);
            double cost = hidden.get(quantity) ? 0 : problem.quantity(quantity).cost();
            costs[2 * at] = cost;
            costs[2 * at + 1] = cost;
        }
        if (!program.feasible() || Double.isInfinite(program.minimise(costs))) {
            return null;
        }
        BitSet more = new BitSet();
        double[] deviation = program.solution();
        for (int at = 0; at < free.size(); at++) {
            int quantity = free.get(at);
            if (!hidden.get(quantity) && Math.abs(deviation[2 * at] - deviation[2 * at + 1]) > EPSILON) {
                more.set(quantity);
            }
        }
        return more;
    }

    private static boolean isNew(ProtectionProblem problem, int cell) {
        ProtectionProblem.State state = problem.quantity(cell).state();
        return state == ProtectionProblem.State.OPEN || state == ProtectionProblem.State.FORCED_HIDDEN;
    }

    private static BitSet openShown(ProtectionProblem problem, BitSet hidden) {
        BitSet open = new BitSet();
        for (int i = 0; i < problem.size(); i++) {
            if (!hidden.get(i) && problem.quantity(i).state() == ProtectionProblem.State.OPEN) {
                open.set(i);
            }
        }
        return open;
    }

    /** Hidden quantities linked by facts, and the linear program over them with everything shown as constants. */
    private static final class Component {

        final Map<Integer, Integer> position;
        final List<ProtectionProblem.Fact> facts;
        private final ProtectionProblem problem;
        private LinearProgram program;

        Component(Map<Integer, Integer> position, List<ProtectionProblem.Fact> facts, ProtectionProblem problem) {
            this.position = position;
            this.facts = facts;
            this.problem = problem;
        }

        BitSet members() {
            BitSet members = new BitSet();
            position.keySet().forEach(members::set);
            return members;
        }

        LinearProgram program() {
            if (program == null) {
                program = new LinearProgram(position.size());
                for (ProtectionProblem.Fact fact : facts) {
                    Map<Integer, Double> terms = new HashMap<>();
                    double constant = fact.constant();
                    for (Map.Entry<Integer, Long> term : fact.terms().entrySet()) {
                        Integer column = position.get(term.getKey());
                        if (column == null) {
                            constant -= term.getValue() * problem.quantity(term.getKey()).value();
                        } else {
                            terms.merge(column, (double) term.getValue(), Double::sum);
                        }
                    }
                    program.constraint(terms, fact.equality() ? LinearProgram.Relation.EQUAL : LinearProgram.Relation.AT_MOST, constant);
                }
            }
            return program;
        }
    }
}
