package no.samhandling.reporting.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Someone who sees a published table and tries to work out its hidden cells: first line by line
 * (a line with one unknown gives it away, and every value found may open another line, until
 * nothing more comes out), then by any linear combination of the lines (Gaussian elimination: a
 * hidden cell is determined when its unit vector lies in the row space of the line equations).
 * Written independently of {@link DisclosureControl}: it knows only the published grid and which
 * totals a table has.
 */
final class Attacker {

    private final ProtectedTable table;
    private final int height;
    private final int width;
    private final List<int[][]> lines = new ArrayList<>();

    Attacker(ProtectedTable table) {
        this.table = table;
        this.height = table.grid().length;
        this.width = table.grid()[0].length;
        int rows = table.rows().size();
        int columns = table.columns().size();
        if (table.hasRowTotals()) {
            for (int i = 0; i < height; i++) {
                int[][] line = new int[columns + 1][];
                for (int j = 0; j <= columns; j++) {
                    line[j] = new int[] {i, j};
                }
                lines.add(line);
            }
        }
        if (table.hasColumnTotals()) {
            for (int j = 0; j < width; j++) {
                int[][] line = new int[rows + 1][];
                for (int i = 0; i <= rows; i++) {
                    line[i] = new int[] {i, j};
                }
                lines.add(line);
            }
        }
    }

    /** Hidden cells the attacker pins down line by line, with the values found. */
    Map<String, Double> lineByLine() {
        Double[][] known = new Double[height][width];
        for (int i = 0; i < height; i++) {
            for (int j = 0; j < width; j++) {
                Number value = table.grid()[i][j].value();
                known[i][j] = value == null ? null : value.doubleValue();
            }
        }
        Map<String, Double> derived = new HashMap<>();
        boolean progress = true;
        while (progress) {
            progress = false;
            for (int[][] line : lines) {
                int[] unknown = null;
                int unknowns = 0;
                double cellsSum = 0;
                for (int k = 0; k < line.length; k++) {
                    Double value = known[line[k][0]][line[k][1]];
                    if (value == null) {
                        unknowns++;
                        unknown = line[k];
                    } else if (k < line.length - 1) {
                        cellsSum += value;
                    }
                }
                if (unknowns != 1) {
                    continue;
                }
                int[] total = line[line.length - 1];
                double value = unknown == total ? cellsSum : known[total[0]][total[1]] - cellsSum;
                known[unknown[0]][unknown[1]] = value;
                derived.put(unknown[0] + "," + unknown[1], value);
                progress = true;
            }
        }
        return derived;
    }

    /** Hidden cells determined by some linear combination of the line equations. */
    List<String> byLinearAlgebra() {
        List<int[]> unknowns = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < height; i++) {
            for (int j = 0; j < width; j++) {
                if (!table.grid()[i][j].isShown()) {
                    index.put(i + "," + j, unknowns.size());
                    unknowns.add(new int[] {i, j});
                }
            }
        }
        int n = unknowns.size();
        double[][] matrix = new double[lines.size()][n];
        for (int r = 0; r < lines.size(); r++) {
            int[][] line = lines.get(r);
            for (int k = 0; k < line.length; k++) {
                Integer column = index.get(line[k][0] + "," + line[k][1]);
                if (column != null) {
                    matrix[r][column] = k == line.length - 1 ? -1 : 1;
                }
            }
        }
        // Reduced row echelon form.
        int pivotRow = 0;
        for (int column = 0; column < n && pivotRow < matrix.length; column++) {
            int best = pivotRow;
            for (int r = pivotRow + 1; r < matrix.length; r++) {
                if (Math.abs(matrix[r][column]) > Math.abs(matrix[best][column])) {
                    best = r;
                }
            }
            if (Math.abs(matrix[best][column]) < 1e-9) {
                continue;
            }
            double[] swap = matrix[best];
            matrix[best] = matrix[pivotRow];
            matrix[pivotRow] = swap;
            double pivot = matrix[pivotRow][column];
            for (int c = 0; c < n; c++) {
                matrix[pivotRow][c] /= pivot;
            }
            for (int r = 0; r < matrix.length; r++) {
                if (r != pivotRow && Math.abs(matrix[r][column]) > 1e-12) {
                    double factor = matrix[r][column];
                    for (int c = 0; c < n; c++) {
                        matrix[r][c] -= factor * matrix[pivotRow][c];
                    }
                }
            }
            pivotRow++;
        }
        List<String> determined = new ArrayList<>();
        for (double[] row : matrix) {
            int nonZero = 0;
            int at = -1;
            for (int c = 0; c < n; c++) {
                if (Math.abs(row[c]) > 1e-9) {
                    nonZero++;
                    at = c;
                }
            }
            if (nonZero == 1) {
                determined.add(unknowns.get(at)[0] + "," + unknowns.get(at)[1]);
            }
        }
        return determined;
    }
}
