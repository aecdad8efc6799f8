package no.samhandling.reporting.disclosure;

import java.util.List;

/**
 * Raw counts of one table, before disclosure control; never leaves the service. Rows and columns
 * are codes (arena ids, theme codes, months); labels are added when the table is presented.
 */
public record CountTable(String id, List<String> rows, List<String> columns, long[][] counts, Margins margins) {

    public CountTable {
        rows = List.copyOf(rows);
        columns = List.copyOf(columns);
        if (counts.length != rows.size()) {
            throw new IllegalArgumentException("one row of counts per row key");
        }
        for (long[] row : counts) {
            if (row.length != columns.size()) {
                throw new IllegalArgumentException("one count per column key");
            }
        }
    }

    public long count(int row, int column) {
        return counts[row][column];
    }
}
