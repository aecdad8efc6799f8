package no.samhandling.reporting.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class DisclosureControlTest {

    private final DisclosureControl control = new DisclosureControl(5);

    @Test
    void hidesCountsBelowTheThresholdButShowsZeroAndTheThresholdItself() {
        ProtectedTable table = control.protect(table(Margins.COLUMNS, new long[][] {{0}, {4}, {5}, {20}, {3}}));

        assertThat(table.cell(0, 0)).isEqualTo(Cell.shown(0));
        assertThat(table.cell(1, 0).flag()).isEqualTo(Flag.SUPPRESSED);
        assertThat(table.cell(1, 0).value()).isNull();
        assertThat(table.cell(2, 0)).isEqualTo(Cell.shown(5));
        assertThat(table.cell(4, 0).flag()).isEqualTo(Flag.SUPPRESSED);
        assertThat(table.columnTotal(0)).isEqualTo(Cell.shown(32));
    }

    @Test
    void hidesAPartnerSoThatTheTotalDoesNotGiveAHiddenCellAway() {
        ProtectedTable table = control.protect(table(Margins.COLUMNS, new long[][] {{3}, {7}, {30}}));

        assertThat(table.cell(0, 0).flag()).isEqualTo(Flag.SUPPRESSED);
        assertThat(table.cell(1, 0).flag()).as("the smallest other cell is the partner").isEqualTo(Flag.SUPPRESSED);
        assertThat(table.cell(2, 0)).isEqualTo(Cell.shown(30));
        assertThat(table.columnTotal(0)).isEqualTo(Cell.shown(40));
    }

    @Test
    void hidesACountThatIsAlmostItsWholeLineBecauseTheRestWouldBeTiny() {
        ProtectedTable table = control.protect(table(Margins.COLUMNS, new long[][] {{0}, {28}, {2}}));

        assertThat(table.cell(1, 0).flag()).isEqualTo(Flag.SUPPRESSED);
        assertThat(table.cell(2, 0).flag()).isEqualTo(Flag.SUPPRESSED);
    }

    @Test
    void closesASingleSmallCellOfACrossTableIntoARectangle() {
        ProtectedTable table = control.protect(table(Margins.BOTH, new long[][] {{2, 10, 12}, {9, 8, 15}, {11, 13, 6}}));

        assertThat(table.cell(0, 0).flag()).isEqualTo(Flag.SUPPRESSED);
        assertThat(table.suppressedCount()).isEqualTo(4);
        assertThat(new Attacker(table).byLinearAlgebra()).isEmpty();
    }

    @Test
    void hidesASmallArenaWithTheCheapestPartnersAndLeavesABusyArenaAlone() {
        long[][] counts = new long[3][12];
        counts[0][2] = 17;
        counts[0][8] = 41;
        counts[1][8] = 10;
        counts[1][9] = 23;
        counts[2][8] = 2;
        List<String> months = java.util.stream.IntStream.rangeClosed(1, 12).mapToObj(String::valueOf).toList();
        ProtectedTable table = control.protect(new CountTable("arenas", List.of("busy", "middle", "small"), months, counts, Margins.BOTH));

        assertThat(table.cell(2, 8).flag()).isEqualTo(Flag.SUPPRESSED);
        assertThat(table.rowTotal(2).flag()).isEqualTo(Flag.SUPPRESSED);
        assertThat(table.cell(1, 8).flag()).isEqualTo(Flag.SUPPRESSED);
        assertThat(table.cell(1, 9).flag()).isEqualTo(Flag.SUPPRESSED);
        assertThat(table.cell(2, 9).flag()).as("a zero partner closes the rectangle").isEqualTo(Flag.SUPPRESSED);
        assertThat(table.rowTotal(1).flag()).as("a second row total hides the small one's").isEqualTo(Flag.SUPPRESSED);
        assertThat(table.suppressedCount()).isEqualTo(6);
        assertThat(table.cell(0, 8)).isEqualTo(Cell.shown(41));
        assertThat(DisclosureControl.derivableRowSum(table, 0, List.of(6, 7, 8, 9, 10, 11))).isEqualTo(Cell.shown(41));
        assertThat(DisclosureControl.derivableRowSum(table, 1, List.of(6, 7, 8, 9, 10, 11)).flag()).isEqualTo(Flag.SUPPRESSED);
        assertThat(new Attacker(table).byLinearAlgebra()).isEmpty();
    }

    @Test
    void aShareIsHiddenWhenEitherPartIsSmallAndMissingWithoutADenominator() {
        assertThat(control.rate(3, 100).flag()).isEqualTo(Flag.SUPPRESSED);
        assertThat(control.rate(97, 100).flag()).isEqualTo(Flag.SUPPRESSED);
        assertThat(control.rate(10, 100)).isEqualTo(Cell.shown(0.1));
        assertThat(control.rate(0, 0).flag()).isEqualTo(Flag.MISSING);
        assertThat(control.statistic(12.0, 4).flag()).isEqualTo(Flag.SUPPRESSED);
        assertThat(control.statistic(null, 0).flag()).isEqualTo(Flag.MISSING);
    }

    @Test
    void noHiddenCellCanBeWorkedOutFromWhatIsShownInManyRandomTables() {
        Random random = new Random(20261123L);
        int tables = 0;
        int withSuppression = 0;
        for (int round = 0; round < 1500; round++) {
            int threshold = 2 + random.nextInt(5);
            DisclosureControl control = new DisclosureControl(threshold);
            Margins margins = Margins.values()[random.nextInt(3)];
            int rows = 1 + random.nextInt(margins == Margins.ROWS ? 6 : 8);
            int columns = margins == Margins.COLUMNS && random.nextBoolean() ? 1 : 1 + random.nextInt(8);
            long[][] counts = new long[rows][columns];
            for (long[] row : counts) {
                for (int j = 0; j < columns; j++) {
                    // Mostly small counts, as in a small municipality, with zeros and some large ones.
                    int kind = random.nextInt(10);
                    row[j] = kind < 2 ? 0 : kind < 7 ? 1 + random.nextInt(threshold + 2) : random.nextInt(60);
                }
            }
            ProtectedTable table = control.protect(table(margins, counts));
            tables++;
            if (table.suppressedCount() > 0) {
                withSuppression++;
            }

            assertShownCellsAreTrueAndNotSmall(table, counts, control);
            Attacker attacker = new Attacker(table);
            assertThat(attacker.lineByLine()).as("derived line by line in %s", describe(counts, margins, threshold)).isEmpty();
            assertThat(attacker.byLinearAlgebra()).as("derived by elimination in %s", describe(counts, margins, threshold)).isEmpty();
        }
        assertThat(withSuppression).as("the random tables exercise suppression").isGreaterThan(tables / 2);
    }

    private static void assertShownCellsAreTrueAndNotSmall(ProtectedTable table, long[][] counts, DisclosureControl control) {
        Cell[][] grid = table.grid();
        for (int i = 0; i < counts.length; i++) {
            for (int j = 0; j < counts[i].length; j++) {
                Cell cell = grid[i][j];
                if (cell.isShown()) {
                    assertThat(cell.count()).isEqualTo(counts[i][j]);
                }
            }
        }
        for (Cell[] line : grid) {
            for (Cell cell : line) {
                assertThat(cell.flag()).isNotEqualTo(Flag.MISSING);
                if (cell.isShown()) {
                    assertThat(control.tooSmall(cell.count())).isFalse();
                }
            }
        }
    }

    private static CountTable table(Margins margins, long[][] counts) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            rows.add("R" + i);
        }
        List<String> columns = new ArrayList<>();
        for (int j = 0; j < counts[0].length; j++) {
            columns.add("C" + j);
        }
        return new CountTable("test", rows, columns, counts, margins);
    }

    private static String describe(long[][] counts, Margins margins, int threshold) {
        return margins + " T=" + threshold + " " + java.util.Arrays.deepToString(counts);
    }
}
