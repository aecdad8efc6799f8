package no.samhandling.referral.freetext;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifierCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {"fnr 01020312345 oppgitt", "01020312345", "født 010203 12345", "født 1.2.2015", "født 01.02.15"})
    void findsNationalIdNumbersAndBirthDates(String text) {
        assertThat(IdentifierCheck.containsIdentifier(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Høgt fråvær sidan haust 2026", "3 av 5 dagar", "tlf-tid 12.00", "123456789012 tegn", "kl 08.30"})
    void letsOrdinaryTextThrough(String text) {
        assertThat(IdentifierCheck.containsIdentifier(text)).isFalse();
    }
}
