package no.samhandling.arena.rhythm;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A municipality's closed school periods, in which no meetings are scheduled. Built from data (binds from
 * JSON: {@code {"closedPeriods": [{"name": "Haustferie", "from": "2026-09-28", "to": "2026-10-04"}]}});
 * {@link #defaultFor(int)} gives a typical Norwegian school year. Public holidays are not part of the
 * calendar; {@link RhythmScheduler} always skips them.
 */
public record SchoolCalendar(List<ClosedPeriod> closedPeriods) {

    /** Breaks that {@link #defaultFor(int, Set)} may leave out; summer and Christmas are always closed. */
    public enum Break {
        /** ISO week 40 of the autumn term. */
        AUTUMN,
        /** ISO week 8 of the spring term. */
        WINTER,
        /** Monday of Holy Week through Easter Monday. */
        EASTER
    }

    /** Inclusive dates. */
    public record ClosedPeriod(String name, LocalDate from, LocalDate to) {
        public ClosedPeriod {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("closed period " + name + " ends before it starts");
            }
        }

        public boolean contains(LocalDate date) {
            return !date.isBefore(from) && !date.isAfter(to);
        }
    }

    public SchoolCalendar {
        closedPeriods = closedPeriods == null ? List.of()
                : closedPeriods.stream().distinct().sorted(Comparator.comparing(ClosedPeriod::from)).toList();
    }

    /** No closed periods (public holidays are still skipped). */
    public static SchoolCalendar none() {
        return new SchoolCalendar(List.of());
    }

    /** A typical school year starting in August {@code schoolYearStart}, with every break of {@link Break}. */
    public static SchoolCalendar defaultFor(int schoolYearStart) {
        return defaultFor(schoolYearStart, EnumSet.allOf(Break.class));
    }

    /**
     * A typical school year starting in August {@code schoolYearStart}:
     * <ul>
     * <li>summer holiday before and after the year: from the first Saturday on or after 19 June to the Sunday
     * before the Monday of ISO week 34 (schools start in week 34);</li>
     * <li>Christmas: 21 December through 2 January;</li>
     * <li>optional breaks: autumn (ISO week 40), winter (ISO week 8), Easter (Monday of Holy Week through
     * Easter Monday), each Monday–Sunday.</li>
     * </ul>
     */
    public static SchoolCalendar defaultFor(int schoolYearStart, Set<Break> breaks) {
        int y = schoolYearStart;
        List<ClosedPeriod> periods = new ArrayList<>();
        periods.add(summer(y));
        if (breaks.contains(Break.AUTUMN)) {
            periods.add(week("Høstferie", y, 40));
        }
        periods.add(new ClosedPeriod("Juleferie", LocalDate.of(y, Month.DECEMBER, 21), LocalDate.of(y + 1, Month.JANUARY, 2)));
        if (breaks.contains(Break.WINTER)) {
            periods.add(week("Vinterferie", y + 1, 8));
        }
        if (breaks.contains(Break.EASTER)) {
            LocalDate easter = NorwegianHolidays.easterSunday(y + 1);
            periods.add(new ClosedPeriod("Påskeferie", easter.minusDays(6), easter.plusDays(1)));
        }
        periods.add(summer(y + 1));
        return new SchoolCalendar(periods);
    }

    /** Both calendars' closed periods, for schedules that span school years. */
    public SchoolCalendar and(SchoolCalendar other) {
        Set<ClosedPeriod> all = new LinkedHashSet<>(closedPeriods);
        all.addAll(other.closedPeriods);
        return new SchoolCalendar(List.copyOf(all));
    }

    public boolean isClosed(LocalDate date) {
        return closedPeriodOn(date).isPresent();
    }

    public Optional<ClosedPeriod> closedPeriodOn(LocalDate date) {
        return closedPeriods.stream().filter(p -> p.contains(date)).findFirst();
    }

    private static ClosedPeriod summer(int year) {
        LocalDate from = LocalDate.of(year, Month.JUNE, 19).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        LocalDate to = mondayOfWeek(year, 34).minusDays(1);
        return new ClosedPeriod("Sommerferie", from, to);
    }

    private static ClosedPeriod week(String name, int weekBasedYear, int week) {
        LocalDate monday = mondayOfWeek(weekBasedYear, week);
        return new ClosedPeriod(name, monday, monday.plusDays(6));
    }

    static LocalDate mondayOfWeek(int weekBasedYear, int week) {
        return LocalDate.of(weekBasedYear, Month.JULY, 1)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(DayOfWeek.MONDAY);
    }
}
