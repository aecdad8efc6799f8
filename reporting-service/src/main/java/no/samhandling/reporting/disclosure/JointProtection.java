package no.samhandling.reporting.disclosure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NoFeasibleSolutionException;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.PivotSelectionRule;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * Decides which open cells of a {@link ProtectionProblem} to hide, so that every hidden cell keeps a
 * feasible range at least the threshold wide under everything published and every structural fact:
 *
 * <ol>
 * <li>Primary suppression: an open count from 1 to threshold − 1 is hidden, and so is every cell
 * forced hidden (a breakdown of a population too small to break down).</li>
 * <li>Each hidden cell's range is the minimum and maximum it can take over all non-negative
 * solutions of the facts with the shown cells at their values (two linear programs over the
 * hidden cells and latent quantities linked to it). When it is narrower than the threshold, a
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
    private static final int MAX_ITERATIONS = 1_000_000;

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
        while (!queue.isEmpty()) {
            int cell = queue.poll();
            double[] range = range(problem, hidden, cell);
            if (range[1] - range[0] >= threshold - EPSILON) {
                continue;
            }
            double missing = range[0] + threshold - problem.quantity(cell).value();
            BitSet more = cheapestCover(problem, hidden, cell, Math.ceil(missing - EPSILON));
            if (more == null || more.isEmpty()) {
                more = openShown(problem, hidden);
                BitSet everything = (BitSet) hidden.clone();
                everything.or(more);
                double[] widest = range(problem, everything, cell);
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
        if (!hidden.get(cell)) {
            double value = problem.quantity(cell).value();
            return new double[] {value, value};
        }
        Component component = component(problem, hidden, cell);
        if (component.facts.isEmpty()) {
            return new double[] {0, Double.POSITIVE_INFINITY};
        }
        int target = component.position.get(cell);
        double lowest = optimise(component, target, GoalType.MINIMIZE);
        double highest = optimise(component, target, GoalType.MAXIMIZE);
        return new double[] {lowest, highest};
    }

    /** The hidden quantities linked to the cell through facts, and those facts with the shown cells as constants. */
    private static Component component(ProtectionProblem problem, BitSet hidden, int cell) {
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
        java.util.Set<ProtectionProblem.Fact> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Deque<Integer> queue = new ArrayDeque<>(List.of(cell));
        position.put(cell, 0);
        while (!queue.isEmpty()) {
            int at = queue.poll();
            for (ProtectionProblem.Fact fact : factsOf.getOrDefault(at, List.of())) {
                if (!seen.add(fact)) {
                    continue;
                }
                facts.add(fact);
                for (int other : fact.terms().keySet()) {
                    if (hidden.get(other) && !position.containsKey(other)) {
                        position.put(other, position.size());
                        queue.add(other);
                    }
                }
            }
        }
        List<LinearConstraint> constraints = new ArrayList<>();
        for (ProtectionProblem.Fact fact : facts) {
            double[] coefficients = new double[position.size()];
            double constant = fact.constant();
            for (Map.Entry<Integer, Long> term : fact.terms().entrySet()) {
                Integer column = position.get(term.getKey());
                if (column == null) {
                    constant -= term.getValue() * problem.quantity(term.getKey()).value();
                } else {
                    coefficients[column] += term.getValue();
                }
            }
            constraints.add(new LinearConstraint(coefficients, fact.equality() ? Relationship.EQ : Relationship.LEQ, constant));
        }
        return new Component(position, facts, constraints);
    }

    private static double optimise(Component component, int target, GoalType goal) {
        double[] objective = new double[component.position.size()];
        objective[target] = 1;
        try {
            PointValuePair optimum = new SimplexSolver(EPSILON, 10, 1e-11).optimize(new MaxIter(MAX_ITERATIONS),
                    new LinearObjectiveFunction(objective, 0), new LinearConstraintSet(component.constraints), goal,
                    new NonNegativeConstraint(true), PivotSelectionRule.BLAND);
            return optimum.getValue();
        } catch (UnboundedSolutionException e) {
            return goal == GoalType.MAXIMIZE ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        } catch (NoFeasibleSolutionException e) {
            throw new IllegalStateException("the true counts satisfy every fact, so the problem is feasible", e);
        }
    }

    /**
     * The cheapest open, shown cells to hide so that the cell can rise by {@code rise} above its true
     * value: a deviation d with A·d = 0 on equalities, A·d ≤ slack on inequalities, value + d ≥ 0,
     * d = 0 on cells shown in earlier releases, minimising Σ cost × |d| over the open shown cells.
     * Null when there is none.
     */
    private static BitSet cheapestCover(ProtectionProblem problem, BitSet hidden, int cell, double rise) {
        BitSet movable = (BitSet) hidden.clone();
        movable.or(openShown(problem, hidden));
        // Only quantities linked to the cell through movable ones can take part in its deviation.
        Component reach = component(problem, movable, cell);
        List<Integer> free = new ArrayList<>(reach.position.keySet());
        Map<Integer, Integer> column = new HashMap<>();
        for (int at = 0; at < free.size(); at++) {
            column.put(free.get(at), at);
        }
        // Variables: up and down deviation of each free quantity.
        int width = 2 * free.size();
        List<LinearConstraint> constraints = new ArrayList<>();
        for (ProtectionProblem.Fact fact : reach.facts) {
            double[] coefficients = new double[width];
            boolean touchesFree = false;
            long atTrueValues = 0;
            for (Map.Entry<Integer, Long> term : fact.terms().entrySet()) {
                atTrueValues += term.getValue() * problem.quantity(term.getKey()).value();
                Integer at = column.get(term.getKey());
                if (at != null) {
                    coefficients[2 * at] += term.getValue();
                    coefficients[2 * at + 1] -= term.getValue();
                    touchesFree = true;
                }
            }
            if (touchesFree) {
                constraints.add(fact.equality() ? new LinearConstraint(coefficients, Relationship.EQ, 0)
                        : new LinearConstraint(coefficients, Relationship.LEQ, fact.constant() - atTrueValues));
            }
        }
        for (int at = 0; at < free.size(); at++) {
            double[] down = new double[width];
            down[2 * at + 1] = 1;
            constraints.add(new LinearConstraint(down, Relationship.LEQ, problem.quantity(free.get(at)).value()));
        }
        double[] target = new double[width];
        target[2 * column.get(cell)] = 1;
        target[2 * column.get(cell) + 1] = -1;
        constraints.add(new LinearConstraint(target, Relationship.EQ, rise));
        double[] costs = new double[width];
        for (int at = 0; at < free.size(); at++) {
            int quantity = free.get(at);
            double cost = hidden.get(quantity) ? 0 : problem.quantity(quantity).cost();
            costs[2 * at] = cost;
            costs[2 * at + 1] = cost;
        }
        PointValuePair optimum;
        try {
            optimum = new SimplexSolver(EPSILON, 10, 1e-11).optimize(new MaxIter(MAX_ITERATIONS), new LinearObjectiveFunction(costs, 0),
                    new LinearConstraintSet(constraints), GoalType.MINIMIZE, new NonNegativeConstraint(true), PivotSelectionRule.BLAND);
        } catch (NoFeasibleSolutionException | UnboundedSolutionException e) {
            return null;
        }
        BitSet more = new BitSet();
        double[] deviation = optimum.getPoint();
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

    private record Component(Map<Integer, Integer> position, List<ProtectionProblem.Fact> facts, List<LinearConstraint> constraints) {
    }
}
