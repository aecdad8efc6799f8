package no.samhandling.reporting.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The simplex on the kind of programs disclosure control asks (sums of counts with ±1
 * coefficients, equalities and upper bounds), checked without trusting it: each optimum is attained
 * by a feasible solution it returns, the true counts lie between the bounds, and the optimum equals
 * that of the dual program (strong duality), which the same simplex solves from the other side.
 */
class LinearProgramTest {

    private record Fact(double[] coefficients, LinearProgram.Relation relation, double constant) {
    }

    @Test
    void everyBoundIsAttainedFeasibleAndEqualToTheDualsOptimum() {
        Random random = new Random(7L);
        for (int round = 0; round < 300; round++) {
            int n = 2 + random.nextInt(12);
            long[] truth = new long[n];
            for (int i = 0; i < n; i++) {
                truth[i] = random.nextInt(4) == 0 ? 0 : random.nextInt(15);
            }
            List<Fact> facts = new ArrayList<>();
            int count = 1 + random.nextInt(n);
            for (int f = 0; f < count; f++) {
                double[] coefficients = new double[n];
                double atTruth = 0;
                for (int i = 0; i < n; i++) {
                    if (random.nextInt(3) == 0) {
                        coefficients[i] = random.nextBoolean() ? 1 : -1;
                        atTruth += coefficients[i] * truth[i];
                    }
                }
                boolean equality = random.nextInt(3) > 0;
                facts.add(new Fact(coefficients, equality ? LinearProgram.Relation.EQUAL : LinearProgram.Relation.AT_MOST,
                        equality ? atTruth : atTruth + random.nextInt(3)));
            }
            LinearProgram program = primal(facts, n);
            assertThat(program.feasible()).isTrue();
            for (int i = 0; i < n; i++) {
                double[] objective = new double[n];
                objective[i] = 1;
                double max = program.maximise(objective);
                assertThat((double) truth[i]).isLessThanOrEqualTo(max + 1e-6);
                if (!Double.isInfinite(max)) {
                    assertAttainedAndFeasible(program.solution(), facts, i, max);
                    assertThat(dualOptimum(facts, n, objective)).as("round %d, max of x%d", round, i).isCloseTo(max, within(1e-6));
                }
                double min = program.minimise(objective);
                assertThat((double) truth[i]).isGreaterThanOrEqualTo(min - 1e-6);
                assertAttainedAndFeasible(program.solution(), facts, i, min);
                double[] negated = new double[n];
                negated[i] = -1;
                assertThat(-dualOptimum(facts, n, negated)).as("round %d, min of x%d", round, i).isCloseTo(min, within(1e-6));
            }
        }
    }

    @Test
    void knowsWhenFactsHaveNoSolution() {
        LinearProgram program = new LinearProgram(2);
        program.constraint(Map.of(0, 1.0, 1, 1.0), LinearProgram.Relation.EQUAL, 3);
        program.constraint(Map.of(0, 1.0), LinearProgram.Relation.AT_LEAST, 4);

        assertThat(program.feasible()).isFalse();
    }

    @Test
    void anUnboundedObjectiveIsInfinite() {
        LinearProgram program = new LinearProgram(2);
        program.constraint(Map.of(0, 1.0, 1, -1.0), LinearProgram.Relation.EQUAL, 3);

        assertThat(program.maximise(new double[] {1, 0})).isInfinite();
        assertThat(program.minimise(new double[] {1, 0})).isEqualTo(3.0);
    }

    private static LinearProgram primal(List<Fact> facts, int n) {
        LinearProgram program = new LinearProgram(n);
        for (Fact fact : facts) {
            program.constraint(terms(fact.coefficients()), fact.relation(), fact.constant());
        }
        return program;
    }

    /**
     * max c·x, A x (=|≤) b, x ≥ 0 has the dual min b·y, Aᵀ y ≥ c, y ≥ 0 on ≤ rows and free on = rows
     * (written y = y⁺ − y⁻); solved here as max −b·y.
     */
    private static double dualOptimum(List<Fact> facts, int n, double[] objective) {
        int m = facts.size();
        LinearProgram dual = new LinearProgram(2 * m);
        for (int j = 0; j < n; j++) {
            Map<Integer, Double> terms = new HashMap<>();
            for (int r = 0; r < m; r++) {
                double a = facts.get(r).coefficients()[j];
                if (a != 0) {
                    terms.put(2 * r, a);
                    if (facts.get(r).relation() == LinearProgram.Relation.EQUAL) {
                        terms.put(2 * r + 1, -a);
                    }
                }
            }
            dual.constraint(terms, LinearProgram.Relation.AT_LEAST, objective[j]);
        }
        double[] costs = new double[2 * m];
        for (int r = 0; r < m; r++) {
            costs[2 * r] = facts.get(r).constant();
            costs[2 * r + 1] = facts.get(r).relation() == LinearProgram.Relation.EQUAL ? -facts.get(r).constant() : 0;
        }
        assertThat(dual.feasible()).as("a bounded primal has a feasible dual").isTrue();
        return dual.minimise(costs);
    }

    private static void assertAttainedAndFeasible(double[] x, List<Fact> facts, int variable, double optimum) {
        assertThat(x[variable]).isCloseTo(optimum, within(1e-6));
        for (double value : x) {
            assertThat(value).isGreaterThanOrEqualTo(-1e-9);
        }
        for (Fact fact : facts) {
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                sum += fact.coefficients()[i] * x[i];
            }
            if (fact.relation() == LinearProgram.Relation.EQUAL) {
                assertThat(sum).isCloseTo(fact.constant(), within(1e-6));
            } else {
                assertThat(sum).isLessThanOrEqualTo(fact.constant() + 1e-6);
            }
        }
    }

    private static Map<Integer, Double> terms(double[] coefficients) {
        Map<Integer, Double> terms = new HashMap<>();
        for (int i = 0; i < coefficients.length; i++) {
            if (coefficients[i] != 0) {
                terms.put(i, coefficients[i]);
            }
        }
        return terms;
    }
}
