package no.samhandling.arena.rhythm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RhythmSpecJsonTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void bindsTheDocumentedShapeAndBuildsTheRule() {
        RhythmSpec spec = JSON.readValue("""
                {"pattern": "EVERY_N_WEEKS", "interval": 3, "weekday": "TUESDAY", "startTime": "12:00",
                 "duration": "PT1H30M", "anchorDate": "2026-08-18"}""", RhythmSpec.class);

        assertThat(spec.toRule()).isEqualTo(new MeetingRhythm.EveryNWeeks(3, DayOfWeek.TUESDAY,
                LocalDate.parse("2026-08-18"), LocalTime.NOON, java.util.Optional.of(Duration.ofMinutes(90))));
    }

    @Test
    void roundTripsThroughJsonWithoutNullFields() {
        RhythmSpec spec = new RhythmSpec("PER_HALF_YEAR", 3, 2, null, null, "THURSDAY", null, null, "12:00", "PT2H", null);

        String json = JSON.writeValueAsString(spec);

        assertThat(json).isEqualTo("{\"pattern\":\"PER_HALF_YEAR\",\"spring\":3,\"autumn\":2,\"weekday\":\"THURSDAY\","
                + "\"startTime\":\"12:00\",\"duration\":\"PT2H\"}");
        assertThat(JSON.readValue(json, RhythmSpec.class)).isEqualTo(spec);
    }

    @Test
    void everyRuleConvertsBackToAnEquivalentSpec() {
        List<RhythmSpec> specs = List.of(
                new RhythmSpec("PER_HALF_YEAR", 3, 3, null, null, null, null, null, null, null, null),
                new RhythmSpec("EVERY_N_WEEKS", null, null, 3, null, "TUESDAY", null, null, "12:00", "PT1H30M", "2026-08-18"),
                new RhythmSpec("NTH_WEEKDAY_OF_MONTH", null, null, null, -1, "THURSDAY", null, null, null, "PT1H30M", null),
                new RhythmSpec("WEEKLY", null, null, null, null, "MONDAY", null, null, null, null, null),
                new RhythmSpec("EVERY_N_MONTHS", null, null, 3, 1, "TUESDAY", null, null, null, null, "2026-09-01"),
                new RhythmSpec("TIMES_PER_MONTH", null, null, null, null, null, 2, 4, null, null, null),
                new RhythmSpec("DAYS_PER_MONTH", null, null, null, null, "FRIDAY", 1, 2, null, null, null),
                new RhythmSpec("ON_DEMAND", null, null, null, null, null, null, null, null, "PT2H", null),
                new RhythmSpec("AGREED_AT_MEETING", null, null, null, null, null, 2, 3, null, null, null));

        assertThat(specs).allSatisfy(spec -> {
            MeetingRhythm rule = spec.toRule();
            RhythmSpec back = RhythmSpec.of(rule);
            assertThat(back).isEqualTo(spec);
            assertThat(JSON.readValue(JSON.writeValueAsString(back), RhythmSpec.class).toRule()).isEqualTo(rule);
        });
    }

    @Test
    void theJsonSchemaListsExactlyThePatternsTheEngineKnows() throws Exception {
        JsonNode schema;
        try (InputStream in = getClass().getResourceAsStream("/rhythm-spec.schema.json")) {
            schema = JSON.readTree(in);
        }
        List<String> inSchema = StreamSupport.stream(schema.path("properties").path("pattern").path("enum").spliterator(), false)
                .map(JsonNode::asString).toList();

        assertThat(inSchema).containsExactlyElementsOf(Arrays.stream(RhythmPattern.values()).map(Enum::name).toList());
        assertThat(schema.path("properties").propertyNames()).containsExactlyInAnyOrder("pattern", "spring", "autumn",
                "interval", "nth", "weekday", "min", "max", "startTime", "duration", "anchorDate");
    }
}
