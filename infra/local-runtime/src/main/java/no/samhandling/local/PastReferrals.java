package no.samhandling.local;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo's past: the anonymous cases each municipality's arenas had in the months before this one,
 * as {@code demo/history.json} describes them (how many a month per arena, from which units, about
 * what). Without them every demo case is dated today, no month has closed, and the leaders' releases
 * (a month is published once it has closed and a few days more) are empty on a fresh start. The cases
 * are drawn with a fixed seed, so every fresh demo has the same past relative to its start: fewer in
 * July and around Christmas; those older than a few weeks closed again, the latest still open.
 */
final class PastReferrals {

    static final String HISTORY = "demo/history.json";
    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    static final List<String> CLOSE_REASONS = List.of("RESOLVED", "RESOLVED", "RESOLVED", "FOLLOWED_UP_ELSEWHERE", "NO_FURTHER_ACTION");
    static final List<String> PREVENTION_LEVELS = List.of("GREEN", "YELLOW", "YELLOW", "YELLOW", "RED");
    /** Seasons as the Norwegian school year has them. */
    static final Map<Month, Double> SEASON = Map.of(Month.JULY, 0.2, Month.JUNE, 0.8, Month.AUGUST, 0.7, Month.DECEMBER, 0.7,
            Month.SEPTEMBER, 1.2, Month.OCTOBER, 1.2, Month.NOVEMBER, 1.1);

    private PastReferrals() {
    }

    /** One municipality's import: the administrator's client, and the body of {@code POST /referrals/demo-history}. */
    record Import(String adminClient, String municipalityCatalogue, ObjectNode body) {

        int size() {
            return body.path("referrals").size();
        }
    }

    /**
     * The imports of every municipality of the history, with the arenas' ids as arena-service gave
     * them, relative to {@code now}.
     */
    static List<Import> imports(JsonNode history, Map<String, String> arenaIdsByExternalKey, Instant now, JsonMapper json) {
        List<Import> imports = new ArrayList<>();
        YearMonth thisMonth = YearMonth.from(now.atZone(OSLO));
        int months = history.path("months").asInt();
        JsonNode measures = history.path("measuresTried");
        for (JsonNode municipality : history.path("municipalities")) {
            Random random = new Random(municipality.path("catalogue").asString().hashCode());
            ArrayNode referrals = json.createArrayNode();
            for (int back = months; back >= 1; back--) {
                YearMonth month = thisMonth.minusMonths(back);
                for (JsonNode arena : municipality.path("arenas")) {
                    String arenaId = arenaIdsByExternalKey.get(arena.path("arenaExternalKey").asString());
                    if (arenaId == null) {
                        throw new LocalSystemException("Demo data: GET /arenas has no arena with externalKey " + arena.path("arenaExternalKey").asString());
                    }
                    int count = poisson(arena.path("perMonth").asDouble() * SEASON.getOrDefault(month.getMonth(), 1.0), random);
                    for (int i = 0; i < count; i++) {
                        referrals.add(referral(arena, arenaId, month, measures, now, random, json));
                    }
                }
            }
            ObjectNode body = json.createObjectNode();
            body.set("referrals", referrals);
            imports.add(new Import(municipality.path("admin").asString(), municipality.path("catalogue").asString(), body));
        }
        return imports;
    }

    private static ObjectNode referral(JsonNode arena, String arenaId, YearMonth month, JsonNode measures, Instant now, Random random,
            JsonMapper json) {
        JsonNode unit = pick(arena.path("units"), random);
        ObjectNode referral = json.createObjectNode()
                .put("arenaId", arenaId)
                .put("referrerUnit", unit.path("referrerUnit").asString())
                .put("referrerUnitType", unit.path("referrerUnitType").asString())
                .put("ageBand", pick(arena.path("ageBands"), random).asString())
                .put("preventionLevel", PREVENTION_LEVELS.get(random.nextInt(PREVENTION_LEVELS.size())))
                .put("guardiansAttend", random.nextInt(3) > 0);
        ArrayNode themes = referral.putArray("themes");
        themes.add(pick(arena.path("themes"), random));
        JsonNode second = pick(arena.path("themes"), random);
        if (random.nextBoolean() && !second.equals(themes.get(0))) {
            themes.add(second);
        }
        ObjectNode measure = ((ObjectNode) pick(measures, random)).deepCopy().put("period", seasonOf(month.minusMonths(1)));
        referral.putArray("measuresTried").add(measure);

        Instant submittedAt = workingHour(month, random);
        ObjectNode item = json.createObjectNode();
        item.set("referral", referral);
        item.put("submittedAt", submittedAt.toString());
        Instant closedAt = submittedAt.plus(Duration.ofDays(21 + random.nextInt(50)));
        if (closedAt.isBefore(now.minus(Duration.ofDays(1)))) {
            item.put("closedAt", closedAt.toString());
            item.put("closeReasonCode", CLOSE_REASONS.get(random.nextInt(CLOSE_REASONS.size())));
        }
        return item;
    }

    /** A weekday of the month, between eight and three, Norwegian time. */
    private static Instant workingHour(YearMonth month, Random random) {
        LocalDate day;
        do {
            day = month.atDay(1 + random.nextInt(month.lengthOfMonth()));
        } while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY);
        return day.atTime(8 + random.nextInt(7), random.nextInt(60)).atZone(OSLO).toInstant();
    }

    /** "vår 2026" or "haust 2026": when measures were tried, said as the schools say it, never as a date. */
    private static String seasonOf(YearMonth month) {
        return (month.getMonthValue() <= 6 ? "vår " : "haust ") + month.getYear();
    }

    private static JsonNode pick(JsonNode list, Random random) {
        return list.get(random.nextInt(list.size()));
    }

    /** How many in a month, when {@code mean} is the usual number (Knuth's method; means here are small). */
    static int poisson(double mean, Random random) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }
}
