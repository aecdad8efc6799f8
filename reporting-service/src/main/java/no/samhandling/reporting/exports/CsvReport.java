package no.samhandling.reporting.exports;

import java.nio.charset.StandardCharsets;
import java.util.List;

import no.samhandling.reporting.figures.TableView;

/**
 * A period report as CSV in long form, one published cell per line: table, row, column, value and
 * flag. Semicolon-separated with a byte order mark, as Norwegian spreadsheets expect. A suppressed
 * cell has an empty value and the flag SUPPRESSED. A text that a spreadsheet would read as a formula
 * (an arena title starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
 * return) is neutralised with a leading apostrophe, so that opening the report never runs anything.
 */
final class CsvReport {

    private static final String FORMULA_START = "=+-@\t\r";

    /** @param header the column names in the report's language (report, table, row, column, value, flag) */
    static byte[] write(String title, List<TableView> tables, List<String> header) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append(line(header.toArray(String[]::new)));
        for (TableView table : tables) {
            for (TableView.Row row : table.rows()) {
                for (int i = 0; i < row.cells().size(); i++) {
                    TableView.Value cell = row.cells().get(i);
                    if (cell.text().isEmpty()) {
                        continue;
                    }
                    String value = cell.value() == null ? "" : cell.text();
                    csv.append(line(title, table.caption(), row.label(), table.headings().get(i + 1), value, cell.flag().name()));
                }
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String line(String... fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.append(';');
            }
            String field = neutralised(fields[i] == null ? "" : fields[i]);
            if (field.contains(";") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
                field = "\"" + field.replace("\"", "\"\"") + "\"";
            }
            line.append(field);
        }
        return line.append("\r\n").toString();
    }

    /** The field, prefixed with an apostrophe when a spreadsheet would take it for a formula; a plain number stays a number. */
    static String neutralised(String field) {
        if (field.isEmpty() || FORMULA_START.indexOf(field.charAt(0)) < 0 || field.matches("-?\\d+([.,]\\d+)?")) {
            return field;
        }
        return "'" + field;
    }

    private CsvReport() {
    }
}
