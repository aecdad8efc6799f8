package no.samhandling.reporting.releases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import no.samhandling.events.DomainEvent;
import no.samhandling.reporting.disclosure.Flag;
import no.samhandling.reporting.projection.Metric;
import no.samhandling.reporting.testdata.EventMother;

/**
 * The attack the releases must withstand: for many random municipalities (two in three of them with
 * one to three arenas), every release of a year (twelve months, two half-years, the year) is made as the
 * service makes it, and then {@link ReleaseAttacker} bounds every hidden cell by linear programming
 * over everything published and every structural fact. No hidden cell may be narrowed below the
 * threshold, unless the structure alone already pins it (the escalations of an arena that escalates
 * nowhere are 0 whatever is published).
 *
 * <p>{@code -Dattack.datasets=N} runs more data sets (default 10).
 */
class ReleaseAttackTest {

    private static final int YEAR = 2026;
    private static final String MUNICIPALITY = "1599";

    @Test
    void noHiddenCellOfAYearOfReleasesCanBeNarrowedBelowTheThreshold() {
        int datasets = Integer.getInteger("attack.datasets", 10);
        Random random = new Random(20261128L);
        long started = System.nanoTime();
        int hiddenCells = 0;
        int shownCells = 0;
        for (int dataset = 0; dataset < datasets; dataset++) {
            boolean small = dataset % 3 != 2;
            int arenas = small ? 1 + random.nextInt(3) : 2 + random.nextInt(5);
            int referrals = small ? 3 + random.nextInt(45) : 30 + random.nextInt(170);
            int threshold = dataset % 4 == 3 ? 3 : 5;
            int minimumBreakdown = dataset % 5 == 4 ? 20 : 10;
            long seed = random.nextLong();
            List<DomainEvent> events = new ArrayList<>(EventMother.year(MUNICIPALITY, YEAR - 1, referrals / 2 + 1, arenas, seed + 1));
            events.addAll(EventMother.year(MUNICIPALITY, YEAR, referrals, arenas, seed));
            YearCounters counters = YearOfReleases.counters(events, MUNICIPALITY, YEAR);
            Map<Integer, Long> running = runningLowerBounds(counters, random);
            List<ReleaseBuilder.Stored> year = YearOfReleases.publish(events, MUNICIPALITY, YEAR, threshold, minimumBreakdown, running);

            List<Release> releases = year.stream().map(ReleaseBuilder.Stored::release).toList();
            Map<String, Long> truth = new LinkedHashMap<>();
            year.forEach(stored -> truth.putAll(stored.cells()));
            shownCells += assertShownCellsAreTrueAndNotSmall(releases, truth, threshold);
            Set<String> routes = new LinkedHashSet<>(counters.monthly().get(Metric.ESCALATION_ROUTES).keySet());
            Map<String, Long> atLeast = new LinkedHashMap<>();
            running.forEach((month, bound) -> atLeast.put(ReleasePeriod.month(YEAR, month).code(), bound));
            ReleaseAttacker attacker = new ReleaseAttacker(releases, counters.openAtStart(), routes, atLeast, true);
            Map<String, Long> latents = new LinkedHashMap<>();
            year.forEach(stored -> latents.putAll(stored.latents()));
            List<String> violated = attacker.violated(id -> {
                if (truth.containsKey(id)) {
                    return truth.get(id);
                }
                if (latents.containsKey(id)) {
                    return latents.get(id);
                }
                if (id.startsWith("route|")) {
                    return 0L;
                }
                if (id.startsWith("cases|")) {
                    return truth.get("cases|TOTAL|" + id.substring(6));
                }
                return truth.get(id.replace("|total|", "|TOTAL|"));
            });
            assertThat(violated).as("facts").isEmpty();
            String describe = "data set %d (%d arenas, %d referrals, threshold %d, minimum %d, seed %d)"
                    .formatted(dataset, arenas, referrals, threshold, minimumBreakdown, seed);
            for (ReleaseAttacker.Hidden hidden : attacker.hiddenCells()) {
                hiddenCells++;
                double[] range = attacker.range(hidden.id());
                long value = truth.get(hidden.row() == null ? ReleaseTables.totalId(hidden.table(), hidden.period())
                        : ReleaseTables.cellId(hidden.table(), hidden.row(), hidden.period()));
                assertThat(value).as("the attacker's facts hold for the true count of %s in %s", hidden.id(), describe)
                        .isBetween((long) Math.floor(range[0] - 1e-6), (long) Math.ceil(range[1] + 1e-6));
                if (range[1] - range[0] < threshold - 1e-6) {
                    double[] structural = new ReleaseAttacker(releases, counters.openAtStart(), routes, atLeast, false).range(hidden.id());
                    assertThat(range[1] - range[0]).as("range %s..%s of %s (true %d) in %s", range[0], range[1], hidden.id(), value, describe)
                            .isGreaterThanOrEqualTo(Math.min(threshold, structural[1] - structural[0]) - 1e-6);
                }
            }
        }
        System.out.printf("Release attack: %d data sets, %d hidden cells bounded, %d shown cells checked, in %d ms%n", datasets, hiddenCells,
                shownCells, (System.nanoTime() - started) / 1_000_000);
        assertThat(hiddenCells).as("the data sets exercise suppression").isGreaterThan(datasets * 10);
    }

    /** The running month's coarse figure, as some leader may have seen it late in each month: a lower bound, in steps of ten. */
    private static Map<Integer, Long> runningLowerBounds(YearCounters counters, Random random) {
        Map<Integer, Long> bounds = new LinkedHashMap<>();
        Map<String, long[]> cases = counters.monthly().get(Metric.REFERRALS_BY_ARENA);
        for (int month = 0; month < 12; month++) {
            long total = 0;
            for (long[] counts : cases.values()) {
                total += counts[month];
            }
            long seen = (long) Math.floor(total * random.nextDouble());
            if (seen >= 10) {
                bounds.put(month, seen / 10 * 10);
            }
        }
        return bounds;
    }

    private static int assertShownCellsAreTrueAndNotSmall(List<Release> releases, Map<String, Long> truth, int threshold) {
        int checked = 0;
        for (Release release : releases) {
            for (Release.Table table : release.tables()) {
                for (Release.Row row : table.rows()) {
                    assertThat(row.cell().flag()).isNotEqualTo(Flag.MISSING);
                    if (row.cell().isShown()) {
                        long value = row.cell().count();
                        assertThat(value).isEqualTo(truth.get(ReleaseTables.cellId(table.id(), row.key(), release.period())));
                        assertThat(value == 0 || value >= threshold).as("%s %s %s shows %d", release.period(), table.id(), row.key(), value)
                                .isTrue();
                        checked++;
                    }
                }
                if (table.total() != null && table.total().isShown()) {
                    long value = table.total().count();
                    assertThat(value).isEqualTo(truth.get(ReleaseTables.totalId(table.id(), release.period())));
                    assertThat(value == 0 || value >= threshold).isTrue();
                }
            }
        }
        return checked;
    }
}
