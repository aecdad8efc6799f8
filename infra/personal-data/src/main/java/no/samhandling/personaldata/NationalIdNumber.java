package no.samhandling.personaldata;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The Norwegian national id number (fødselsnummer, 11 digits): two mod-11 check digits, and a birth
 * date in its first six digits. D-numbers (day + 40), H-numbers (month + 40) and synthetic test
 * numbers (month + 80) are accepted; the century follows from the individual number. Every service
 * that takes one checks it here, so a mistyped number is refused the same way everywhere.
 */
public final class NationalIdNumber {

    private static final int[] FIRST_CHECK = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    private static final int[] SECOND_CHECK = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    /** The birth date in a valid number; empty when the number is not valid. */
    public static Optional<LocalDate> birthDateOf(String number) {
        if (number == null || !number.matches("\\d{11}")) {
            return Optional.empty();
        }
        int[] digits = number.chars().map(c -> c - '0').toArray();
        if (checkDigit(digits, FIRST_CHECK) != digits[9] || checkDigit(digits, SECOND_CHECK) != digits[10]) {
            return Optional.empty();
        }
        int day = digits[0] * 10 + digits[1];
        int month = digits[2] * 10 + digits[3];
        int year = digits[4] * 10 + digits[5];
        int individual = digits[6] * 100 + digits[7] * 10 + digits[8];
        if (day > 40) {
            day -= 40;
        }
        if (month > 80) {
            month -= 80;
        } else if (month > 40) {
            month -= 40;
        }
        Integer century = century(individual, year);
        if (century == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(century + year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Integer century(int individual, int year) {
        if (individual <= 499) {
            return 1900;
        }
        if (individual <= 749 && year >= 54) {
            return 1800;
        }
        if (year <= 39) {
            return 2000;
        }
        if (individual >= 900) {
            return 1900;
        }
        return null;
    }

    /** -1 when the weighted sum leaves remainder 1, for which no check digit exists. */
    private static int checkDigit(int[] digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += digits[i] * weights[i];
        }
        int check = 11 - sum % 11;
        return check == 11 ? 0 : check == 10 ? -1 : check;
    }

    private NationalIdNumber() {
    }
}
