package no.samhandling.reporting.disclosure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Disclosure control as FHI applies it to Kommunehelsa, run on every table before it leaves the
 * service (API, dashboard, PDF, CSV).
 *
 * <ol>
 * <li>Primary suppression: a count in 1..T is hidden, where T = threshold − 1 (the threshold is the
 * smallest count that may be shown, default 5); so is a non-zero count whose line total exceeds it by 1..T,
 * because the total minus the count would give away the few that remain.</li>
 * <li>Secondary (complementary) suppression until nothing new needs hiding: no hidden cell may be
 * computable from the shown ones. In a table with all totals the cells and totals form a complete
 * bipartite graph (row lines × column lines) whose line sums are known; a hidden cell is then
 * computable exactly when it is a bridge among the hidden cells. Each bridge is closed into a cycle
 * by hiding the cheapest path of further cells (smallest counts first, then zeros, totals last). In tables whose
 * lines are independent, every line gets none or at least two hidden cells.</li>
 * </ol>
 * Zero is shown: it identifies nobody, and a hidden zero would only invite guessing.
 */
public final class DisclosureControl {

    private static final double TOTAL_PENALTY = 1e9;
    /** A hidden zero protects least (its partner is known to be at most the difference) and hides a known nothing. */
    private static final double ZERO_PENALTY = 1e6;

    private final int threshold;

    public DisclosureControl(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1");
        }
        this.threshold = threshold;
    }

    public int threshold() {
        return threshold;
    }

    /** Whether a count must be hidden on its own. */
    public boolean tooSmall(long count) {
        return count > 0 && count < threshold;
    }

    public ProtectedTable protect(CountTable table) {
        Grid grid = new Grid(table);
        grid.primary(this);
        if (table.margins() == Margins.BOTH) {
            grid.closeBridges();
        } else {
            grid.pairLines();
        }
        return grid.toProtected(table);
    }

    /** A single count outside any table, such as a total on its own. */
    public Cell count(long count) {
        return tooSmall(count) ? Cell.SUPPRESSED : Cell.shown(count);
    }

    /** A share (FHI): hidden when the numerator, or the denominator minus the numerator, is 1..T. */
    public Cell rate(long numerator, long denominator) {
        if (denominator == 0) {
            return Cell.MISSING;
        }
        if (tooSmall(numerator) || tooSmall(denominator - numerator) || tooSmall(denominator)) {
            return Cell.SUPPRESSED;
        }
        return Cell.shown((double) numerator / denominator);
    }

    /** A statistic of n observations (median, percentile): shown only when n reaches the threshold. */
    public Cell statistic(Double value, long observations) {
        if (observations == 0 || value == null) {
            return Cell.MISSING;
        }
        return observations < threshold ? Cell.SUPPRESSED : Cell.shown(value.doubleValue());
    }

    /**
     * The sum of some cells of one row, published only when the published cells already give it
     * away: all of them shown, or the row total and all the other cells shown. Lets a view show a
     * half-year from a table of months without revealing anything the table hides.
     */
    public static Cell derivableRowSum(ProtectedTable table, int row, List<Integer> columns) {
        long sum = 0;
        boolean allShown = true;
        for (int column : columns) {
            Cell cell = table.cell(row, column);
            if (!cell.isShown()) {
                allShown = false;
                break;
            }
            sum += cell.count();
        }
        if (allShown) {
            return Cell.shown(sum);
        }
        Cell total = table.rowTotal(row);
        if (total == null || !total.isShown()) {
            return Cell.SUPPRESSED;
        }
        long rest = 0;
        for (int column = 0; column < table.columns().size(); column++) {
            if (columns.contains(column)) {
                continue;
            }
            Cell cell = table.cell(row, column);
            if (!cell.isShown()) {
                return Cell.SUPPRESSED;
            }
            rest += cell.count();
        }
        return Cell.shown(total.count() - rest);
    }

    /** The table with its totals as one grid, and the lines (cells that add up to a total) through it. */
    private static final class Grid {

        private final int rows;
        private final int columns;
        private final int height;
        private final int width;
        private final Margins margins;
        private final long[][] values;
        private final boolean[][] hidden;
        private final List<int[][]> lines = new ArrayList<>();

        Grid(CountTable table) {
            rows = table.rows().size();
            columns = table.columns().size();
            margins = table.margins();
            boolean rowTotals = margins != Margins.COLUMNS;
            boolean columnTotals = margins != Margins.ROWS;
            height = rows + (columnTotals ? 1 : 0);
            width = columns + (rowTotals ? 1 : 0);
            values = new long[height][width];
            hidden = new boolean[height][width];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < columns; j++) {
                    long count = table.count(i, j);
                    if (count < 0) {
                        throw new IllegalArgumentException("counts are never negative");
                    }
                    values[i][j] = count;
                    if (rowTotals) {
                        values[i][columns] += count;
                    }
                    if (columnTotals) {
                        values[rows][j] += count;
                    }
                    if (rowTotals && columnTotals) {
                        values[rows][columns] += count;
                    }
                }
            }
            // Each line lists its cells, the total last.
            int rowLines = rowTotals ? height : 0;
            for (int i = 0; i < rowLines; i++) {
                int[][] line = new int[columns + 1][];
                for (int j = 0; j <= columns; j++) {
                    line[j] = new int[] {i, j};
                }
                lines.add(line);
            }
            int columnLines = columnTotals ? width : 0;
            for (int j = 0; j < columnLines; j++) {
                int[][] line = new int[rows + 1][];
                for (int i = 0; i <= rows; i++) {
                    line[i] = new int[] {i, j};
                }
                lines.add(line);
            }
        }

        void primary(DisclosureControl control) {
            for (int i = 0; i < height; i++) {
                for (int j = 0; j < width; j++) {
                    if (control.tooSmall(values[i][j])) {
                        hidden[i][j] = true;
                    }
                }
            }
            for (int[][] line : lines) {
                int[] total = line[line.length - 1];
                long lineTotal = values[total[0]][total[1]];
                for (int k = 0; k < line.length - 1; k++) {
                    long value = values[line[k][0]][line[k][1]];
                    // A zero says nothing about the few that remain: they are the total, hidden on its own.
                    if (value > 0 && control.tooSmall(lineTotal - value)) {
                        hidden[line[k][0]][line[k][1]] = true;
                    }
                }
            }
        }

        /** Independent lines: a line with exactly one hidden cell gives it away; hide the cheapest other one. */
        void pairLines() {
            boolean changed = true;
            while (changed) {
                changed = false;
                for (int[][] line : lines) {
                    int hiddenInLine = 0;
                    int[] cheapest = null;
                    for (int[] cell : line) {
                        if (hidden[cell[0]][cell[1]]) {
                            hiddenInLine++;
                        } else if (cheapest == null || cost(cell[0], cell[1]) < cost(cheapest[0], cheapest[1])) {
                            cheapest = cell;
                        }
                    }
                    if (hiddenInLine == 1 && cheapest != null) {
                        hidden[cheapest[0]][cheapest[1]] = true;
                        changed = true;
                    }
                }
            }
        }

        /** Complete tables: close every bridge among the hidden cells into a cycle of hidden cells. */
        void closeBridges() {
            int[] bridge;
            while ((bridge = findBridge()) != null) {
                hidePathAround(bridge[0], bridge[1]);
            }
        }

        private int[] findBridge() {
            for (int i = 0; i < height; i++) {
                for (int j = 0; j < width; j++) {
                    if (hidden[i][j] && !connectedWithout(i, j)) {
                        return new int[] {i, j};
                    }
                }
            }
            return null;
        }

        /** Nodes 0..height-1 are row lines, height..height+width-1 column lines; a hidden cell joins its two lines. */
        private boolean connectedWithout(int row, int column) {
            boolean[] seen = new boolean[height + width];
            Deque<Integer> queue = new ArrayDeque<>();
            queue.add(row);
            seen[row] = true;
            int target = height + column;
            while (!queue.isEmpty()) {
                int node = queue.poll();
                if (node == target) {
                    return true;
                }
                if (node < height) {
                    for (int j = 0; j < width; j++) {
                        if (hidden[node][j] && !(node == row && j == column) && !seen[height + j]) {
                            seen[height + j] = true;
                            queue.add(height + j);
                        }
                    }
                } else {
                    int j = node - height;
                    for (int i = 0; i < height; i++) {
                        if (hidden[i][j] && !(i == row && j == column) && !seen[i]) {
                            seen[i] = true;
                            queue.add(i);
                        }
                    }
                }
            }
            return false;
        }

        /** Cheapest path from the cell's row line to its column line avoiding the cell; hiding it makes a cycle. */
        private void hidePathAround(int row, int column) {
            int nodes = height + width;
            double[] distance = new double[nodes];
            int[] previous = new int[nodes];
            boolean[] done = new boolean[nodes];
            Arrays.fill(distance, Double.POSITIVE_INFINITY);
            Arrays.fill(previous, -1);
            distance[row] = 0;
            int target = height + column;
            for (int step = 0; step < nodes; step++) {
                int node = -1;
                for (int n = 0; n < nodes; n++) {
                    if (!done[n] && (node == -1 || distance[n] < distance[node])) {
                        node = n;
                    }
                }
                if (node == -1 || distance[node] == Double.POSITIVE_INFINITY || node == target) {
                    break;
                }
                done[node] = true;
                boolean isRow = node < height;
                int others = isRow ? width : height;
                for (int k = 0; k < others; k++) {
                    int i = isRow ? node : k;
                    int j = isRow ? k : node - height;
                    if (i == row && j == column) {
                        continue;
                    }
                    int neighbour = isRow ? height + k : k;
                    double weight = hidden[i][j] ? 0 : cost(i, j);
                    if (distance[node] + weight < distance[neighbour]) {
                        distance[neighbour] = distance[node] + weight;
                        previous[neighbour] = node;
                    }
                }
            }
            if (previous[target] == -1) {
                throw new IllegalStateException("A table of one row or one column needs independent lines");
            }
            for (int node = target; node != row; node = previous[node]) {
                int other = previous[node];
                int i = node < height ? node : other;
                int j = node < height ? other - height : node - height;
                hidden[i][j] = true;
            }
        }

        /** Hide small counts before large ones, zeros only before totals, and totals only when nothing else will do. */
        private double cost(int i, int j) {
            boolean total = i >= rows || j >= columns;
            return values[i][j] + 1 + (total ? TOTAL_PENALTY : 0) + (values[i][j] == 0 ? ZERO_PENALTY : 0);
        }

        ProtectedTable toProtected(CountTable table) {
            Cell[][] cells = new Cell[height][width];
            for (int i = 0; i < height; i++) {
                for (int j = 0; j < width; j++) {
                    cells[i][j] = hidden[i][j] ? Cell.SUPPRESSED : Cell.shown(values[i][j]);
                }
            }
            return new ProtectedTable(table.id(), table.rows(), table.columns(), margins, cells);
        }
    }
}
