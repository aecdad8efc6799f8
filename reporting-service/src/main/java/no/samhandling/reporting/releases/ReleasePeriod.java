package no.samhandling.reporting.releases;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import no.samhandling.reporting.projection.Counters;

/**
 * The period a release covers: a month ({@code 2026-03}), a half-year ({@code 2026-VAR},
 * {@code 2026-HAUST}) or a year ({@code 2026}). A period closes when its last day has ended (in
 * Oslo) and the delay has passed, so that late events are in before it is published.
 *
 * @param index the month (0–11) or the half (0 for VAR, 1 for HAUST); 0 for a year
 */
public record ReleasePeriod(int year, Kind kind, int index) implements Comparable<ReleasePeriod> {

    public enum Kind {
        MONTH,
        HALF,
        YEAR
    }

    public static final List<String> HALVES = List.of("VAR", "HAUST");

    public static ReleasePeriod month(int year, int monthIndex) {
        return new ReleasePeriod(year, Kind.MONTH, monthIndex);
    }

    public static ReleasePeriod half(int year, int half) {
        return new ReleasePeriod(year, Kind.HALF, half);
    }

    public static ReleasePeriod year(int year) {
        return new ReleasePeriod(year, Kind.YEAR, 0);
    }

    public static ReleasePeriod monthOf(Instant instant) {
        LocalDate day = instant.atZone(Counters.OSLO).toLocalDate();
        return month(day.getYear(), day.getMonthValue() - 1);
    }

    /** {@code 2026-03}, {@code 2026-VAR} or {@code 2026}; null when the code is none of these. */
    public static ReleasePeriod parse(String code) {
        if (code == null) {
            return null;
        }
        if (code.matches("\\d{4}")) {
            return year(Integer.parseInt(code));
        }
        if (code.matches("\\d{4}-(VAR|HAUST)")) {
            return half(Integer.parseInt(code.substring(0, 4)), HALVES.indexOf(code.substring(5)));
        }
        if (code.matches("\\d{4}-(0[1-9]|1[0-2])")) {
            return month(Integer.parseInt(code.substring(0, 4)), Integer.parseInt(code.substring(5)) - 1);
        }
        return null;
    }

    public String code() {
        return switch (kind) {
            case MONTH -> "%d-%02d".formatted(year, index + 1);
            case HALF -> year + "-" + HALVES.get(index);
            case YEAR -> String.valueOf(year);
        };
    }

    /** The month indexes (0–11) the period spans. */
    public List<Integer> monthIndexes() {
        return switch (kind) {
            case MONTH -> List.of(index);
            case HALF -> IntStream.range(index * 6, index * 6 + 6).boxed().toList();
            case YEAR -> IntStream.range(0, 12).boxed().toList();
        };
    }

    /** The months of the period, in order. */
    public List<ReleasePeriod> months() {
        return monthIndexes().stream().map(month -> month(year, month)).toList();
    }

    /** The periods one level down: a year's halves, a half's months; nothing for a month. */
    public List<ReleasePeriod> parts() {
        return switch (kind) {
            case MONTH -> List.of();
            case HALF -> months();
            case YEAR -> List.of(half(year, 0), half(year, 1));
        };
    }

    public YearMonth firstMonth() {
        return YearMonth.of(year, monthIndexes().get(0) + 1);
    }

    public YearMonth lastMonth() {
        List<Integer> months = monthIndexes();
        return YearMonth.of(year, months.get(months.size() - 1) + 1);
    }

    /** The moment the period may be published: its last day over in Oslo, and the delay passed. */
    public Instant closesAt(Duration delay) {
        return lastMonth().plusMonths(1).atDay(1).atStartOfDay(Counters.OSLO).toInstant().plus(delay);
    }

    /** Every period of a year that a release is made for, in the order they are published. */
    public static List<ReleasePeriod> ofYear(int year) {
        List<ReleasePeriod> periods = new ArrayList<>();
        for (int month = 0; month < 12; month++) {
            periods.add(month(year, month));
            if (month == 5) {
                periods.add(half(year, 0));
            }
        }
        periods.add(half(year, 1));
        periods.add(year(year));
        return periods;
    }

    /** Publication order: by year, then as {@link #ofYear} lists them. */
    @Override
    public int compareTo(ReleasePeriod other) {
        if (year != other.year) {
            return Integer.compare(year, other.year);
        }
        List<ReleasePeriod> order = ofYear(year);
        return Integer.compare(order.indexOf(this), order.indexOf(other));
    }
}
