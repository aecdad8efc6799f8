package no.samhandling.arena.rhythm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RhythmWordingTest {

    static RhythmSpec spec(String pattern, Integer spring, Integer autumn, Integer interval, Integer nth, String weekday,
            Integer min, Integer max, String duration, String anchorDate) {
        return new RhythmSpec(pattern, spring, autumn, interval, nth, weekday, min, max, null, duration, anchorDate);
    }

    static Stream<Arguments> sentences() {
        return Stream.of(
                Arguments.of(spec("PER_HALF_YEAR", 3, 3, null, null, null, null, null, null, null),
                        "6 møte i året: 3 om våren, 3 om hausten", "6 møter i året: 3 om våren, 3 om høsten"),
                Arguments.of(spec("PER_HALF_YEAR", 3, 2, null, null, "TUESDAY", null, null, "PT2H", null),
                        "5 møte i året: 3 om våren, 2 om hausten, helst på tysdag, 2 t",
                        "5 møter i året: 3 om våren, 2 om høsten, helst på tirsdag, 2 t"),
                Arguments.of(spec("PER_HALF_YEAR", 0, 1, null, null, null, null, null, null, null),
                        "1 møte i året: 1 om hausten", "1 møte i året: 1 om høsten"),
                Arguments.of(spec("EVERY_N_WEEKS", null, null, 3, null, "TUESDAY", null, null, "PT1H30M", "2026-08-18"),
                        "kvar tredje tysdag, 1 t 30 min", "hver tredje tirsdag, 1 t 30 min"),
                Arguments.of(spec("EVERY_N_WEEKS", null, null, 6, null, "WEDNESDAY", null, null, "PT1H", "2026-08-19"),
                        "kvar sjette onsdag, 1 t", "hver sjette onsdag, 1 t"),
                Arguments.of(spec("EVERY_N_WEEKS", null, null, 2, null, "SATURDAY", null, null, "PT45M", "2026-08-22"),
                        "kvar andre laurdag, 45 min", "hver andre lørdag, 45 min"),
                Arguments.of(spec("EVERY_N_WEEKS", null, null, 7, null, "SUNDAY", null, null, null, "2026-08-23"),
                        "kvar sjuande sundag", "hver sjuende søndag"),
                Arguments.of(spec("EVERY_N_WEEKS", null, null, 8, null, "MONDAY", null, null, null, "2026-08-24"),
                        "kvar åttande måndag", "hver åttende mandag"),
                Arguments.of(spec("WEEKLY", null, null, null, null, "FRIDAY", null, null, null, null),
                        "kvar fredag", "hver fredag"),
                Arguments.of(spec("NTH_WEEKDAY_OF_MONTH", null, null, null, 1, "THURSDAY", null, null, "PT1H30M", null),
                        "første torsdag kvar månad, 1 t 30 min", "første torsdag hver måned, 1 t 30 min"),
                Arguments.of(spec("NTH_WEEKDAY_OF_MONTH", null, null, null, -1, "MONDAY", null, null, null, null),
                        "siste måndag kvar månad", "siste mandag hver måned"),
                Arguments.of(spec("EVERY_N_MONTHS", null, null, 3, 1, "TUESDAY", null, null, null, "2026-09-01"),
                        "første tysdag kvar tredje månad, frå september 2026",
                        "første tirsdag hver tredje måned, fra september 2026"),
                Arguments.of(spec("TIMES_PER_MONTH", null, null, null, null, null, 2, 4, null, null),
                        "2–4 gonger i månaden", "2–4 ganger i måneden"),
                Arguments.of(spec("TIMES_PER_MONTH", null, null, null, null, "WEDNESDAY", 1, null, null, null),
                        "1 gong i månaden, helst på onsdag", "1 gang i måneden, helst på onsdag"),
                Arguments.of(spec("DAYS_PER_MONTH", null, null, null, null, null, 1, 2, null, null),
                        "tilgjengeleg 1–2 dagar i månaden", "tilgjengelig 1–2 dager i måneden"),
                Arguments.of(spec("ON_DEMAND", null, null, null, null, null, null, null, null, null),
                        "ved behov", "ved behov"),
                Arguments.of(spec("AGREED_AT_MEETING", null, null, null, null, null, 2, 3, null, null),
                        "2–3 møte i året, neste møte blir avtalt i møtet",
                        "2–3 møter i året, neste møte blir avtalt i møtet"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("sentences")
    void describesEveryPatternInNynorskAndBokmaal(RhythmSpec spec, String nynorsk, String bokmaal) {
        MeetingRhythm rule = spec.toRule();

        assertThat(rule.describe(Language.NYNORSK)).isEqualTo(nynorsk);
        assertThat(rule.describe(Language.BOKMAAL)).isEqualTo(bokmaal);
    }

    @ParameterizedTest
    @CsvSource({"MONDAY, måndag, mandag", "TUESDAY, tysdag, tirsdag", "WEDNESDAY, onsdag, onsdag",
            "THURSDAY, torsdag, torsdag", "FRIDAY, fredag, fredag", "SATURDAY, laurdag, lørdag", "SUNDAY, sundag, søndag"})
    void namesEveryWeekdayInBothWrittenStandards(DayOfWeek day, String nynorsk, String bokmaal) {
        MeetingRhythm rule = new MeetingRhythm.Weekly(day, MeetingRhythm.DEFAULT_START, Optional.empty());

        assertThat(rule.describe(Language.NYNORSK)).isEqualTo("kvar " + nynorsk);
        assertThat(rule.describe(Language.BOKMAAL)).isEqualTo("hver " + bokmaal);
    }

    @ParameterizedTest
    @CsvSource({"PT1H30M, 1 t 30 min", "PT2H, 2 t", "PT45M, 45 min", "PT8H, 8 t"})
    void writesDurationsInHoursAndMinutes(Duration duration, String text) {
        assertThat(Wording.duration(duration)).isEqualTo(text);
    }
}
