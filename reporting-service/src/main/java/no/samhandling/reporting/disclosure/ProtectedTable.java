package no.samhandling.reporting.disclosure;

import java.util.List;

/**
 * A count table after disclosure control: its cells and, depending on {@link Margins}, a total per
 * row, per column and a grand total. The only form in which counts leave the service.
 */
public record ProtectedTable(String id, List<String> rows, List<String> columns, Margins margins, Cell[][] grid) {

    public boolean hasRowTotals() {
        return margins != Margins.COLUMNS;
    }

    public boolean hasColumnTotals() {
        return margins != Margins.ROWS;
    }

    public Cell cell(int row, int column) {
        return grid[row][column];
    }

    public Cell rowTotal(int row) {
        return hasRowTotals() ? grid[row][columns.size()] : null;
    }

    public Cell columnTotal(int column) {
        return hasColumnTotals() ? grid[rows.size()][column] : null;
    }

    public Cell grandTotal() {
        return margins == Margins.BOTH ? grid[rows.size()][columns.size()] : null;
    }

    public int rowIndex(String row) {
        return rows.indexOf(row);
    }

    public long suppressedCount() {
        long suppressed = 0;
        for (Cell[] line : grid) {
            for (Cell cell : line) {
                if (cell.flag() == Flag.SUPPRESSED) {
                    suppressed++;
                }
            }
        }
        return suppressed;
    }
}
