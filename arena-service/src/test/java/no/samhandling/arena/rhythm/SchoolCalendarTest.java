package no.samhandling.arena.rhythm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.samhandling.arena.rhythm.SchoolCalendar.Break;
import no.samhandling.arena.rhythm.SchoolCalendar.ClosedPeriod;
import tools.jackson.databind.json.JsonMapper;

class SchoolCalendarTest {

    @Test
    void defaultSchoolYear2026ClosesSummerChristmasAndTheUsualBreaks() {
        assertThat(SchoolCalendar.defaultFor(2026).closedPeriods()).containsExactly(
                period("Sommerferie", "2026-06-20", "2026-08-16"),
                period("Høstferie", "2026-09-28", "2026-10-04"),
                period("Juleferie", "2026-12-21", "2027-01-02"),
                period("Vinterferie", "2027-02-22", "2027-02-28"),
                period("Påskeferie", "2027-03-22", "2027-03-29"),
                period("Sommerferie", "2027-06-19", "2027-08-22"));
    }

    @Test
    void optionalBreaksCanBeLeftOutButSummerAndChristmasStay() {
        assertThat(SchoolCalendar.defaultFor(2026, EnumSet.noneOf(Break.class)).closedPeriods()).containsExactly(
                period("Sommerferie", "2026-06-20", "2026-08-16"),
                period("Juleferie", "2026-12-21", "2027-01-02"),
                period("Sommerferie", "2027-06-19", "2027-08-22"));
        assertThat(SchoolCalendar.defaultFor(2026, EnumSet.of(Break.WINTER)).closedPeriods())
                .extracting(ClosedPeriod::name).containsExactly("Sommerferie", "Juleferie", "Vinterferie", "Sommerferie");
    }

    @Test
    void closesEveryDayBetweenChristmasAndNewYearInclusive() {
        SchoolCalendar calendar = SchoolCalendar.defaultFor(2026);
        assertThat(calendar.isClosed(LocalDate.parse("2026-12-18"))).isFalse();
        assertThat(calendar.isClosed(LocalDate.parse("2026-12-21"))).isTrue();
        assertThat(calendar.isClosed(LocalDate.parse("2027-01-02"))).isTrue();
        assertThat(calendar.isClosed(LocalDate.parse("2027-01-04"))).isFalse();
        assertThat(calendar.closedPeriodOn(LocalDate.parse("2026-07-15"))).map(ClosedPeriod::name).hasValue("Sommerferie");
    }

    @Test
    void combinesSchoolYearsWithoutDuplicatingTheSharedSummer() {
        SchoolCalendar both = SchoolCalendar.defaultFor(2025).and(SchoolCalendar.defaultFor(2026));
        assertThat(both.closedPeriods()).hasSize(11);
        assertThat(both.closedPeriods()).filteredOn(p -> p.from().equals(LocalDate.parse("2026-06-20"))).hasSize(1);
    }

    @Test
    void bindsAMunicipalitysOwnCalendarFromJson() {
        SchoolCalendar calendar = JsonMapper.builder().build().readValue("""
                {"closedPeriods": [{"name": "Haustferie", "from": "2026-10-05", "to": "2026-10-09"},
                                   {"name": "Sommarferie", "from": "2026-06-19", "to": "2026-08-18"}]}""",
                SchoolCalendar.class);
        assertThat(calendar.closedPeriods()).containsExactly(
                period("Sommarferie", "2026-06-19", "2026-08-18"), period("Haustferie", "2026-10-05", "2026-10-09"));
    }

    @Test
    void rejectsAPeriodThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> period("Feil", "2026-10-09", "2026-10-05")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new SchoolCalendar(null).closedPeriods()).isEqualTo(List.of());
    }

    static ClosedPeriod period(String name, String from, String to) {
        return new ClosedPeriod(name, LocalDate.parse(from), LocalDate.parse(to));
    }
}
