package no.samhandling.reporting.figures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import no.samhandling.reporting.projection.Counters;

/** A reporting period: a calendar year, or one of its half-years (vår: January–June, haust: July–December). */
public record Period(int year, Half half) {

    public enum Half {
        VAR,
        HAUST;

        public List<Integer> monthIndexes() {
            return this == VAR ? List.of(0, 1, 2, 3, 4, 5) : List.of(6, 7, 8, 9, 10, 11);
        }
    }

    public static Period year(int year) {
        return new Period(year, null);
    }

    public static Period halfContaining(Instant instant) {
        LocalDate date = instant.atZone(Counters.OSLO).toLocalDate();
        return new Period(date.getYear(), date.getMonthValue() <= 6 ? Half.VAR : Half.HAUST);
    }

    public Period previousHalf() {
        if (half == null) {
            return year(year - 1);
        }
        return half == Half.HAUST ? new Period(year, Half.VAR) : new Period(year - 1, Half.HAUST);
    }

    public List<Integer> monthIndexes() {
        return half == null ? IntStream.range(0, 12).boxed().toList() : half.monthIndexes();
    }

    public static String month(int year, int monthIndex) {
        return "%d-%02d".formatted(year, monthIndex + 1);
    }

    /** {@code 2026}, {@code 2026-VAR} or {@code 2026-HAUST}. */
    public String code() {
        return half == null ? String.valueOf(year) : year + "-" + half;
    }
}
