package no.samhandling.arena.rhythm;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON form of a meeting rhythm as a municipality types it in a catalogue import; see
 * {@code rhythm-spec.schema.json}. Values are kept as typed text so that a bad value is reported by
 * {@link #toRule()} against its own field rather than failing the whole request body.
 *
 * @param pattern one of PER_HALF_YEAR, EVERY_N_WEEKS, NTH_WEEKDAY_OF_MONTH, WEEKLY, EVERY_N_MONTHS,
 *                TIMES_PER_MONTH, DAYS_PER_MONTH, ON_DEMAND, AGREED_AT_MEETING
 * @param weekday MONDAY … SUNDAY
 * @param startTime local time {@code HH:mm} (Europe/Oslo), 09:00 if absent
 * @param duration ISO-8601, e.g. {@code PT1H30M}; positive, at most 8 hours
 * @param anchorDate {@code yyyy-MM-dd}; the first meeting (EVERY_N_WEEKS) or a day in the first month (EVERY_N_MONTHS)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RhythmSpec(
        String pattern,
        Integer spring,
        Integer autumn,
        Integer interval,
        Integer nth,
        String weekday,
        Integer min,
        Integer max,
        String startTime,
        String duration,
        String anchorDate) {

    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

    /** Validates this spec and returns the rule; never approximates. */
    public MeetingRhythm toRule() {
        RhythmPattern kind = parsePattern();
        fields().forEach((name, value) -> {
            if (value != null && !kind.allows(name)) {
                throw new InvalidRhythmException("rhythm." + name, "rhythm.field.notAllowed", kind.name());
            }
        });
        for (String name : kind.required) {
            if (fields().get(name) == null) {
                throw new InvalidRhythmException("rhythm." + name, "rhythm.field.required", kind.name());
            }
        }
        LocalTime start = startTime == null ? MeetingRhythm.DEFAULT_START : parseStartTime();
        Optional<Duration> length = Optional.ofNullable(duration == null ? null : parseDuration());
        Optional<DayOfWeek> day = Optional.ofNullable(weekday == null ? null : parseWeekday());
        LocalDate anchor = anchorDate == null ? null : parseAnchorDate();
        return switch (kind) {
            case PER_HALF_YEAR -> new MeetingRhythm.PerHalfYear(spring, autumn, day, start, length);
            case EVERY_N_WEEKS -> new MeetingRhythm.EveryNWeeks(interval, day.orElseThrow(), anchor, start, length);
            case NTH_WEEKDAY_OF_MONTH -> new MeetingRhythm.NthWeekdayOfMonth(nth, day.orElseThrow(), start, length);
            case WEEKLY -> new MeetingRhythm.Weekly(day.orElseThrow(), start, length);
            case EVERY_N_MONTHS -> new MeetingRhythm.EveryNMonths(interval, nth, day.orElseThrow(),
                    YearMonth.from(anchor), start, length);
            case TIMES_PER_MONTH -> new MeetingRhythm.TimesPerMonth(min, max == null ? min : max, day, start, length);
            case DAYS_PER_MONTH -> new MeetingRhythm.DaysPerMonth(min, max == null ? min : max, day, start, length);
            case ON_DEMAND -> new MeetingRhythm.OnDemand(start, length);
            case AGREED_AT_MEETING -> new MeetingRhythm.AgreedAtMeeting(min, max == null ? min : max, start, length);
        };
    }

    /** The spec of a rule, so that a rule can be stored and shown in its JSON form. */
    public static RhythmSpec of(MeetingRhythm rule) {
        String start = rule.startTime().equals(MeetingRhythm.DEFAULT_START) ? null : rule.startTime().toString();
        String length = rule.duration().map(Duration::toString).orElse(null);
        return switch (rule) {
            case MeetingRhythm.PerHalfYear r -> new RhythmSpec("PER_HALF_YEAR", r.spring(), r.autumn(), null, null,
                    day(r.weekday()), null, null, start, length, null);
            case MeetingRhythm.EveryNWeeks r -> new RhythmSpec("EVERY_N_WEEKS", null, null, r.interval(), null,
                    r.weekday().name(), null, null, start, length, r.anchorDate().toString());
            case MeetingRhythm.NthWeekdayOfMonth r -> new RhythmSpec("NTH_WEEKDAY_OF_MONTH", null, null, null,
                    r.nth(), r.weekday().name(), null, null, start, length, null);
            case MeetingRhythm.Weekly r -> new RhythmSpec("WEEKLY", null, null, null, null, r.weekday().name(),
                    null, null, start, length, null);
            case MeetingRhythm.EveryNMonths r -> new RhythmSpec("EVERY_N_MONTHS", null, null, r.interval(), r.nth(),
                    r.weekday().name(), null, null, start, length, r.firstMonth().atDay(1).toString());
            case MeetingRhythm.TimesPerMonth r -> new RhythmSpec("TIMES_PER_MONTH", null, null, null, null,
                    day(r.weekday()), r.min(), r.max(), start, length, null);
            case MeetingRhythm.DaysPerMonth r -> new RhythmSpec("DAYS_PER_MONTH", null, null, null, null,
                    day(r.weekday()), r.min(), r.max(), start, length, null);
            case MeetingRhythm.OnDemand r -> new RhythmSpec("ON_DEMAND", null, null, null, null, null, null, null,
                    start, length, null);
            case MeetingRhythm.AgreedAtMeeting r -> new RhythmSpec("AGREED_AT_MEETING", null, null, null, null, null,
                    r.min(), r.max(), start, length, null);
        };
    }

    private static String day(Optional<DayOfWeek> weekday) {
        return weekday.map(DayOfWeek::name).orElse(null);
    }

    private Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("spring", spring);
        fields.put("autumn", autumn);
        fields.put("interval", interval);
        fields.put("nth", nth);
        fields.put("weekday", weekday);
        fields.put("min", min);
        fields.put("max", max);
        fields.put("startTime", startTime);
        fields.put("duration", duration);
        fields.put("anchorDate", anchorDate);
        return fields;
    }

    private RhythmPattern parsePattern() {
        if (pattern == null || pattern.isBlank()) {
            throw new InvalidRhythmException("rhythm.pattern", "rhythm.pattern.required");
        }
        return Arrays.stream(RhythmPattern.values()).filter(p -> p.name().equals(pattern)).findFirst()
                .orElseThrow(() -> new InvalidRhythmException("rhythm.pattern", "rhythm.pattern.unknown", pattern));
    }

    private DayOfWeek parseWeekday() {
        return Arrays.stream(DayOfWeek.values()).filter(d -> d.name().equals(weekday))
                .findFirst()
                .orElseThrow(() -> new InvalidRhythmException("rhythm.weekday", "rhythm.weekday.invalid", weekday));
    }

    private LocalTime parseStartTime() {
        if (!TIME.matcher(startTime).matches()) {
            throw new InvalidRhythmException("rhythm.startTime", "rhythm.startTime.invalid", startTime);
        }
        return LocalTime.parse(startTime);
    }

    private Duration parseDuration() {
        try {
            return Duration.parse(duration);
        } catch (DateTimeParseException e) {
            throw new InvalidRhythmException("rhythm.duration", "rhythm.duration.invalid", duration);
        }
    }

    private LocalDate parseAnchorDate() {
        try {
            return LocalDate.parse(anchorDate);
        } catch (DateTimeException e) {
            throw new InvalidRhythmException("rhythm.anchorDate", "rhythm.anchorDate.invalid", anchorDate);
        }
    }
}
