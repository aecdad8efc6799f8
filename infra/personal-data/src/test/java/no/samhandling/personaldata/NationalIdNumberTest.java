package no.samhandling.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import no.samhandling.platform.test.NationalIdNumbers;

class NationalIdNumberTest {

    @Test
    void readsTheBirthDateOfANumberFromThe2000s() {
        LocalDate born = LocalDate.of(2011, 3, 4);

        assertThat(NationalIdNumber.birthDateOf(NationalIdNumbers.regularFor(born, 500))).contains(born);
    }

    @Test
    void readsTheBirthDateOfANumberFromThe1900s() {
        LocalDate born = LocalDate.of(1985, 12, 31);

        assertThat(NationalIdNumber.birthDateOf(NationalIdNumbers.regularFor(born, 100))).contains(born);
    }

    @Test
    void acceptsSyntheticTestNumbers() {
        LocalDate born = LocalDate.of(2012, 7, 15);

        assertThat(NationalIdNumber.birthDateOf(NationalIdNumbers.syntheticFor(born))).contains(born);
    }

    @Test
    void acceptsDNumbers() {
        String regular = NationalIdNumbers.regularFor(LocalDate.of(2010, 5, 9), 500);
        String dNumber = (char) (regular.charAt(0) + 4) + regular.substring(1, 9);
        String withChecks = recheck(dNumber);

        assertThat(NationalIdNumber.birthDateOf(withChecks)).contains(LocalDate.of(2010, 5, 9));
    }

    @Test
    void refusesAWrongCheckDigit() {
        String valid = NationalIdNumbers.regularFor(LocalDate.of(2011, 3, 4), 500);
        String wrong = valid.substring(0, 10) + ((valid.charAt(10) - '0' + 1) % 10);

        assertThat(NationalIdNumber.birthDateOf(wrong)).isEmpty();
    }

    @Test
    void refusesWhatIsNotElevenDigits() {
        assertThat(NationalIdNumber.birthDateOf("0403111234")).isEmpty();
        assertThat(NationalIdNumber.birthDateOf("04031112345a")).isEmpty();
        assertThat(NationalIdNumber.birthDateOf(null)).isEmpty();
    }

    @Test
    void refusesAnImpossibleDate() {
        assertThat(NationalIdNumber.birthDateOf(recheck("310211500"))).isEmpty();
    }

    private static String recheck(String nine) {
        int[] first = {3, 7, 6, 1, 8, 9, 4, 5, 2};
        int[] second = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
        for (int individual = Integer.parseInt(nine.substring(6)); individual < 1000; individual++) {
            String candidate = nine.substring(0, 6) + String.format("%03d", individual);
            int k1 = check(candidate, first);
            if (k1 < 0) {
                continue;
            }
            int k2 = check(candidate + k1, second);
            if (k2 >= 0) {
                return candidate + k1 + k2;
            }
        }
        throw new IllegalStateException();
    }

    private static int check(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        int check = 11 - sum % 11;
        return check == 11 ? 0 : check == 10 ? -1 : check;
    }
}
