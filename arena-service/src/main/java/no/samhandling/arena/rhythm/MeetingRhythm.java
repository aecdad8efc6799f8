package no.samhandling.arena.rhythm;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated meeting rhythm: one record per pattern of {@link RhythmSpec}. Every record checks its own
 * invariants, so an invalid rule cannot be built directly either; failures name the JSON field.
 * {@code startTime} is local time in Europe/Oslo (09:00 unless stated); {@code duration} is empty when the
 * municipality did not state one (the scheduler then uses a default, see {@link RhythmScheduler}).
 */
public sealed interface MeetingRhythm {

    LocalTime DEFAULT_START = LocalTime.of(9, 0);
    Duration MAX_DURATION = Duration.ofHours(8);

    LocalTime startTime();

    Optional<Duration> duration();

    /** A Norwegian sentence, e.g. "kvar tredje tysdag, 1 t 30 min". */
    default String describe(Language language) {
        return Wording.describe(this, language);
    }

    /** N meetings in the spring term (January–June) and M in the autumn term (August–December). */
    record PerHalfYear(int spring, int autumn, Optional<DayOfWeek> weekday, LocalTime startTime,
            Optional<Duration> duration) implements MeetingRhythm {
        public PerHalfYear {
            Checks.range(spring, 0, 26, "spring");
            Checks.range(autumn, 0, 26, "autumn");
            if (spring + autumn == 0) {
                throw new InvalidRhythmException("rhythm.spring", "rhythm.halfYear.empty");
            }
            Objects.requireNonNull(weekday, "weekday");
            Checks.slot(startTime, duration);
        }
    }

    /** Every {@code interval} weeks on {@code weekday}, the first meeting on {@code anchorDate}. */
    record EveryNWeeks(int interval, DayOfWeek weekday, LocalDate anchorDate, LocalTime startTime,
            Optional<Duration> duration) implements MeetingRhythm {
        public EveryNWeeks {
            Checks.range(interval, 1, 52, "interval");
            Checks.required(weekday, "weekday");
            Checks.required(anchorDate, "anchorDate");
            if (anchorDate.getDayOfWeek() != weekday) {
                throw new InvalidRhythmException("rhythm.anchorDate", "rhythm.anchorDate.weekday");
            }
            Checks.slot(startTime, duration);
        }
    }

    /** The {@code nth} (1–4, or -1 for the last) {@code weekday} of every month. */
    record NthWeekdayOfMonth(int nth, DayOfWeek weekday, LocalTime startTime, Optional<Duration> duration)
            implements MeetingRhythm {
        public NthWeekdayOfMonth {
            Checks.nth(nth);
            Checks.required(weekday, "weekday");
            Checks.slot(startTime, duration);
        }
    }

    /** Every week on {@code weekday}. */
    record Weekly(DayOfWeek weekday, LocalTime startTime, Optional<Duration> duration) implements MeetingRhythm {
        public Weekly {
            Checks.required(weekday, "weekday");
            Checks.slot(startTime, duration);
        }
    }

    /** The {@code nth} {@code weekday} of every {@code interval}-th month, starting in {@code firstMonth}. */
    record EveryNMonths(int interval, int nth, DayOfWeek weekday, YearMonth firstMonth, LocalTime startTime,
            Optional<Duration> duration) implements MeetingRhythm {
        public EveryNMonths {
            Checks.range(interval, 1, 12, "interval");
            Checks.nth(nth);
            Checks.required(weekday, "weekday");
            Checks.required(firstMonth, "anchorDate");
            Checks.slot(startTime, duration);
        }
    }

    /** Between {@code min} and {@code max} meetings a month, optionally on a preferred weekday. */
    record TimesPerMonth(int min, int max, Optional<DayOfWeek> weekday, LocalTime startTime,
            Optional<Duration> duration) implements MeetingRhythm {
        public TimesPerMonth {
            Checks.minMax(min, max, 20);
            Objects.requireNonNull(weekday, "weekday");
            Checks.slot(startTime, duration);
        }
    }

    /** Available (for example at a school) between {@code min} and {@code max} days a month. */
    record DaysPerMonth(int min, int max, Optional<DayOfWeek> weekday, LocalTime startTime,
            Optional<Duration> duration) implements MeetingRhythm {
        public DaysPerMonth {
            Checks.minMax(min, max, 20);
            Objects.requireNonNull(weekday, "weekday");
            Checks.slot(startTime, duration);
        }
    }

    /** Meetings when needed; nothing is scheduled. */
    record OnDemand(LocalTime startTime, Optional<Duration> duration) implements MeetingRhythm {
        public OnDemand {
            Checks.slot(startTime, duration);
        }
    }

    /** Between {@code min} and {@code max} meetings a year, each agreed at the end of the previous one. */
    record AgreedAtMeeting(int min, int max, LocalTime startTime, Optional<Duration> duration)
            implements MeetingRhythm {
        public AgreedAtMeeting {
            Checks.minMax(min, max, 52);
            Checks.slot(startTime, duration);
        }
    }
}

/** Invariant checks shared by the rule records; field names as in the JSON form. */
final class Checks {

    private Checks() {
    }

    static void range(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw new InvalidRhythmException("rhythm." + field, "rhythm." + field + ".range", min, max);
        }
    }

    static void nth(int nth) {
        if (nth != -1 && (nth < 1 || nth > 4)) {
            throw new InvalidRhythmException("rhythm.nth", "rhythm.nth.range");
        }
    }

    static void required(Object value, String field) {
        if (value == null) {
            throw new InvalidRhythmException("rhythm." + field, "rhythm.field.required");
        }
    }

    static void minMax(int min, int max, int limit) {
        range(min, 1, limit, "min");
        range(max, 1, limit, "max");
        if (min > max) {
            throw new InvalidRhythmException("rhythm.max", "rhythm.max.belowMin");
        }
    }

    static void slot(LocalTime startTime, Optional<Duration> duration) {
        required(startTime, "startTime");
        Objects.requireNonNull(duration, "duration");
        duration.ifPresent(d -> {
            if (d.isNegative() || d.isZero() || d.compareTo(MeetingRhythm.MAX_DURATION) > 0) {
                throw new InvalidRhythmException("rhythm.duration", "rhythm.duration.range");
            }
            if (d.toSecondsPart() != 0 || d.toNanosPart() != 0) {
                throw new InvalidRhythmException("rhythm.duration", "rhythm.duration.wholeMinutes");
            }
            if (startTime.plus(d).isBefore(startTime) && !startTime.plus(d).equals(LocalTime.MIDNIGHT)) {
                throw new InvalidRhythmException("rhythm.duration", "rhythm.duration.pastMidnight");
            }
        });
    }
}
