package no.samhandling.arena.rhythm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Every meeting frequency of the seeds, against the real 2026–2027 calendar. */
class RhythmSchedulerTest {

    /** School years 2025/26 and 2026/27 with summer, autumn, Christmas, winter and Easter breaks. */
    static final SchoolCalendar CALENDAR = SchoolCalendar.defaultFor(2025).and(SchoolCalendar.defaultFor(2026));

    static RhythmSpec spec(String pattern) {
        return new RhythmSpec(pattern, null, null, null, null, null, null, null, null, null, null);
    }

    static List<Occurrence> schedule(RhythmSpec spec, String from, String to) {
        return RhythmScheduler.occurrences(spec.toRule(), LocalDate.parse(from), LocalDate.parse(to), CALENDAR);
    }

    static List<LocalDate> dates(List<Occurrence> occurrences) {
        return occurrences.stream().map(Occurrence::date).toList();
    }

    static LocalDate[] on(String... dates) {
        return Arrays.stream(dates).map(LocalDate::parse).toArray(LocalDate[]::new);
    }

    @Test
    void sixMeetingsAYearThreeInSpringThreeInAutumnSpreadOverOpenTuesdays() {
        var rule = new RhythmSpec("PER_HALF_YEAR", 3, 3, null, null, null, null, null, null, null, null);

        assertThat(dates(schedule(rule, "2026-01-01", "2027-06-30"))).containsExactly(on(
                "2026-01-27", "2026-04-07", "2026-05-26",
                "2026-09-01", "2026-10-20", "2026-12-01",
                "2027-01-26", "2027-04-06", "2027-05-25"));
    }

    @Test
    void perHalfYearPlansTheWholeTermSoAShorterWindowKeepsTheSameDates() {
        var rule = new RhythmSpec("PER_HALF_YEAR", 3, 3, null, null, null, null, null, null, null, null);

        assertThat(dates(schedule(rule, "2026-10-01", "2026-12-31"))).containsExactly(on("2026-10-20", "2026-12-01"));
    }

    @Test
    void everyThirdTuesdayFromSchoolStartSkipsAutumnChristmasAndWinterBreaksWithoutShiftingTheSeries() {
        var rule = new RhythmSpec("EVERY_N_WEEKS", null, null, 3, null, "TUESDAY", null, null, "12:00", "PT1H30M",
                "2026-08-18");

        List<Occurrence> meetings = schedule(rule, "2026-08-01", "2027-06-30");

        // skipped: 2026-09-29 (autumn break), 2026-12-22 (Christmas), 2027-02-23 (winter break), 2027-06-29 (summer)
        assertThat(dates(meetings)).containsExactly(on(
                "2026-08-18", "2026-09-08", "2026-10-20", "2026-11-10", "2026-12-01",
                "2027-01-12", "2027-02-02", "2027-03-16", "2027-04-06", "2027-04-27", "2027-05-18", "2027-06-08"));
        assertThat(meetings).allSatisfy(o -> {
            assertThat(o.start().toLocalTime()).isEqualTo(LocalTime.of(12, 0));
            assertThat(o.end().toLocalTime()).isEqualTo(LocalTime.of(13, 30));
            assertThat(o.start().getZone()).isEqualTo(RhythmScheduler.ZONE);
        });
    }

    @Test
    void everyThirdTuesdayKeepsItsPhaseWhenTheWindowStartsLater() {
        var rule = new RhythmSpec("EVERY_N_WEEKS", null, null, 3, null, "TUESDAY", null, null, null, null, "2026-08-18");

        assertThat(dates(schedule(rule, "2026-11-01", "2027-01-31"))).containsExactly(on("2026-11-10", "2026-12-01",
                "2027-01-12"));
        assertThat(schedule(rule, "2026-01-01", "2026-08-17")).isEmpty();
    }

    @Test
    void weeklyOnWednesdaySkipsTheAutumnBreakAndChristmas() {
        var rule = new RhythmSpec("WEEKLY", null, null, null, null, "WEDNESDAY", null, null, null, null, null);

        assertThat(dates(schedule(rule, "2026-08-01", "2027-01-31"))).containsExactly(on(
                "2026-08-19", "2026-08-26", "2026-09-02", "2026-09-09", "2026-09-16", "2026-09-23",
                "2026-10-07", "2026-10-14", "2026-10-21", "2026-10-28", "2026-11-04", "2026-11-11", "2026-11-18",
                "2026-11-25", "2026-12-02", "2026-12-09", "2026-12-16",
                "2027-01-06", "2027-01-13", "2027-01-20", "2027-01-27"));
    }

    @Test
    void firstThursdayEachMonthSkipsNewYearsDaySkjaertorsdagAscensionAndClosedPeriods() {
        var rule = new RhythmSpec("NTH_WEEKDAY_OF_MONTH", null, null, null, 1, "THURSDAY", null, null, null, "PT1H30M",
                null);

        // skipped: 2026-01-01 (1. nyttårsdag), 2026-04-02 (skjærtorsdag), 2026-07-02 and 2026-08-06 (summer),
        // 2026-10-01 (autumn break), 2027-05-06 (Kristi himmelfartsdag)
        assertThat(dates(schedule(rule, "2026-01-01", "2027-06-30"))).containsExactly(on(
                "2026-02-05", "2026-03-05", "2026-05-07", "2026-06-04",
                "2026-09-03", "2026-11-05", "2026-12-03",
                "2027-01-07", "2027-02-04", "2027-03-04", "2027-04-01", "2027-06-03"));
    }

    @Test
    void secondThursdaySkipsAscensionDay2026() {
        var rule = new RhythmSpec("NTH_WEEKDAY_OF_MONTH", null, null, null, 2, "THURSDAY", null, null, null, null, null);

        assertThat(dates(schedule(rule, "2026-04-01", "2026-06-30"))).containsExactly(on("2026-04-09", "2026-06-11"));
    }

    @Test
    void lastFridayOfTheMonthSkipsLangfredag2027() {
        var rule = new RhythmSpec("NTH_WEEKDAY_OF_MONTH", null, null, null, -1, "FRIDAY", null, null, null, null, null);

        assertThat(RhythmScheduler.occurrences(rule.toRule(), LocalDate.parse("2027-01-01"),
                LocalDate.parse("2027-04-30"), SchoolCalendar.none()).stream().map(Occurrence::date))
                .containsExactly(on("2027-01-29", "2027-02-26", "2027-04-30"));
    }

    @Test
    void everySixthWeekSkipsTheAutumnBreakAndChristmas() {
        var rule = new RhythmSpec("EVERY_N_WEEKS", null, null, 6, null, "WEDNESDAY", null, null, null, "PT1H",
                "2026-08-19");

        // skipped: 2026-09-30 (autumn break), 2026-12-23 (Christmas)
        assertThat(dates(schedule(rule, "2026-08-01", "2027-06-30"))).containsExactly(on(
                "2026-08-19", "2026-11-11", "2027-02-03", "2027-03-17", "2027-04-28", "2027-06-09"));
    }

    @Test
    void fourMeetingsAYearTwoHoursEachTwoPerTerm() {
        var rule = new RhythmSpec("PER_HALF_YEAR", 2, 2, null, null, null, null, null, null, "PT2H", null);

        List<Occurrence> meetings = schedule(rule, "2026-01-01", "2027-06-30");

        assertThat(dates(meetings)).containsExactly(on("2026-02-10", "2026-05-12", "2026-09-15", "2026-11-17",
                "2027-02-09", "2027-05-11"));
        assertThat(meetings).allSatisfy(o -> assertThat(Duration.between(o.start(), o.end())).hasHours(2));
    }

    @Test
    void fiveMeetingsAYearThreeInSpringTwoInAutumnOnThePreferredThursday() {
        var rule = new RhythmSpec("PER_HALF_YEAR", 3, 2, null, null, "THURSDAY", null, null, null, "PT2H", null);

        assertThat(dates(schedule(rule, "2026-01-01", "2027-06-30"))).containsExactly(on(
                "2026-01-29", "2026-03-26", "2026-05-28", "2026-09-17", "2026-11-19",
                "2027-01-28", "2027-04-01", "2027-05-27"));
    }

    @Test
    void availableOneToTwoDaysAMonthSchedulesOneWorkingDayMidMonth() {
        var rule = new RhythmSpec("DAYS_PER_MONTH", null, null, null, null, null, 1, 2, null, null, null);

        List<Occurrence> days = schedule(rule, "2026-08-01", "2026-12-31");

        assertThat(dates(days)).containsExactly(on("2026-08-24", "2026-09-14", "2026-10-19", "2026-11-16",
                "2026-12-10"));
        assertThat(days.getFirst().end().toLocalTime()).isEqualTo(LocalTime.of(16, 30));
    }

    @Test
    void twoToFourTimesAMonthSchedulesTwoSpreadOverOpenWorkingDays() {
        var rule = new RhythmSpec("TIMES_PER_MONTH", null, null, null, null, null, 2, 4, null, null, null);

        assertThat(dates(schedule(rule, "2026-08-01", "2026-12-31"))).containsExactly(on(
                "2026-08-19", "2026-08-27", "2026-09-07", "2026-09-21", "2026-10-12", "2026-10-26",
                "2026-11-09", "2026-11-23", "2026-12-04", "2026-12-15"));
    }

    @Test
    void timesPerMonthOnAPreferredWeekdayUsesOnlyThatWeekday() {
        var rule = new RhythmSpec("TIMES_PER_MONTH", null, null, null, null, "TUESDAY", 2, 4, null, null, null);

        // open Tuesdays in May 2026: 5, 12, 19, 26 -> slices at index 1 and 3
        assertThat(dates(schedule(rule, "2026-05-01", "2026-05-31"))).containsExactly(on("2026-05-12", "2026-05-26"));
    }

    @Test
    void everyThirdMonthOnTheFirstTuesdayFromSeptember() {
        var rule = new RhythmSpec("EVERY_N_MONTHS", null, null, 3, 1, "TUESDAY", null, null, null, null,
                "2026-09-01");

        assertThat(dates(schedule(rule, "2026-08-01", "2027-08-31"))).containsExactly(on(
                "2026-09-01", "2026-12-01", "2027-03-02", "2027-06-01"));
        assertThat(dates(schedule(rule, "2027-01-01", "2027-12-31"))).containsExactly(on(
                "2027-03-02", "2027-06-01", "2027-09-07", "2027-12-07"));
    }

    @Test
    void onDemandAndAgreedAtMeetingScheduleNothing() {
        assertThat(schedule(spec("ON_DEMAND"), "2026-01-01", "2027-12-31")).isEmpty();
        assertThat(schedule(new RhythmSpec("AGREED_AT_MEETING", null, null, null, null, null, 2, 3, null, null, null),
                "2026-01-01", "2027-12-31")).isEmpty();
    }

    @Test
    void keepsNineOClockLocalAcrossTheSpringDaylightSavingSwitch() {
        var rule = new RhythmSpec("WEEKLY", null, null, null, null, "MONDAY", null, null, null, null, null);

        List<Occurrence> meetings = RhythmScheduler.occurrences(rule.toRule(), LocalDate.parse("2026-03-23"),
                LocalDate.parse("2026-04-13"), SchoolCalendar.none());

        // 2026-04-06 is 2. påskedag
        assertThat(dates(meetings)).containsExactly(on("2026-03-23", "2026-03-30", "2026-04-13"));
        assertThat(meetings).allSatisfy(o -> assertThat(o.start().toLocalTime()).isEqualTo(LocalTime.of(9, 0)));
        assertThat(meetings.get(0).start().getOffset()).isEqualTo(ZoneOffset.ofHours(1));
        assertThat(meetings.get(1).start().getOffset()).isEqualTo(ZoneOffset.ofHours(2));
    }

    @Test
    void keepsNineOClockLocalOnTheSwitchDaysThemselves() {
        var rule = new RhythmSpec("WEEKLY", null, null, null, null, "SUNDAY", null, null, null, "PT1H30M", null);

        List<Occurrence> spring = RhythmScheduler.occurrences(rule.toRule(), LocalDate.parse("2026-03-29"),
                LocalDate.parse("2026-03-29"), SchoolCalendar.none());
        List<Occurrence> autumn = RhythmScheduler.occurrences(rule.toRule(), LocalDate.parse("2026-10-25"),
                LocalDate.parse("2026-10-25"), SchoolCalendar.none());

        assertThat(spring.getFirst().start().toOffsetDateTime()).hasToString("2026-03-29T09:00+02:00");
        assertThat(spring.getFirst().end().toOffsetDateTime()).hasToString("2026-03-29T10:30+02:00");
        assertThat(autumn.getFirst().start().toOffsetDateTime()).hasToString("2026-10-25T09:00+01:00");
        assertThat(autumn.getFirst().end().toOffsetDateTime()).hasToString("2026-10-25T10:30+01:00");
    }

    @Test
    void aStartInTheSpringForwardGapMovesForwardByTheGap() {
        var rule = new RhythmSpec("WEEKLY", null, null, null, null, "SUNDAY", null, null, "02:30", null, null);

        Occurrence meeting = RhythmScheduler.occurrences(rule.toRule(), LocalDate.parse("2026-03-29"),
                LocalDate.parse("2026-03-29"), SchoolCalendar.none()).getFirst();

        assertThat(meeting.start().toOffsetDateTime()).hasToString("2026-03-29T03:30+02:00");
        assertThat(Duration.between(meeting.start(), meeting.end())).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void rejectsAWindowThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> schedule(spec("ON_DEMAND"), "2026-02-01", "2026-01-01"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
