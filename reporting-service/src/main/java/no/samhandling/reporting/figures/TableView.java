package no.samhandling.reporting.figures;

import java.util.List;

import no.samhandling.reporting.disclosure.Flag;

/**
 * A protected table worded for people, the same for the dashboard, the PDF and the CSV.
 *
 * @param chart how the dashboard draws it ({@code bar}, {@code line}) or null for a table alone
 */
public record TableView(String id, String caption, List<String> headings, List<Row> rows, String chart) {

    public record Row(String label, List<Value> cells, boolean total) {
    }

    /** @param value the number when shown, for charts; null otherwise */
    public record Value(String text, Flag flag, Number value) {

        public boolean suppressed() {
            return flag == Flag.SUPPRESSED;
        }
    }
}
