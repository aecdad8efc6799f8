package no.samhandling.reporting.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A linear program over non-negative variables, solved by the two-phase simplex method on a dense
 * tableau, made for disclosure control's many questions about one set of facts: phase one finds a
 * feasible basis once, and every objective after it (the smallest and the largest value of each
 * hidden cell) starts from the basis the last one ended in, which is usually a few pivots away.
 * Pivots follow Dantzig's rule, and Bland's rule after a run of degenerate pivots, so it never cycles.
 */
public final class LinearProgram {

    public enum Relation {
        EQUAL,
        AT_MOST,
        AT_LEAST
    }

    private static final double EPSILON = 1e-9;
    private static final int DEGENERATE_RUN = 50;

    private final int variables;
    private final List<double[]> rows = new ArrayList<>();
    private final List<Relation> relations = new ArrayList<>();
    private final List<Double> constants = new ArrayList<>();

    private double[][] tableau;
    private int[] basis;
    private int columns;
    private Boolean feasible;

    public LinearProgram(int variables) {
        this.variables = variables;
    }

    public void constraint(Map<Integer, Double> terms, Relation relation, double constant) {
        if (tableau != null) {
            throw new IllegalStateException("constraints come before the first objective");
        }
        double[] row = new double[variables];
        terms.forEach((variable, coefficient) -> row[variable] += coefficient);
        rows.add(row);
        relations.add(relation);
        constants.add(constant);
    }

    public boolean feasible() {
        if (feasible == null) {
            feasible = phaseOne();
        }
        return feasible;
    }

    /** The largest value of the objective Σ c·x; infinite when unbounded. */
    public double maximise(double[] objective) {
        if (!feasible()) {
            throw new IllegalStateException("the constraints have no solution");
        }
        return phaseTwo(objective);
    }

    /** The smallest value of the objective Σ c·x; minus infinity when unbounded below. */
    public double minimise(double[] objective) {
        double[] negated = new double[objective.length];
        for (int i = 0; i < objective.length; i++) {
            negated[i] = -objective[i];
        }
        return -maximise(negated) + 0.0;
    }

    /** The variables' values at the last optimum. */
    public double[] solution() {
        double[] values = new double[variables];
        for (int row = 0; row < basis.length; row++) {
            if (basis[row] < variables) {
                values[basis[row]] = tableau[row][columns];
            }
        }
        return values;
    }

    /** Columns: the variables, then one slack or surplus per inequality, then one artificial per row; the last is the constant. */
    private boolean phaseOne() {
        int m = rows.size();
        int slacks = (int) relations.stream().filter(relation -> relation != Relation.EQUAL).count();
        int artificialStart = variables + slacks;
        columns = artificialStart + m;
        tableau = new double[m + 1][columns + 1];
        basis = new int[m];
        int slack = variables;
        for (int r = 0; r < m; r++) {
            double[] row = tableau[r];
            System.arraycopy(rows.get(r), 0, row, 0, variables);
            if (relations.get(r) == Relation.AT_MOST) {
                row[slack++] = 1;
            } else if (relations.get(r) == Relation.AT_LEAST) {
                row[slack++] = -1;
            }
            row[columns] = constants.get(r);
            if (row[columns] < 0) {
                for (int c = 0; c <= columns; c++) {
                    row[c] = -row[c];
                }
            }
            row[artificialStart + r] = 1;
            basis[r] = artificialStart + r;
        }
        // Objective row: maximise −Σ artificials, written as reduced costs over the starting basis.
        double[] objective = tableau[m];
        for (int r = 0; r < m; r++) {
            for (int c = 0; c <= columns; c++) {
                if (c < artificialStart || c == columns) {
                    objective[c] -= tableau[r][c];
                }
            }
        }
        iterate(columns);
        if (tableau[m][columns] < -1e-7) {
            return false;
        }
        // Drive artificials out of the basis; a row where none can leave is redundant.
        List<Integer> keep = new ArrayList<>();
        for (int r = 0; r < m; r++) {
            if (basis[r] >= artificialStart) {
                int entering = -1;
                for (int c = 0; c < artificialStart; c++) {
                    if (Math.abs(tableau[r][c]) > 1e-7) {
                        entering = c;
                        break;
                    }
                }
                if (entering >= 0) {
                    pivot(r, entering);
                    keep.add(r);
                }
            } else {
                keep.add(r);
            }
        }
        double[][] reduced = new double[keep.size() + 1][artificialStart + 1];
        int[] reducedBasis = new int[keep.size()];
        for (int i = 0; i < keep.size(); i++) {
            System.arraycopy(tableau[keep.get(i)], 0, reduced[i], 0, artificialStart);
            reduced[i][artificialStart] = tableau[keep.get(i)][columns];
            reducedBasis[i] = basis[keep.get(i)];
        }
        tableau = reduced;
        basis = reducedBasis;
        columns = artificialStart;
        return true;
    }

    private double phaseTwo(double[] objective) {
        int m = basis.length;
        double[] costs = tableau[m];
        java.util.Arrays.fill(costs, 0);
        for (int c = 0; c < variables; c++) {
            costs[c] = -objective[c];
        }
        for (int r = 0; r < m; r++) {
            double basic = basis[r] < variables ? objective[basis[r]] : 0;
            if (basic != 0) {
                for (int c = 0; c <= columns; c++) {
                    costs[c] += basic * tableau[r][c];
                }
            }
        }
        if (!iterate(columns)) {
            return Double.POSITIVE_INFINITY;
        }
        return tableau[m][columns];
    }

    /** Pivots until no reduced cost is negative (optimal: true) or a column is unbounded (false). */
    private boolean iterate(int enterable) {
        int m = basis.length;
        double[] costs = tableau[m];
        int degenerate = 0;
        int pivots = 0;
        // Dantzig's rule is fast but can cycle; in floating point a cycle need not be a run of exactly degenerate
        // pivots (ratios just above EPSILON), so after a budget of pivots Bland's rule, which cannot cycle, stays on.
        int budget = 20 * (m + enterable);
        while (true) {
            boolean bland = degenerate > DEGENERATE_RUN || pivots++ > budget;
            int entering = -1;
            double best = -EPSILON;
            for (int c = 0; c < enterable; c++) {
                if (costs[c] < best) {
                    entering = c;
                    if (bland) {
                        break;
                    }
                    best = costs[c];
                }
            }
            if (entering < 0) {
                return true;
            }
            int leaving = -1;
            double ratio = Double.POSITIVE_INFINITY;
            for (int r = 0; r < m; r++) {
                double coefficient = tableau[r][entering];
                if (coefficient > EPSILON) {
                    double candidate = tableau[r][columns] / coefficient;
                    if (candidate < ratio - EPSILON || candidate < ratio + EPSILON && leaving >= 0 && basis[r] < basis[leaving]) {
                        ratio = candidate;
                        leaving = r;
                    }
                }
            }
            if (leaving < 0) {
                return false;
            }
            degenerate = ratio < EPSILON ? degenerate + 1 : 0;
            pivot(leaving, entering);
        }
    }

    private void pivot(int row, int column) {
        double[] pivotRow = tableau[row];
        double pivot = pivotRow[column];
        for (int c = 0; c <= columns; c++) {
            pivotRow[c] /= pivot;
        }
        pivotRow[column] = 1;
        for (int r = 0; r < tableau.length; r++) {
            if (r == row) {
                continue;
            }
            double[] other = tableau[r];
            double factor = other[column];
            if (Math.abs(factor) > 0) {
                for (int c = 0; c <= columns; c++) {
                    other[c] -= factor * pivotRow[c];
                }
                other[column] = 0;
            }
        }
        basis[row] = column;
    }
}
