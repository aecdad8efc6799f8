package no.samhandling.reporting.releases;

import static no.samhandling.reporting.releases.ReleaseTables.BACKLOG;
import static no.samhandling.reporting.releases.ReleaseTables.CASES;
import static no.samhandling.reporting.releases.ReleaseTables.MAX_THEMES_PER_CASE;
import static no.samhandling.reporting.releases.ReleaseTables.MEETINGS_CANCELLED;
import static no.samhandling.reporting.releases.ReleaseTables.MEETINGS_CANCELLED_NO_CASES;
import static no.samhandling.reporting.releases.ReleaseTables.REFERRALS_BY_ARENA;
import static no.samhandling.reporting.releases.ReleaseTables.REFERRALS_BY_THEME;
import static no.samhandling.reporting.releases.ReleaseTables.TOTAL;
import static no.samhandling.reporting.releases.ReleaseTables.cellId;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import no.samhandling.reporting.disclosure.ProtectionProblem;
import no.samhandling.reporting.projection.Counters;

/**
 * The structural facts that tie a year's releases together, as any reader knows them:
 * <ul>
 * <li>a table's rows add up to its total, and every table of cases has the same total;</li>
 * <li>a case has between one and twelve themes, so each theme is at most the number of cases and
 * all themes together at least it and at most twelve times it;</li>
 * <li>a half-year is its months and a year its halves, row by row;</li>
 * <li>an arena's backlog at a half-year's end is its backlog before, plus new cases and cases
 * escalated into it, less those returned, escalated, withdrawn and closed (closed, and which arena
 * an escalation went to, are never published but are counts);</li>
 * <li>meetings cancelled for lack of cases are some of the meetings cancelled;</li>
 * <li>the running month showed at least so many cases.</li>
 * </ul>
 */
final class YearFacts {

    record Part(Release release, Map<String, Long> known) {
    }

    static void add(ProtectionProblem problem, List<Part> year, Map<Integer, Long> runningLowerBounds) {
        Map<ReleasePeriod, Release> byPeriod = new LinkedHashMap<>();
        year.forEach(part -> byPeriod.put(part.release().releasePeriod(), part.release()));
        Set<String> summed = new HashSet<>();
        for (Part part : year) {
            Release release = part.release();
            String period = release.period();
            for (Release.Table table : release.tables()) {
                String totalId = ReleaseTables.totalId(table.id(), period);
                List<Integer> rows = table.rows().stream().map(row -> problem.indexOf(cellId(table.id(), row.key(), period))).toList();
                if (totalId != null) {
                    problem.sum(problem.indexOf(totalId), rows);
                }
                hierarchy(problem, table, release, byPeriod, summed);
            }
            release.table(REFERRALS_BY_THEME).ifPresent(themes -> themes(problem, themes, period));
            release.table(BACKLOG).ifPresent(backlog -> backlog(problem, release, byPeriod, part.known()));
            meetings(problem, release);
            ReleasePeriod releasePeriod = release.releasePeriod();
            Long atLeast = releasePeriod.kind() == ReleasePeriod.Kind.MONTH ? runningLowerBounds.get(releasePeriod.index()) : null;
            if (atLeast != null && atLeast > 0) {
                problem.atMost(Map.of(problem.indexOf(cellId(CASES, TOTAL, period)), -1L), -atLeast);
            }
        }
    }

    /** A row of a half-year is the sum of its months' rows, a year's of its halves'; a row a part does not list is 0 there. */
    private static void hierarchy(ProtectionProblem problem, Release.Table table, Release release, Map<ReleasePeriod, Release> byPeriod,
            Set<String> summed) {
        List<Release> parts = new ArrayList<>();
        for (ReleasePeriod part : release.releasePeriod().parts()) {
            Release partRelease = byPeriod.get(part);
            if (partRelease == null || partRelease.table(table.id()).isEmpty()) {
                return;
            }
            parts.add(partRelease);
        }
        if (parts.isEmpty()) {
            return;
        }
        String period = release.period();
        for (Release.Row row : table.rows()) {
            List<Integer> terms = new ArrayList<>();
            for (Release part : parts) {
                String id = cellId(table.id(), row.key(), part.period());
                if (problem.has(id)) {
                    terms.add(problem.indexOf(id));
                }
            }
            problem.sum(problem.indexOf(cellId(table.id(), row.key(), period)), terms);
        }
        String totalId = ReleaseTables.totalId(table.id(), period);
        if (totalId != null && summed.add(totalId)) {
            List<Integer> terms = parts.stream().map(part -> problem.indexOf(ReleaseTables.totalId(table.id(), part.period()))).toList();
            problem.sum(problem.indexOf(totalId), terms);
        }
    }

    private static void themes(ProtectionProblem problem, Release.Table themes, String period) {
        int cases = problem.indexOf(cellId(CASES, TOTAL, period));
        Map<Integer, Long> atLeastOne = new LinkedHashMap<>();
        Map<Integer, Long> atMostTwelve = new LinkedHashMap<>();
        atLeastOne.put(cases, 1L);
        atMostTwelve.put(cases, (long) -MAX_THEMES_PER_CASE);
        for (Release.Row row : themes.rows()) {
            int theme = problem.indexOf(cellId(themes.id(), row.key(), period));
            problem.atMost(Map.of(theme, 1L, cases, -1L), 0);
            atLeastOne.put(theme, -1L);
            atMostTwelve.put(theme, 1L);
        }
        problem.atMost(atLeastOne, 0);
        problem.atMost(atMostTwelve, 0);
    }

    /**
     * open(end) − open(before) − new − Σ escalated in + returned + escalated + withdrawn + closed = 0, per arena;
     * and an arena's escalations are the sum of its routes.
     */
    private static void backlog(ProtectionProblem problem, Release release, Map<ReleasePeriod, Release> byPeriod, Map<String, Long> known) {
        String period = release.period();
        ReleasePeriod half = release.releasePeriod();
        Release spring = half.index() == 1 ? byPeriod.get(ReleasePeriod.half(half.year(), 0)) : null;
        Map<String, List<Integer>> routesInto = new LinkedHashMap<>();
        Map<String, List<Integer>> routesFrom = new LinkedHashMap<>();
        for (int at = 0; at < problem.size(); at++) {
            String id = problem.id(at);
            if (id.startsWith("route|") && id.endsWith("|" + period)) {
                String route = id.substring("route|".length(), id.length() - period.length() - 1);
                String[] arenas = route.split(Counters.ROUTE, 2);
                routesFrom.computeIfAbsent(arenas[0], key -> new ArrayList<>()).add(at);
                routesInto.computeIfAbsent(arenas[1], key -> new ArrayList<>()).add(at);
            }
        }
        for (Release.Row row : release.table(BACKLOG).orElseThrow().rows()) {
            String arena = row.key();
            Map<Integer, Long> terms = new LinkedHashMap<>();
            terms.merge(problem.indexOf(cellId(BACKLOG, arena, period)), 1L, Long::sum);
            terms.merge(problem.indexOf(cellId(REFERRALS_BY_ARENA, arena, period)), -1L, Long::sum);
            for (String exit : ReleaseTables.EXIT_TABLES.keySet()) {
                terms.merge(problem.indexOf(cellId(exit, arena, period)), 1L, Long::sum);
            }
            terms.merge(problem.indexOf(cellId("closed", arena, period)), 1L, Long::sum);
            routesInto.getOrDefault(arena, List.of()).forEach(route -> terms.merge(route, -1L, Long::sum));
            long constant = 0;
            if (spring == null) {
                constant = known.getOrDefault(cellId(BACKLOG, arena, "start"), 0L);
            } else {
                String before = cellId(BACKLOG, arena, spring.period());
                if (problem.has(before)) {
                    terms.merge(problem.indexOf(before), -1L, Long::sum);
                }
            }
            terms.values().removeIf(coefficient -> coefficient == 0);
            Map<Integer, Long> routes = new LinkedHashMap<>();
            routesFrom.getOrDefault(arena, List.of()).forEach(route -> routes.put(route, 1L));
            routes.merge(problem.indexOf(cellId("escalatedByArena", arena, period)), -1L, Long::sum);
            // Counters from before escalation routes were counted do not add up; a rebuild recounts them.
            if (problem.holds(terms, true, constant) && problem.holds(routes, true, 0)) {
                problem.equal(terms, constant);
                problem.equal(routes, 0);
            }
        }
    }

    private static void meetings(ProtectionProblem problem, Release release) {
        release.table(MEETINGS_CANCELLED_NO_CASES).ifPresent(noCases -> {
            String period = release.period();
            List<String> keys = new ArrayList<>(noCases.rows().stream().map(Release.Row::key).toList());
            keys.add(TOTAL);
            for (String key : keys) {
                problem.atMost(Map.of(problem.indexOf(cellId(MEETINGS_CANCELLED_NO_CASES, key, period)), 1L,
                        problem.indexOf(cellId(MEETINGS_CANCELLED, key, period)), -1L), 0);
            }
        });
    }

    private YearFacts() {
    }
}
