package no.samhandling.arena.rhythm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NorwegianHolidaysTest {

    @ParameterizedTest
    @CsvSource({"2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05", "2027, 2027-03-28", "2028, 2028-04-16",
            "2038, 2038-04-25", "2285, 2285-03-22"})
    void computesGregorianEasterSunday(int year, LocalDate easter) {
        assertThat(NorwegianHolidays.easterSunday(year)).isEqualTo(easter);
    }

    @Test
    void listsEveryPublicHolidayOf2026() {
        assertThat(NorwegianHolidays.of(2026)).containsExactly(
                entry("2026-01-01", "1. nyttårsdag"),
                entry("2026-04-02", "Skjærtorsdag"),
                entry("2026-04-03", "Langfredag"),
                entry("2026-04-05", "1. påskedag"),
                entry("2026-04-06", "2. påskedag"),
                entry("2026-05-01", "Offentlig høytidsdag"),
                entry("2026-05-14", "Kristi himmelfartsdag"),
                entry("2026-05-17", "Grunnlovsdag"),
                entry("2026-05-24", "1. pinsedag"),
                entry("2026-05-25", "2. pinsedag"),
                entry("2026-12-25", "1. juledag"),
                entry("2026-12-26", "2. juledag"));
    }

    @Test
    void listsEveryPublicHolidayOf2027WhereWhitMondayIsConstitutionDay() {
        assertThat(NorwegianHolidays.of(2027)).containsExactly(
                entry("2027-01-01", "1. nyttårsdag"),
                entry("2027-03-25", "Skjærtorsdag"),
                entry("2027-03-26", "Langfredag"),
                entry("2027-03-28", "1. påskedag"),
                entry("2027-03-29", "2. påskedag"),
                entry("2027-05-01", "Offentlig høytidsdag"),
                entry("2027-05-06", "Kristi himmelfartsdag"),
                entry("2027-05-16", "1. pinsedag"),
                entry("2027-05-17", "Grunnlovsdag og 2. pinsedag"),
                entry("2027-12-25", "1. juledag"),
                entry("2027-12-26", "2. juledag"));
    }

    @Test
    void tellsWhetherADayIsAHoliday() {
        assertThat(NorwegianHolidays.isHoliday(LocalDate.parse("2026-04-02"))).isTrue();
        assertThat(NorwegianHolidays.isHoliday(LocalDate.parse("2026-04-01"))).isFalse();
        assertThat(NorwegianHolidays.isHoliday(LocalDate.parse("2026-12-24"))).isFalse();
    }

    private static java.util.Map.Entry<LocalDate, String> entry(String date, String name) {
        return java.util.Map.entry(LocalDate.parse(date), name);
    }
}
