package no.samhandling.reporting.figures;

import java.util.List;

import no.samhandling.reporting.disclosure.Cell;

/**
 * A table as it leaves the service, after disclosure control: column headings, one line per row
 * (with its total when the table has row totals) and the line of column totals. Keys are arena
 * ids, codes (themes, age bands, …), months ({@code 2026-03}) or half-years ({@code VAR},
 * {@code HAUST}); a label is given where the key is not a code (arena titles).
 */
public record PublishedTable(String id, List<Heading> columns, List<Line> rows, Line totals) {

    public record Heading(String key) {
    }

    public record Line(String key, String label, List<Cell> cells, Cell total) {
    }

    public PublishedTable onlyRow(String key) {
        return new PublishedTable(id, columns, rows.stream().filter(row -> row.key().equals(key)).toList(), totals);
    }
}
