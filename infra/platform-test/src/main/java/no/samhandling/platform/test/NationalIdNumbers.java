package no.samhandling.platform.test;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Valid national id numbers for test children, made from a birth date (never a real person's). */
public final class NationalIdNumbers {

    private static final int[] FIRST = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    private static final int[] SECOND = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    /** A synthetic number (month + 80, as in the national test register) so it can belong to nobody. */
    public static String syntheticFor(LocalDate birthDate) {
        String date = birthDate.format(DateTimeFormatter.ofPattern("dd")) + String.format("%02d", birthDate.getMonthValue() + 80)
                + birthDate.format(DateTimeFormatter.ofPattern("yy"));
        int from = birthDate.getYear() >= 2000 ? 500 : 0;
        for (int individual = from; individual < from + 400; individual++) {
            String number = checked(date + String.format("%03d", individual));
            if (number != null) {
                return number;
            }
        }
        throw new IllegalStateException("no number for " + birthDate);
    }

    /** A regular number for a birth date, with the first individual number to try, for a parser's own tests. */
    public static String regularFor(LocalDate birthDate, int individualFrom) {
        return numberFor(birthDate.getDayOfMonth(), birthDate.getMonthValue(), birthDate, individualFrom);
    }

    /** A D-number (day + 40, given to people without a fødselsnummer) for a birth date. */
    public static String dNumberFor(LocalDate birthDate, int individualFrom) {
        return numberFor(birthDate.getDayOfMonth() + 40, birthDate.getMonthValue(), birthDate, individualFrom);
    }

    /** An H-number (month + 40, an auxiliary number in health services) for a birth date. */
    public static String hNumberFor(LocalDate birthDate, int individualFrom) {
        return numberFor(birthDate.getDayOfMonth(), birthDate.getMonthValue() + 40, birthDate, individualFrom);
    }

    private static String numberFor(int day, int month, LocalDate birthDate, int individualFrom) {
        String date = String.format("%02d%02d", day, month) + birthDate.format(DateTimeFormatter.ofPattern("yy"));
        for (int individual = individualFrom; individual < individualFrom + 100; individual++) {
            String number = checked(date + String.format("%03d", individual));
            if (number != null) {
                return number;
            }
        }
        throw new IllegalStateException("no number for " + birthDate);
    }

    private static String checked(String nine) {
        int first = check(nine, FIRST);
        if (first < 0) {
            return null;
        }
        int second = check(nine + first, SECOND);
        return second < 0 ? null : nine + first + second;
    }

    private static int check(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        int check = 11 - sum % 11;
        return check == 11 ? 0 : check == 10 ? -1 : check;
    }

    private NationalIdNumbers() {
    }
}
