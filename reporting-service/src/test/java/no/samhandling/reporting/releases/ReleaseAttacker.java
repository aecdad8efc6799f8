package no.samhandling.reporting.releases;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import no.samhandling.reporting.disclosure.Cell;
import no.samhandling.reporting.disclosure.Flag;
import no.samhandling.reporting.disclosure.LinearProgram;
import no.samhandling.reporting.disclosure.LinearProgram.Relation;

/**
 * A reader who holds every release of a year and wants to pin down what they hide. Written from
 * what the releases say and what anyone knows about the figures, not from the service's own model:
 * <ul>
 * <li>counts are whole and never negative: the bounds of the linear relaxation, each moved in to the
 * nearest whole number (as wide as the integer bounds where the facts are those of a network, as
 * most are here);</li>
 * <li>every row of a table is listed, and a table's rows add up to its total; the tables of new
 * cases (all but themes) have the number of cases as their total;</li>
 * <li>a case has one to twelve themes;</li>
 * <li>a half-year's row is the sum of its months' rows, a year's of its halves'; an arena a month
 * does not list had nothing then;</li>
 * <li>an arena's backlog at a half-year's end is its backlog before, plus new cases and cases
 * escalated into it along the catalogue's escalation routes, less returned, escalated, withdrawn
 * and closed cases (closed is never published); the reader is granted the backlog at the start of
 * the year and the routes;</li>
 * <li>meetings cancelled for lack of cases are among the cancelled meetings;</li>
 * <li>the running month's coarse figure was a lower bound on the month's cases.</li>
 * </ul>
 * For each hidden cell it solves two linear programs, the smallest and the largest value it can take
 * (with the service's simplex, which {@code LinearProgramTest} holds to commons-math3's).
 */
final class ReleaseAttacker {

    private final Map<String, Integer> variables = new LinkedHashMap<>();
    private final Map<String, Long> shown = new HashMap<>();
    private final List<Map<String, Double>> rows = new ArrayList<>();
    private final List<Relation> relations = new ArrayList<>();
    private final List<Double> constants = new ArrayList<>();
    private final Map<String, Release> releases = new LinkedHashMap<>();

    /**
     * @param openAtStart the backlog per arena when the year began (granted to the reader)
     * @param routes escalation routes {@code from>to} of the catalogue (granted to the reader)
     * @param atLeast per month code, the running month's highest "at least"
     */
    ReleaseAttacker(List<Release> year, Map<String, Long> openAtStart, Set<String> routes, Map<String, Long> atLeast, boolean publishedAsIs) {
        year.forEach(release -> releases.put(release.period(), release));
        for (Release release : year) {
            String period = release.period();
            for (Release.Table table : release.tables()) {
                List<String> parts = new ArrayList<>();
                for (Release.Row row : table.rows()) {
                    String id = cellOf(table.id(), row.key(), period);
                    know(id, row.cell(), publishedAsIs);
                    parts.add(id);
                }
                if (table.total() != null) {
                    String total = totalOf(table.id(), period);
                    know(total, table.total(), publishedAsIs);
                    equation(parts, total);
                }
                hierarchy(release, table);
            }
            release.table("referralsByTheme").ifPresent(themes -> {
                String cases = "cases|" + period;
                Map<String, Double> atLeastOne = new HashMap<>(Map.of(cases, 1.0));
                Map<String, Double> atMostTwelve = new HashMap<>(Map.of(cases, -12.0));
                for (Release.Row row : themes.rows()) {
                    String theme = cellOf(themes.id(), row.key(), period);
                    fact(Map.of(theme, 1.0, cases, -1.0), Relation.AT_MOST, 0);
                    atLeastOne.put(theme, -1.0);
                    atMostTwelve.put(theme, 1.0);
                }
                fact(atLeastOne, Relation.AT_MOST, 0);
                fact(atMostTwelve, Relation.AT_MOST, 0);
            });
            release.table("meetingsCancelledNoCasesByArena").ifPresent(noCases -> {
                List<String> keys = new ArrayList<>(noCases.rows().stream().map(Release.Row::key).toList());
                for (String key : keys) {
                    fact(Map.of(cellOf(noCases.id(), key, period), 1.0, cellOf("meetingsCancelledByArena", key, period), -1.0), Relation.AT_MOST, 0);
                }
                fact(Map.of(totalOf(noCases.id(), period), 1.0, totalOf("meetingsCancelledByArena", period), -1.0), Relation.AT_MOST, 0);
            });
            release.table("openBacklogByArena").ifPresent(backlog -> backlog(release, backlog, openAtStart, routes));
            if (release.kind() == ReleasePeriod.Kind.MONTH && atLeast.containsKey(period)) {
                fact(Map.of("cases|" + period, 1.0), Relation.AT_LEAST, atLeast.get(period));
            }
        }
    }

    private static String cellOf(String table, String row, String period) {
        return table + "|" + row + "|" + period;
    }

    private static String totalOf(String table, String period) {
        boolean ofCases = table.startsWith("referralsBy") && !table.equals("referralsByTheme");
        return ofCases ? "cases|" + period : table + "|total|" + period;
    }

    private void know(String id, Cell cell, boolean publishedAsIs) {
        if (publishedAsIs && cell.flag() == Flag.SHOWN) {
            shown.put(id, cell.count());
        } else if (!shown.containsKey(id)) {
            variables.putIfAbsent(id, variables.size());
        }
    }

    private void hierarchy(Release release, Release.Table table) {
        ReleasePeriod period = release.releasePeriod();
        if (period.kind() == ReleasePeriod.Kind.MONTH) {
            return;
        }
        List<Release> parts = new ArrayList<>();
        for (ReleasePeriod part : period.parts()) {
            Release found = releases.get(part.code());
            if (found == null || found.table(table.id()).isEmpty()) {
                return;
            }
            parts.add(found);
        }
        for (Release.Row row : table.rows()) {
            List<String> terms = new ArrayList<>();
            for (Release part : parts) {
                part.table(table.id()).orElseThrow().rows().stream().filter(partRow -> partRow.key().equals(row.key()))
                        .forEach(partRow -> terms.add(cellOf(table.id(), row.key(), part.period())));
            }
            equation(terms, cellOf(table.id(), row.key(), release.period()));
        }
        if (table.total() != null) {
            equation(parts.stream().map(part -> totalOf(table.id(), part.period())).toList(), totalOf(table.id(), release.period()));
        }
    }

    private void backlog(Release release, Release.Table backlog, Map<String, Long> openAtStart, Set<String> routes) {
        String period = release.period();
        boolean spring = release.releasePeriod().index() == 0;
        Release before = spring ? null : releases.get(ReleasePeriod.half(release.releasePeriod().year(), 0).code());
        for (Release.Row row : backlog.rows()) {
            String arena = row.key();
            Map<String, Double> terms = new HashMap<>();
            terms.merge(cellOf("openBacklogByArena", arena, period), 1.0, Double::sum);
            terms.merge(cellOf("referralsByArena", arena, period), -1.0, Double::sum);
            for (String exit : List.of("returnedByArena", "escalatedByArena", "withdrawnByArena")) {
                terms.merge(cellOf(exit, arena, period), 1.0, Double::sum);
            }
            String closed = "closed|" + arena + "|" + period;
            variables.putIfAbsent(closed, variables.size());
            terms.merge(closed, 1.0, Double::sum);
            Map<String, Double> escalations = new HashMap<>(Map.of(cellOf("escalatedByArena", arena, period), -1.0));
            for (String route : routes) {
                String[] ends = route.split(">", 2);
                String id = "route|" + route + "|" + period;
                if (ends[1].equals(arena)) {
                    variables.putIfAbsent(id, variables.size());
                    terms.merge(id, -1.0, Double::sum);
                }
                if (ends[0].equals(arena)) {
                    variables.putIfAbsent(id, variables.size());
                    escalations.merge(id, 1.0, Double::sum);
                }
            }
            double constant = 0;
            if (spring) {
                constant = openAtStart.getOrDefault(arena, 0L);
            } else if (before != null && before.table("openBacklogByArena").orElseThrow().rows().stream().anyMatch(r -> r.key().equals(arena))) {
                terms.merge(cellOf("openBacklogByArena", arena, before.period()), -1.0, Double::sum);
            }
            fact(terms, Relation.EQUAL, constant);
            fact(escalations, Relation.EQUAL, 0);
        }
    }

    private void equation(List<String> parts, String total) {
        Map<String, Double> terms = new HashMap<>();
        parts.forEach(part -> terms.merge(part, 1.0, Double::sum));
        terms.merge(total, -1.0, Double::sum);
        fact(terms, Relation.EQUAL, 0);
    }

    private void fact(Map<String, Double> terms, Relation relation, double constant) {
        rows.add(new HashMap<>(terms));
        relations.add(relation);
        constants.add(constant);
    }

    /** Facts that do not hold for the given values (ids as here; for finding a wrong fact). */
    List<String> violated(java.util.function.Function<String, Long> truth) {
        List<String> violated = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            double sum = 0;
            for (Map.Entry<String, Double> term : rows.get(r).entrySet()) {
                Long value = shown.containsKey(term.getKey()) ? shown.get(term.getKey()) : truth.apply(term.getKey());
                sum += term.getValue() * (value == null ? Double.NaN : value);
            }
            double c = constants.get(r);
            boolean holds = switch (relations.get(r)) {
                case EQUAL -> Math.abs(sum - c) < 1e-9;
                case AT_MOST -> sum <= c + 1e-9;
                case AT_LEAST -> sum >= c - 1e-9;
            };
            if (!holds) {
                violated.add(rows.get(r) + " " + relations.get(r) + " " + c + " but is " + sum);
            }
        }
        return violated;
    }

    /** A hidden cell: its id here, and where it is published (row null for a table's total). */
    record Hidden(String id, String table, String row, String period) {
    }

    /** The cells the releases hide. */
    List<Hidden> hiddenCells() {
        Map<String, Hidden> hidden = new LinkedHashMap<>();
        for (Release release : releases.values()) {
            for (Release.Table table : release.tables()) {
                for (Release.Row row : table.rows()) {
                    if (row.cell().flag() == Flag.SUPPRESSED) {
                        String id = cellOf(table.id(), row.key(), release.period());
                        hidden.putIfAbsent(id, new Hidden(id, table.id(), row.key(), release.period()));
                    }
                }
                if (table.total() != null && table.total().flag() == Flag.SUPPRESSED) {
                    String id = totalOf(table.id(), release.period());
                    hidden.putIfAbsent(id, new Hidden(id, table.id(), null, release.period()));
                }
            }
        }
        return List.copyOf(hidden.values());
    }

    /** The smallest and largest value a hidden cell can take under everything published. */
    double[] range(String cell) {
        Map<String, Integer> component = component(cell);
        LinearProgram program = new LinearProgram(component.size());
        boolean any = false;
        for (int r = 0; r < rows.size(); r++) {
            Map<String, Double> row = rows.get(r);
            if (row.keySet().stream().noneMatch(component::containsKey)) {
                continue;
            }
            Map<Integer, Double> terms = new HashMap<>();
            double constant = constants.get(r);
            for (Map.Entry<String, Double> term : row.entrySet()) {
                Integer column = component.get(term.getKey());
                if (column != null) {
                    terms.merge(column, term.getValue(), Double::sum);
                } else {
                    constant -= term.getValue() * shown.get(term.getKey());
                }
            }
            program.constraint(terms, relations.get(r), constant);
            any = true;
        }
        if (!any) {
            return new double[] {0, Double.POSITIVE_INFINITY};
        }
        double[] objective = new double[component.size()];
        objective[component.get(cell)] = 1;
        if (!program.feasible()) {
            throw new IllegalStateException("the published figures contradict the facts around " + cell);
        }
        // Counts are whole, so each bound moves in to the nearest whole number.
        return new double[] {Math.ceil(program.minimise(objective) - 1e-6), Math.floor(program.maximise(objective) + 1e-6)};
    }

    private Map<String, Integer> component(String cell) {
        Map<String, List<Integer>> rowsOf = new HashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            for (String id : rows.get(r).keySet()) {
                if (variables.containsKey(id)) {
                    rowsOf.computeIfAbsent(id, key -> new ArrayList<>()).add(r);
                }
            }
        }
        Map<String, Integer> component = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(cell));
        component.put(cell, 0);
        boolean[] seen = new boolean[rows.size()];
        while (!queue.isEmpty()) {
            for (int r : rowsOf.getOrDefault(queue.poll(), List.of())) {
                if (seen[r]) {
                    continue;
                }
                seen[r] = true;
                for (String id : rows.get(r).keySet()) {
                    if (variables.containsKey(id) && !component.containsKey(id)) {
                        component.put(id, component.size());
                        queue.add(id);
                    }
                }
            }
        }
        return component;
    }

}
