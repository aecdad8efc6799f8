package no.samhandling.reporting.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JointProtectionTest {

    private final JointProtection protection = new JointProtection(5);

    @Test
    void aSmallCellOfACrossTableGetsPartnersLargeEnoughToHideItsValue() {
        ProtectionProblem problem = table(new long[][] {{2, 10, 12}, {9, 8, 15}, {11, 13, 6}}, ProtectionProblem.State.OPEN);

        BitSet hidden = protection.protect(problem);

        int small = problem.indexOf("r0|c0");
        assertThat(hidden.get(small)).isTrue();
        assertWide(problem, hidden);
    }

    @Test
    void aCountOfOneInALineOfOtherwiseSmallCountsLeadsToHidingLargerPartners() {
        ProtectionProblem problem = table(new long[][] {{1, 1, 40}, {1, 1, 30}, {20, 25, 9}}, ProtectionProblem.State.OPEN);

        BitSet hidden = protection.protect(problem);

        assertWide(problem, hidden);
    }

    @Test
    void aLaterReleaseHidesItsOwnCellsToKeepAnEarlierHiddenCellProtected() {
        // January: two arenas, 2 and 30, total 32; February the same arenas 0 and 20; the half-year adds up.
        ProtectionProblem problem = new ProtectionProblem();
        int jan1 = problem.cell("a|jan", 2, ProtectionProblem.State.HIDDEN, 1);
        int jan2 = problem.cell("b|jan", 30, ProtectionProblem.State.HIDDEN, 1);
        int janTotal = problem.cell("total|jan", 32, ProtectionProblem.State.SHOWN, 1);
        int half1 = problem.cell("a|half", 2, ProtectionProblem.State.OPEN, 1);
        int half2 = problem.cell("b|half", 50, ProtectionProblem.State.OPEN, 1);
        int feb1 = problem.cell("a|feb", 0, ProtectionProblem.State.SHOWN, 1);
        int feb2 = problem.cell("b|feb", 20, ProtectionProblem.State.SHOWN, 1);
        int halfTotal = problem.cell("total|half", 52, ProtectionProblem.State.OPEN, 10);
        problem.sum(janTotal, List.of(jan1, jan2));
        problem.sum(halfTotal, List.of(half1, half2));
        problem.sum(half1, List.of(jan1, feb1));
        problem.sum(half2, List.of(jan2, feb2));

        BitSet hidden = protection.protect(problem);

        assertThat(hidden.get(half1)).isTrue();
        assertThat(hidden.get(half2)).as("otherwise the half-year gives January's small count away").isTrue();
        assertWide(problem, hidden);
    }

    @Test
    void anUpperBoundIsAFactTheRangeRespects() {
        ProtectionProblem problem = new ProtectionProblem();
        int x = problem.cell("x", 3, ProtectionProblem.State.HIDDEN, 1);
        problem.atMost(Map.of(x, 1L), 6);

        assertThat(protection.range(problem, protection.protect(problem), x)).containsExactly(0.0, 6.0);
    }

    private void assertWide(ProtectionProblem problem, BitSet hidden) {
        hidden.stream().filter(i -> !problem.quantity(i).latent()).forEach(i -> {
            double[] range = protection.range(problem, hidden, i);
            assertThat(range[1] - range[0]).as("range of %s: %s..%s", problem.id(i), range[0], range[1]).isGreaterThanOrEqualTo(5 - 1e-6);
        });
    }

    static ProtectionProblem table(long[][] counts, ProtectionProblem.State state) {
        ProtectionProblem problem = new ProtectionProblem();
        int rows = counts.length;
        int columns = counts[0].length;
        int[][] cell = new int[rows][columns];
        long[] rowTotals = new long[rows];
        long[] columnTotals = new long[columns];
        long grand = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                cell[i][j] = problem.cell("r" + i + "|c" + j, counts[i][j], state, 1);
                rowTotals[i] += counts[i][j];
                columnTotals[j] += counts[i][j];
                grand += counts[i][j];
            }
        }
        int grandTotal = problem.cell("total|total", grand, state, 100);
        List<Integer> rowTotalCells = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            int total = problem.cell("r" + i + "|total", rowTotals[i], state, 10);
            rowTotalCells.add(total);
            List<Integer> parts = new ArrayList<>();
            for (int j = 0; j < columns; j++) {
                parts.add(cell[i][j]);
            }
            problem.sum(total, parts);
        }
        List<Integer> columnTotalCells = new ArrayList<>();
        for (int j = 0; j < columns; j++) {
            int total = problem.cell("total|c" + j, columnTotals[j], state, 10);
            columnTotalCells.add(total);
            List<Integer> parts = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                parts.add(cell[i][j]);
            }
            problem.sum(total, parts);
        }
        problem.sum(grandTotal, rowTotalCells);
        problem.sum(grandTotal, columnTotalCells);
        return problem;
    }
}
