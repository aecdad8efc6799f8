package no.samhandling.referral.intake;

/**
 * The check digits of a Norwegian national id number (fødselsnummer, and D-number, whose first
 * digit is raised by 4), so a mistyped number is refused rather than stored.
 */
final class NationalIdNumber {

    private static final int[] FIRST = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    private static final int[] SECOND = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    static boolean isValid(String number) {
        if (number == null || !number.matches("\\d{11}")) {
            return false;
        }
        int[] digits = number.chars().map(c -> c - '0').toArray();
        return digits[9] == checkDigit(digits, FIRST) && digits[10] == checkDigit(digits, SECOND);
    }

    private static int checkDigit(int[] digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += digits[i] * weights[i];
        }
        int check = 11 - sum % 11;
        return check == 11 ? 0 : check;
    }

    private NationalIdNumber() {
    }
}
