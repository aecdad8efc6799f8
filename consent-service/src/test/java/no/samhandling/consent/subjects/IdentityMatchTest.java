package no.samhandling.consent.subjects;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentityMatchTest {

    static final String NAME = "Sofie Marie Demodatter";
    static final LocalDate BORN = LocalDate.of(2021, 4, 12);
    static final String NUMBER = "12042112345";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Sofie Marie Demodatter",
            "sofie marie DEMODATTER",
            "  Sofie   Demodatter ",
            "Sofie M. Demodatter",
            "Sofie M Demodatter"})
    void aNameAsStaffWriteItIsTheChilds(String claimed) {
        assertThat(IdentityMatch.sameName(NAME, claimed)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Heilt Annan Person",
            "Sofie",
            "Demodatter",
            "Marie Demodatter",
            "Sofie Marie",
            "Sofie Anne Demodatter",
            "Sofie Marie Demodatter Hansen",
            "Sofie Demodatter Marie",
            "Sofi Demodatter"})
    void anotherNameOrOneMissingTheFirstOrTheSurnameIsNot(String claimed) {
        assertThat(IdentityMatch.sameName(NAME, claimed)).isFalse();
    }

    @Test
    void hyphensAndAccentsFoldButTheNorwegianLettersStay() {
        assertThat(IdentityMatch.sameName("Zoë Anne-Lise Ødegård", "Zoe Anne Lise Ødegård")).isTrue();
        assertThat(IdentityMatch.sameName("José Ødegård", "JOSÉ ØDEGÅRD")).isTrue();
        assertThat(IdentityMatch.sameName("Håkon Ødegård", "Hakon Ødegård")).isFalse();
        assertThat(IdentityMatch.sameName("Håkon Ødegård", "Håkon Odegard")).isFalse();
    }

    @Test
    void theNationalIdNumberIsComparedOnItsDigits() {
        assertThat(new IdentityMatch(NAME, null, "120421 123 45").matches(NAME, BORN, NUMBER)).isTrue();
        assertThat(new IdentityMatch(NAME, null, "12042112346").matches(NAME, BORN, NUMBER)).isFalse();
        // Registered without a number: a claimed number is nothing anyone here has checked.
        assertThat(new IdentityMatch(NAME, null, NUMBER).matches(NAME, BORN, null)).isFalse();
    }

    @Test
    void everyClaimedPartMustBeTheChildsAndANameAloneIsNotEnough() {
        assertThat(new IdentityMatch(NAME, BORN, null).matches(NAME, BORN, NUMBER)).isTrue();
        assertThat(new IdentityMatch(NAME, BORN, NUMBER).matches(NAME, BORN, NUMBER)).isTrue();
        assertThat(new IdentityMatch(NAME, BORN.plusDays(1), NUMBER).matches(NAME, BORN, NUMBER)).isFalse();
        assertThat(new IdentityMatch("Heilt Annan Person", BORN, NUMBER).matches(NAME, BORN, NUMBER)).isFalse();
        assertThat(new IdentityMatch(NAME, null, null).matches(NAME, BORN, NUMBER)).isFalse();
    }
}
