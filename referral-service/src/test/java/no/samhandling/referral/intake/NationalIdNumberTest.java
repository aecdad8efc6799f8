package no.samhandling.referral.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NationalIdNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"01020310045", "41020310039"})
    void acceptsNumbersWhoseCheckDigitsAddUp(String number) {
        assertThat(NationalIdNumber.isValid(number)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"01020312345", "01020310046", "0102031004", "010203100456", "0102031004x"})
    void refusesMistypedNumbers(String number) {
        assertThat(NationalIdNumber.isValid(number)).isFalse();
    }
}
