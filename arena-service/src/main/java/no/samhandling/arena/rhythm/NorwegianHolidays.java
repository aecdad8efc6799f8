package no.samhandling.arena.rhythm;

import java.time.LocalDate;
import java.time.Month;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Norwegian public holidays (offentlige høytidsdager/helligdager), with their bokmål names. */
public final class NorwegianHolidays {

    private static final Map<Integer, SortedMap<LocalDate, String>> CACHE = new ConcurrentHashMap<>();

    private NorwegianHolidays() {
    }

    /** The public holidays of a year, in date order. */
    public static SortedMap<LocalDate, String> of(int year) {
        return CACHE.computeIfAbsent(year, NorwegianHolidays::compute);
    }

    public static boolean isHoliday(LocalDate date) {
        return of(date.getYear()).containsKey(date);
    }

    /** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    private static SortedMap<LocalDate, String> compute(int year) {
        LocalDate easter = easterSunday(year);
        SortedMap<LocalDate, String> days = new TreeMap<>();
        put(days, LocalDate.of(year, Month.JANUARY, 1), "1. nyttårsdag");
        put(days, easter.minusDays(3), "Skjærtorsdag");
        put(days, easter.minusDays(2), "Langfredag");
        put(days, easter, "1. påskedag");
        put(days, easter.plusDays(1), "2. påskedag");
        put(days, LocalDate.of(year, Month.MAY, 1), "Offentlig høytidsdag");
        put(days, LocalDate.of(year, Month.MAY, 17), "Grunnlovsdag");
        put(days, easter.plusDays(39), "Kristi himmelfartsdag");
        put(days, easter.plusDays(49), "1. pinsedag");
        put(days, easter.plusDays(50), "2. pinsedag");
        put(days, LocalDate.of(year, Month.DECEMBER, 25), "1. juledag");
        put(days, LocalDate.of(year, Month.DECEMBER, 26), "2. juledag");
        return Collections.unmodifiableSortedMap(days);
    }

    /** 17 May can fall on Ascension Day or Whit Monday (as in 2027 and 2029): keep both names. */
    private static void put(SortedMap<LocalDate, String> days, LocalDate date, String name) {
        days.merge(date, name, (a, b) -> a + " og " + b.toLowerCase(java.util.Locale.ROOT));
    }
}
