package no.samhandling.arena.rhythm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.json.JsonMapper;

/** Rules that cannot be expressed are rejected with the field at fault, never approximated. */
class RhythmSpecValidationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<Arguments> invalidRules() {
        return Stream.of(
                invalid("missing pattern", "{}", "rhythm.pattern", "rhythm.pattern.required"),
                invalid("unknown pattern", "{\"pattern\": \"FORTNIGHTLY\"}", "rhythm.pattern", "rhythm.pattern.unknown"),
                invalid("lower-case pattern", "{\"pattern\": \"weekly\", \"weekday\": \"MONDAY\"}", "rhythm.pattern",
                        "rhythm.pattern.unknown"),
                invalid("interval 0", "{\"pattern\": \"EVERY_N_WEEKS\", \"interval\": 0, \"weekday\": \"TUESDAY\", \"anchorDate\": \"2026-08-18\"}",
                        "rhythm.interval", "rhythm.interval.range"),
                invalid("interval 53 weeks", "{\"pattern\": \"EVERY_N_WEEKS\", \"interval\": 53, \"weekday\": \"TUESDAY\", \"anchorDate\": \"2026-08-18\"}",
                        "rhythm.interval", "rhythm.interval.range"),
                invalid("interval 13 months", "{\"pattern\": \"EVERY_N_MONTHS\", \"interval\": 13, \"nth\": 1, \"weekday\": \"TUESDAY\", \"anchorDate\": \"2026-09-01\"}",
                        "rhythm.interval", "rhythm.interval.range"),
                invalid("weekday missing for every n weeks", "{\"pattern\": \"EVERY_N_WEEKS\", \"interval\": 3, \"anchorDate\": \"2026-08-18\"}",
                        "rhythm.weekday", "rhythm.field.required"),
                invalid("anchor missing for every n weeks", "{\"pattern\": \"EVERY_N_WEEKS\", \"interval\": 3, \"weekday\": \"TUESDAY\"}",
                        "rhythm.anchorDate", "rhythm.field.required"),
                invalid("anchor not on the weekday", "{\"pattern\": \"EVERY_N_WEEKS\", \"interval\": 3, \"weekday\": \"TUESDAY\", \"anchorDate\": \"2026-08-19\"}",
                        "rhythm.anchorDate", "rhythm.anchorDate.weekday"),
                invalid("anchor not a date", "{\"pattern\": \"EVERY_N_WEEKS\", \"interval\": 3, \"weekday\": \"TUESDAY\", \"anchorDate\": \"18.08.2026\"}",
                        "rhythm.anchorDate", "rhythm.anchorDate.invalid"),
                invalid("nth 5", "{\"pattern\": \"NTH_WEEKDAY_OF_MONTH\", \"nth\": 5, \"weekday\": \"THURSDAY\"}",
                        "rhythm.nth", "rhythm.nth.range"),
                invalid("nth 0", "{\"pattern\": \"NTH_WEEKDAY_OF_MONTH\", \"nth\": 0, \"weekday\": \"THURSDAY\"}",
                        "rhythm.nth", "rhythm.nth.range"),
                invalid("nth -2", "{\"pattern\": \"EVERY_N_MONTHS\", \"interval\": 3, \"nth\": -2, \"weekday\": \"TUESDAY\", \"anchorDate\": \"2026-09-01\"}",
                        "rhythm.nth", "rhythm.nth.range"),
                invalid("norwegian weekday", "{\"pattern\": \"WEEKLY\", \"weekday\": \"TYSDAG\"}",
                        "rhythm.weekday", "rhythm.weekday.invalid"),
                invalid("lower-case weekday", "{\"pattern\": \"WEEKLY\", \"weekday\": \"tuesday\"}",
                        "rhythm.weekday", "rhythm.weekday.invalid"),
                invalid("weekly without weekday", "{\"pattern\": \"WEEKLY\"}", "rhythm.weekday", "rhythm.field.required"),
                invalid("spring and autumn 0", "{\"pattern\": \"PER_HALF_YEAR\", \"spring\": 0, \"autumn\": 0}",
                        "rhythm.spring", "rhythm.halfYear.empty"),
                invalid("negative autumn", "{\"pattern\": \"PER_HALF_YEAR\", \"spring\": 3, \"autumn\": -1}",
                        "rhythm.autumn", "rhythm.autumn.range"),
                invalid("autumn missing", "{\"pattern\": \"PER_HALF_YEAR\", \"spring\": 3}",
                        "rhythm.autumn", "rhythm.field.required"),
                invalid("min above max", "{\"pattern\": \"TIMES_PER_MONTH\", \"min\": 4, \"max\": 2}",
                        "rhythm.max", "rhythm.max.belowMin"),
                invalid("min 0", "{\"pattern\": \"DAYS_PER_MONTH\", \"min\": 0, \"max\": 2}", "rhythm.min", "rhythm.min.range"),
                invalid("agreed min above max", "{\"pattern\": \"AGREED_AT_MEETING\", \"min\": 3, \"max\": 2}",
                        "rhythm.max", "rhythm.max.belowMin"),
                invalid("agreed without min", "{\"pattern\": \"AGREED_AT_MEETING\", \"max\": 3}", "rhythm.min",
                        "rhythm.field.required"),
                invalid("zero duration", "{\"pattern\": \"ON_DEMAND\", \"duration\": \"PT0M\"}", "rhythm.duration",
                        "rhythm.duration.range"),
                invalid("negative duration", "{\"pattern\": \"ON_DEMAND\", \"duration\": \"PT-1H\"}", "rhythm.duration",
                        "rhythm.duration.range"),
                invalid("duration over 8 hours", "{\"pattern\": \"WEEKLY\", \"weekday\": \"MONDAY\", \"duration\": \"PT8H1M\"}",
                        "rhythm.duration", "rhythm.duration.range"),
                invalid("duration in seconds", "{\"pattern\": \"WEEKLY\", \"weekday\": \"MONDAY\", \"duration\": \"PT90S\"}",
                        "rhythm.duration", "rhythm.duration.wholeMinutes"),
                invalid("duration as text", "{\"pattern\": \"WEEKLY\", \"weekday\": \"MONDAY\", \"duration\": \"1,5 time\"}",
                        "rhythm.duration", "rhythm.duration.invalid"),
                invalid("past midnight", "{\"pattern\": \"WEEKLY\", \"weekday\": \"MONDAY\", \"startTime\": \"23:00\", \"duration\": \"PT2H\"}",
                        "rhythm.duration", "rhythm.duration.pastMidnight"),
                invalid("start time with dot", "{\"pattern\": \"WEEKLY\", \"weekday\": \"MONDAY\", \"startTime\": \"09.00\"}",
                        "rhythm.startTime", "rhythm.startTime.invalid"),
                invalid("start time 24:00", "{\"pattern\": \"WEEKLY\", \"weekday\": \"MONDAY\", \"startTime\": \"24:00\"}",
                        "rhythm.startTime", "rhythm.startTime.invalid"),
                invalid("interval on weekly", "{\"pattern\": \"WEEKLY\", \"weekday\": \"MONDAY\", \"interval\": 2}",
                        "rhythm.interval", "rhythm.field.notAllowed"),
                invalid("weekday on on-demand", "{\"pattern\": \"ON_DEMAND\", \"weekday\": \"MONDAY\"}",
                        "rhythm.weekday", "rhythm.field.notAllowed"),
                invalid("anchor on nth weekday", "{\"pattern\": \"NTH_WEEKDAY_OF_MONTH\", \"nth\": 1, \"weekday\": \"THURSDAY\", \"anchorDate\": \"2026-01-01\"}",
                        "rhythm.anchorDate", "rhythm.field.notAllowed"),
                invalid("spring on times per month", "{\"pattern\": \"TIMES_PER_MONTH\", \"min\": 2, \"spring\": 3}",
                        "rhythm.spring", "rhythm.field.notAllowed"),
                invalid("min on per half year", "{\"pattern\": \"PER_HALF_YEAR\", \"spring\": 3, \"autumn\": 3, \"min\": 1}",
                        "rhythm.min", "rhythm.field.notAllowed"),
                invalid("weekday on agreed at meeting", "{\"pattern\": \"AGREED_AT_MEETING\", \"min\": 2, \"weekday\": \"MONDAY\"}",
                        "rhythm.weekday", "rhythm.field.notAllowed"),
                invalid("times per month over 20", "{\"pattern\": \"TIMES_PER_MONTH\", \"min\": 2, \"max\": 21}",
                        "rhythm.max", "rhythm.max.range"));
    }

    static Arguments invalid(String name, String json, String field, String key) {
        return Arguments.of(name, json, field, key);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRules")
    void rejectsAnInexpressibleRuleNamingTheField(String name, String json, String field, String key) throws IOException {
        RhythmSpec spec = JSON.readValue(json, RhythmSpec.class);

        InvalidRhythmException e = catchThrowableOfType(InvalidRhythmException.class, spec::toRule);

        assertThat(e).as(name).isNotNull();
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.messageKey()).isEqualTo(key);
        assertThat(bundle("rhythm-messages.properties")).containsKey(key);
        assertThat(bundle("rhythm-messages_nn.properties")).containsKey(key);
        assertThat(e.message(Language.BOKMAAL)).doesNotContain("{0}", "{1}");
        assertThat(e.message(Language.NYNORSK)).doesNotContain("{0}", "{1}");
    }

    @Test
    void recordsRejectInvalidValuesWhenBuiltDirectly() {
        InvalidRhythmException e = catchThrowableOfType(InvalidRhythmException.class,
                () -> new MeetingRhythm.NthWeekdayOfMonth(5, java.time.DayOfWeek.THURSDAY, MeetingRhythm.DEFAULT_START,
                        java.util.Optional.empty()));
        assertThat(e.field()).isEqualTo("rhythm.nth");
    }

    @Test
    void bothWrittenStandardsHaveTheSameMessageKeys() throws IOException {
        Properties bokmaal = bundle("rhythm-messages.properties");
        Properties nynorsk = bundle("rhythm-messages_nn.properties");

        assertThat(nynorsk.stringPropertyNames()).isEqualTo(bokmaal.stringPropertyNames());
        assertThat(bokmaal.stringPropertyNames()).allMatch(k -> k.startsWith("rhythm."));
    }

    @Test
    void rendersTheMessageInTheRequestedWrittenStandard() {
        InvalidRhythmException e = new InvalidRhythmException("rhythm.interval", "rhythm.interval.range", 1, 52);

        assertThat(e.message(Language.BOKMAAL)).isEqualTo("Intervallet må være mellom 1 og 52.");
        assertThat(e.message(Language.NYNORSK)).isEqualTo("Intervallet må vere mellom 1 og 52.");
    }

    @Test
    void picksTheWrittenStandardFromALocale() {
        assertThat(Language.of(java.util.Locale.of("nn", "NO"))).isEqualTo(Language.NYNORSK);
        assertThat(Language.of(java.util.Locale.of("nb", "NO"))).isEqualTo(Language.BOKMAAL);
        assertThat(Language.of(java.util.Locale.of("no", "NO"))).isEqualTo(Language.BOKMAAL);
    }

    static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = RhythmSpecValidationTest.class.getResourceAsStream("/" + name)) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
