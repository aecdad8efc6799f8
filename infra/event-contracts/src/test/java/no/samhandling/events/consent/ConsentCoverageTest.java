package no.samhandling.events.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConsentCoverageTest {

    static final LocalDate FROM = LocalDate.of(2026, 9, 1);
    static final LocalDate TO = LocalDate.of(2026, 12, 31);
    static final String ARENA = "arena-ressursteam";
    static final List<String> ARENA_PARTIES = List.of("SCHOOL", "PPT");

    /** Every combination of the five conditions: only all five together cover. */
    static Stream<Arguments> everyCombination() {
        return IntStream.range(0, 32).mapToObj(bits -> Arguments.of(
                (bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0, (bits & 8) != 0, (bits & 16) != 0));
    }

    @ParameterizedTest(name = "in force {0}, arena listed {1}, every party {2}, from reached {3}, to not passed {4}")
    @MethodSource("everyCombination")
    void coversOnlyWhenEveryConditionHolds(boolean inForce, boolean arenaListed, boolean everyParty, boolean fromReached,
            boolean toNotPassed) {
        LocalDate day = FROM.plusDays(10);
        ConsentCoverage consent = new ConsentCoverage(inForce, arenaListed ? List.of("arena-other", ARENA) : List.of("arena-other"),
                everyParty ? List.of("PPT", "SCHOOL", "HEALTH_STATION") : List.of("SCHOOL", "HEALTH_STATION"),
                fromReached ? FROM : day.plusDays(1), toNotPassed ? TO : day.minusDays(1));

        assertThat(consent.covers(ARENA, ARENA_PARTIES, day))
                .isEqualTo(inForce && arenaListed && everyParty && fromReached && toNotPassed);
    }

    @Test
    void holdsFromItsFirstDayThroughItsLastDayBothIncluded() {
        ConsentCoverage consent = granted(FROM, TO);

        assertThat(consent.covers(ARENA, ARENA_PARTIES, FROM.minusDays(1))).isFalse();
        assertThat(consent.covers(ARENA, ARENA_PARTIES, FROM)).isTrue();
        assertThat(consent.covers(ARENA, ARENA_PARTIES, TO)).isTrue();
        assertThat(consent.covers(ARENA, ARENA_PARTIES, TO.plusDays(1))).isFalse();
    }

    @Test
    void aOneDayConsentHoldsOnThatDayOnly() {
        ConsentCoverage consent = granted(FROM, FROM);

        assertThat(consent.covers(ARENA, ARENA_PARTIES, FROM.minusDays(1))).isFalse();
        assertThat(consent.covers(ARENA, ARENA_PARTIES, FROM)).isTrue();
        assertThat(consent.covers(ARENA, ARENA_PARTIES, FROM.plusDays(1))).isFalse();
    }

    @Test
    void withoutALastDayItHoldsUntilWithdrawn() {
        ConsentCoverage consent = granted(FROM, null);

        assertThat(consent.covers(ARENA, ARENA_PARTIES, FROM.minusDays(1))).isFalse();
        assertThat(consent.covers(ARENA, ARENA_PARTIES, FROM.plusYears(30))).isTrue();
        assertThat(new ConsentCoverage(false, List.of(ARENA), ARENA_PARTIES, FROM, null).covers(ARENA, ARENA_PARTIES, FROM)).isFalse();
    }

    @Test
    void aConsentWhoseFirstDayIsUnknownCoversNothing() {
        ConsentCoverage consent = new ConsentCoverage(true, List.of(ARENA), ARENA_PARTIES, null, null);

        assertThat(consent.covers(ARENA, ARENA_PARTIES, FROM)).isFalse();
        assertThat(consent.inForceOn(FROM)).isFalse();
    }

    @Test
    void everyServiceOfTheArenaMustBeAmongTheConsentsServices() {
        ConsentCoverage consent = granted(FROM, TO);
        LocalDate day = FROM.plusDays(1);

        assertThat(consent.covers(ARENA, List.of("SCHOOL", "PPT"), day)).isTrue();
        assertThat(consent.covers(ARENA, List.of("SCHOOL"), day)).as("fewer services than the consent allows").isTrue();
        assertThat(consent.covers(ARENA, List.of(), day)).as("an arena without services").isTrue();
        assertThat(consent.covers(ARENA, List.of("SCHOOL", "PPT", "CHILD_WELFARE"), day)).as("one service too many").isFalse();
        assertThat(new ConsentCoverage(true, List.of(ARENA), List.of(), FROM, TO).covers(ARENA, List.of("SCHOOL"), day)).isFalse();
    }

    @Test
    void onlyTheArenasItNames() {
        ConsentCoverage consent = new ConsentCoverage(true, List.of(ARENA, "arena-helsestasjon"), ARENA_PARTIES, FROM, TO);

        assertThat(consent.covers("arena-helsestasjon", ARENA_PARTIES, FROM)).isTrue();
        assertThat(consent.covers("arena-drøftingsteam", ARENA_PARTIES, FROM)).isFalse();
        assertThat(new ConsentCoverage(true, null, ARENA_PARTIES, FROM, TO).covers(ARENA, ARENA_PARTIES, FROM)).isFalse();
    }

    @Test
    void inForceOnSaysWhetherItHoldsWhateverItCovers() {
        ConsentCoverage consent = granted(FROM, TO);

        assertThat(consent.inForceOn(FROM)).isTrue();
        assertThat(consent.inForceOn(TO.plusDays(1))).isFalse();
        assertThat(new ConsentCoverage(false, List.of(ARENA), ARENA_PARTIES, FROM, TO).inForceOn(FROM)).isFalse();
    }

    @Test
    void daysAreCountedInOsloNotInUtc() {
        ConsentCoverage endsNewYearsEve = granted(FROM, TO);
        // 23:30 UTC on 31 December is already 00:30 on 1 January in Oslo (UTC+1 in winter).
        Clock lastEveningInOslo = Clock.fixed(Instant.parse("2026-12-31T22:30:00Z"), ZoneOffset.UTC);
        Clock newYearInOslo = Clock.fixed(Instant.parse("2026-12-31T23:30:00Z"), ZoneOffset.UTC);

        assertThat(ConsentCoverage.today(lastEveningInOslo)).isEqualTo(TO);
        assertThat(ConsentCoverage.today(newYearInOslo)).isEqualTo(TO.plusDays(1));
        assertThat(endsNewYearsEve.covers(ARENA, ARENA_PARTIES, ConsentCoverage.today(lastEveningInOslo))).isTrue();
        assertThat(endsNewYearsEve.covers(ARENA, ARENA_PARTIES, ConsentCoverage.today(newYearInOslo))).isFalse();
        // In summer Oslo is UTC+2: 22:30 UTC on 31 August is 00:30 on 1 September, the consent's first day.
        Clock firstNightInOslo = Clock.fixed(Instant.parse("2026-08-31T22:30:00Z"), ZoneOffset.UTC);
        assertThat(endsNewYearsEve.covers(ARENA, ARENA_PARTIES, ConsentCoverage.today(firstNightInOslo))).isTrue();
    }

    @Test
    void copiesWhatItIsGiven() {
        List<String> arenas = new java.util.ArrayList<>(List.of(ARENA));
        ConsentCoverage consent = new ConsentCoverage(true, arenas, ARENA_PARTIES, FROM, TO);
        arenas.clear();

        assertThat(consent.covers(ARENA, ARENA_PARTIES, FROM)).isTrue();
    }

    private static ConsentCoverage granted(LocalDate from, LocalDate to) {
        return new ConsentCoverage(true, List.of(ARENA), List.of("SCHOOL", "PPT", "HEALTH_STATION"), from, to);
    }
}
