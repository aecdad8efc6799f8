package no.samhandling.reporting.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.samhandling.reporting.disclosure.Flag;
import no.samhandling.reporting.figures.TableView;

/** A CSV report opened in a spreadsheet runs nothing, whatever an arena is called. */
class CsvReportTest {

    private static final List<String> HEADER = List.of("Rapport", "Tabell", "Rad", "Kolonne", "Verdi", "Status");

    @Test
    void anArenaTitleThatLooksLikeAFormulaIsWrittenAsText() {
        TableView table = new TableView("referralsByArena", "Innmeldte saker per arena", List.of("", "2026-03"), List.of(
                new TableView.Row("=HYPERLINK(\"https://example.org\";\"Klikk\")", List.of(new TableView.Value("12", Flag.SHOWN, 12)), false),
                new TableView.Row("+47 Team", List.of(new TableView.Value("7", Flag.SHOWN, 7)), false),
                new TableView.Row("@SUM(A1)", List.of(new TableView.Value("–", Flag.SUPPRESSED, null)), false),
                new TableView.Row("-2+3", List.of(new TableView.Value("0", Flag.SHOWN, 0)), false),
                new TableView.Row("\tTab", List.of(new TableView.Value("5", Flag.SHOWN, 5)), false)), null);

        String csv = new String(CsvReport.write("=Årsrapport", List.of(table), HEADER), StandardCharsets.UTF_8);
        List<String[]> rows = csv.lines().skip(1).filter(line -> !line.isEmpty()).map(line -> line.split(";(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1)).toList();

        assertThat(rows).hasSize(5);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row[0]).isEqualTo("'=Årsrapport");
            String label = row[2].startsWith("\"") ? row[2].substring(1) : row[2];
            assertThat(label).startsWith("'");
        });
        assertThat(rows.get(0)[2]).isEqualTo("\"'=HYPERLINK(\"\"https://example.org\"\";\"\"Klikk\"\")\"");
        assertThat(rows.get(1)[2]).isEqualTo("'+47 Team");
        assertThat(rows.get(3)[2]).isEqualTo("'-2+3");
    }

    @Test
    void numbersStayNumbers() {
        assertThat(CsvReport.neutralised("12")).isEqualTo("12");
        assertThat(CsvReport.neutralised("-3")).isEqualTo("-3");
        assertThat(CsvReport.neutralised("0,25")).isEqualTo("0,25");
        assertThat(CsvReport.neutralised("Tverrfagleg team")).isEqualTo("Tverrfagleg team");
        assertThat(CsvReport.neutralised("")).isEmpty();
        assertThat(CsvReport.neutralised("\rRetur")).isEqualTo("'\rRetur");
    }
}
