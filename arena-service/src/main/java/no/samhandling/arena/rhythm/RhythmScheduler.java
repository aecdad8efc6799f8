package no.samhandling.arena.rhythm;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Turns a rule into meetings. A day is <em>open</em> when it is neither a Norwegian public holiday nor in a
 * closed period of the school calendar. Choices:
 * <ul>
 * <li>Fixed-day rules (WEEKLY, EVERY_N_WEEKS, NTH_WEEKDAY_OF_MONTH, EVERY_N_MONTHS) <b>skip</b> a date that is
 * not open; nothing is moved, and the series keeps its phase (the next meeting is the next in the series).
 * EVERY_N_WEEKS and EVERY_N_MONTHS start at their anchor; nothing is generated before it.</li>
 * <li>PER_HALF_YEAR: the spring term is January–June, the autumn term August–December. The candidates of a
 * term are its open dates on the preferred weekday (Tuesday if none), i.e. one per open week; N meetings take
 * the candidates at index {@code floor((2i + 1) * C / 2N)}, i = 0…N-1, of C candidates (the midpoints of N
 * equal slices). The whole term is always planned, then cut to [from, to], so a window never shifts dates.</li>
 * <li>TIMES_PER_MONTH and DAYS_PER_MONTH: {@code min} meetings a month, spread the same way over the month's
 * open weekdays (Monday–Friday), or over its open preferred weekdays if one is given.</li>
 * <li>ON_DEMAND and AGREED_AT_MEETING: nothing; those meetings are created ad hoc.</li>
 * <li>Times are local in Europe/Oslo; the start keeps its wall-clock time across daylight saving changes and
 * the end is start plus the duration. Default duration 1 hour (DAYS_PER_MONTH: 7 h 30 min, a working day).
 * A start time in the spring-forward gap is moved forward by the gap.</li>
 * </ul>
 */
public final class RhythmScheduler {

    public static final ZoneId ZONE = ZoneId.of("Europe/Oslo");
    static final Duration DEFAULT_DURATION = Duration.ofHours(1);
    static final Duration DEFAULT_DAY_DURATION = Duration.ofMinutes(450);
    private static final long MAX_SPAN_DAYS = 366L * 10;

    private RhythmScheduler() {
    }

    /** The meetings of {@code rule} dated from {@code from} through {@code to}, in order. */
    public static List<Occurrence> occurrences(MeetingRhythm rule, LocalDate from, LocalDate to,
            SchoolCalendar calendar) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to is before from");
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_SPAN_DAYS) {
            throw new IllegalArgumentException("at most ten years at a time");
        }
        Predicate<LocalDate> open = d -> !NorwegianHolidays.isHoliday(d) && !calendar.isClosed(d);
        List<LocalDate> dates = switch (rule) {
            case MeetingRhythm.Weekly r -> series(from.with(TemporalAdjusters.nextOrSame(r.weekday())), to, 1);
            case MeetingRhythm.EveryNWeeks r -> {
                LocalDate first = r.anchorDate();
                if (first.isBefore(from)) {
                    long weeks = ChronoUnit.WEEKS.between(first, from);
                    first = first.plusWeeks(weeks - weeks % r.interval());
                }
                yield series(first, to, r.interval());
            }
            case MeetingRhythm.NthWeekdayOfMonth r -> months(YearMonth.from(from), to, 1).stream()
                    .map(m -> nthWeekday(m, r.nth(), r.weekday())).toList();
            case MeetingRhythm.EveryNMonths r -> {
                YearMonth first = r.firstMonth();
                YearMonth start = YearMonth.from(from);
                if (first.isBefore(start)) {
                    long months = ChronoUnit.MONTHS.between(first, start);
                    first = first.plusMonths(months - months % r.interval());
                }
                yield months(first, to, r.interval()).stream().map(m -> nthWeekday(m, r.nth(), r.weekday())).toList();
            }
            case MeetingRhythm.PerHalfYear r -> perHalfYear(r, from, to, open);
            case MeetingRhythm.TimesPerMonth r -> perMonth(r.min(), r.weekday(), from, to, open);
            case MeetingRhythm.DaysPerMonth r -> perMonth(r.min(), r.weekday(), from, to, open);
            case MeetingRhythm.OnDemand r -> List.of();
            case MeetingRhythm.AgreedAtMeeting r -> List.of();
        };
        Duration length = rule.duration()
                .orElse(rule instanceof MeetingRhythm.DaysPerMonth ? DEFAULT_DAY_DURATION : DEFAULT_DURATION);
        return dates.stream()
                .filter(d -> !d.isBefore(from) && !d.isAfter(to))
                .filter(open)
                .map(d -> {
                    ZonedDateTime start = ZonedDateTime.of(d, rule.startTime(), ZONE);
                    return new Occurrence(start, start.plus(length));
                })
                .toList();
    }

    private static List<LocalDate> series(LocalDate first, LocalDate to, int intervalWeeks) {
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(to); d = d.plusWeeks(intervalWeeks)) {
            dates.add(d);
        }
        return dates;
    }

    private static List<YearMonth> months(YearMonth first, LocalDate to, int interval) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = first; !m.atDay(1).isAfter(to); m = m.plusMonths(interval)) {
            months.add(m);
        }
        return months;
    }

    static LocalDate nthWeekday(YearMonth month, int nth, DayOfWeek weekday) {
        return nth == -1 ? month.atEndOfMonth().with(TemporalAdjusters.lastInMonth(weekday))
                : month.atDay(1).with(TemporalAdjusters.dayOfWeekInMonth(nth, weekday));
    }

    private static List<LocalDate> perHalfYear(MeetingRhythm.PerHalfYear rule, LocalDate from, LocalDate to,
            Predicate<LocalDate> open) {
        DayOfWeek day = rule.weekday().orElse(DayOfWeek.TUESDAY);
        List<LocalDate> dates = new ArrayList<>();
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            dates.addAll(spread(candidates(LocalDate.of(year, Month.JANUARY, 1), LocalDate.of(year, Month.JUNE, 30),
                    d -> d.getDayOfWeek() == day && open.test(d)), rule.spring()));
            dates.addAll(spread(candidates(LocalDate.of(year, Month.AUGUST, 1), LocalDate.of(year, Month.DECEMBER, 31),
                    d -> d.getDayOfWeek() == day && open.test(d)), rule.autumn()));
        }
        return dates;
    }

    private static List<LocalDate> perMonth(int count, Optional<DayOfWeek> weekday, LocalDate from, LocalDate to,
            Predicate<LocalDate> open) {
        Predicate<LocalDate> candidate = weekday.<Predicate<LocalDate>>map(w -> d -> d.getDayOfWeek() == w)
                .orElse(d -> d.getDayOfWeek().getValue() <= 5).and(open);
        List<LocalDate> dates = new ArrayList<>();
        for (YearMonth m : months(YearMonth.from(from), to, 1)) {
            dates.addAll(spread(candidates(m.atDay(1), m.atEndOfMonth(), candidate), count));
        }
        return dates;
    }

    private static List<LocalDate> candidates(LocalDate first, LocalDate last, Predicate<LocalDate> accept) {
        return first.datesUntil(last.plusDays(1)).filter(accept).toList();
    }

    /** {@code n} of the candidates, at the midpoints of n equal slices; all of them if there are too few. */
    static <T> List<T> spread(List<T> candidates, int n) {
        int c = candidates.size();
        if (n >= c) {
            return candidates;
        }
        List<T> chosen = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            chosen.add(candidates.get((int) ((2L * i + 1) * c / (2L * n))));
        }
        return chosen;
    }
}
