package no.samhandling.personaldata;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what would identify a person in free text: a national id number or a date that could be a
 * birth date. It is the one check behind {@link NoIdentifiers}, so every free-text field of every
 * service is refused by the same rule.
 *
 * <h2>What it refuses</h2>
 * <ul>
 * <li><b>Eleven digits</b> in a row, with or without separators between any of them: spaces of
 * any kind (non-breaking, narrow no-break, figure, thin), hyphens and dashes, dots, and invisible
 * format characters ({@code 01020312345}, {@code 010203-12345}, {@code 01 02 03 123 45},
 * {@code 010203.12345}). That covers fødselsnummer, D-numbers (day + 40) and H-numbers
 * (month + 40) alike. A number whose check digits do not add up is refused too: a mistyped number
 * is still one digit away from a person's, and the check digits let anyone repair it; and the
 * national id reform lets new numbers have other check digits, so a checksum test would let them
 * through. A longer run of digits is refused when eleven consecutive digits of it are a valid
 * number ({@link NationalIdNumber}), so a number glued to another stays visible.</li>
 * <li><b>A date with a year</b>, numeric ({@code 1.2.03}, {@code 01.02.2003}, {@code 1/2/2003},
 * {@code 01-02-2003}, ISO {@code 2003-02-01}) or written in bokmål or nynorsk, with the month's
 * name or its abbreviation in any case ({@code 1. februar 2003}, {@code 1 feb. 2003},
 * {@code 1. Des 2003}). The detector cannot tell a birth date from the date of a meeting, so every
 * full date is refused; the answer asks for a period instead.</li>
 * <li><b>A day and a month introduced as a birth date</b> ({@code født}, {@code fødd},
 * {@code f.}, {@code fødselsdato}, {@code bursdag}), with or without a year
 * ({@code fødd 1.2.03}, {@code født 1. mars}, {@code f. 010203}).</li>
 * </ul>
 *
 * <h2>What it lets through, deliberately</h2>
 * A referral has to say when and how often, and the seeds are full of it. These pass:
 * <ul>
 * <li>periods and counts: {@code haust 2026}, {@code vår 2027}, {@code mars 2026},
 * {@code veke 12}, {@code uke 12}, {@code 2–3 gonger i veka}, {@code 2022–2025};</li>
 * <li>a year alone ({@code 2026}, {@code fødd i 2015}): the age band says as much;</li>
 * <li>a day and a month without a year and without a birth word ({@code frå 1. mars},
 * {@code 1.3.}): the start of a measure is what {@code period} is for;</li>
 * <li>times ({@code kl. 14.30}, {@code 08:30}), phone numbers ({@code 912 34 567},
 * {@code +47 22 33 44 55}: eight or ten digits), organisation numbers (nine digits) and archive
 * references ({@code 2026/1234-5}: a slash is not a separator).</li>
 * </ul>
 * Names, addresses and spelled-out dates ("første februar") are not detected: no pattern finds them
 * reliably, and the fields' wording asks not to write them.
 *
 * <p>The text is normalised first (NFKC, every Unicode digit as its ASCII digit, every space and
 * dash as one kind, invisible format characters dropped), so look-alike characters do not slip past.
 */
public final class IdentifierDetector {

    private static final int NATIONAL_ID_DIGITS = 11;

    /** Digits, and between them at most a few spaces around at most one hyphen or dot. */
    private static final Pattern DIGIT_RUN = Pattern.compile("\\d+(?:(?: {1,3}| {0,3}[-.] {0,3})\\d+)*");

    private static final String DAY = "(?:0?[1-9]|[12]\\d|3[01])";
    private static final String MONTH = "(?:0?[1-9]|1[0-2])";
    private static final String MONTH_NAME = "(?:januar|jan|februar|feb|mars|mar|april|apr|mai|juni|jun|juli|jul|august|aug"
            + "|september|sept|sep|oktober|okt|november|nov|desember|des)\\b\\.?";
    private static final String NOT_AFTER_A_NUMBER = "(?<!\\d)(?<!\\d[.,])";

    private static final Pattern DATE_WITH_YEAR = Pattern.compile(NOT_AFTER_A_NUMBER + "(?:"
            // 1.2.03, 01.02.2003, 1. 2. 2003
            + DAY + "\\. ?" + MONTH + "\\. ?(?:\\d{4}|\\d{2})"
            // 1/2/03, 01/02/2003
            + "|" + DAY + "/" + MONTH + "/(?:\\d{4}|\\d{2})"
            // 01-02-2003 (two-digit years with hyphens are ranges: "10-12-14")
            + "|" + DAY + "-" + MONTH + "-\\d{4}"
            // 2003-02-01, 2003.02.01, 2003/02/01
            + "|(?:1[89]|20)\\d{2}([-./])" + MONTH + "\\1" + DAY
            // 1. februar 2003, 1 feb. 2003, 1. feb '03
            + "|" + DAY + "\\.? *" + MONTH_NAME + ",? *(?:\\d{4}|['’]\\d{2})"
            + ")(?!\\d)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

    private static final String BIRTH_WORD = "(?:\\bf(?:ø|o|oe)d(?:sels(?:dato|dag\\w*)|t|d|de|te)?\\b|\\bf\\. ?(?:dato\\b)?|\\bfdato\\b|\\bbursdag\\w*)";

    private static final Pattern BIRTH_DAY = Pattern.compile(BIRTH_WORD + " *(?:den *|d\\. *|: *)?" + NOT_AFTER_A_NUMBER + "(?:"
            // født 1.2, fødd 01-02, født 1 2
            + DAY + "(?: *[./-] *| +)" + MONTH + "(?![\\d/])"
            // født 1. mars
            + "|" + DAY + "\\.? *" + MONTH_NAME
            // f. 010203, født 01022003
            + "|\\d{6}(?:\\d{2})?(?!\\d)"
            + ")", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

    /** Whether the text holds a national id number or a date that could be a birth date; {@code null} holds nothing. */
    public static boolean containsIdentifier(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        String normalised = normalise(text);
        return containsNationalIdNumber(normalised)
                || DATE_WITH_YEAR.matcher(normalised).find()
                || BIRTH_DAY.matcher(normalised).find();
    }

    private static boolean containsNationalIdNumber(String text) {
        Matcher run = DIGIT_RUN.matcher(text);
        while (run.find()) {
            String digits = run.group().replaceAll("\\D", "");
            if (digits.length() == NATIONAL_ID_DIGITS) {
                return true;
            }
            for (int start = 0; start + NATIONAL_ID_DIGITS <= digits.length(); start++) {
                if (NationalIdNumber.birthDateOf(digits.substring(start, start + NATIONAL_ID_DIGITS)).isPresent()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * One spelling of everything the patterns look at: ASCII digits, a plain space for every kind of
     * space, {@code -} for every dash and minus, and no invisible characters between digits.
     */
    static String normalise(String text) {
        String compatible = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder normalised = new StringBuilder(compatible.length());
        compatible.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (type == Character.FORMAT) {
                return;
            }
            if (Character.isDigit(c)) {
                normalised.append((char) ('0' + Character.digit(c, 10)));
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                normalised.append(' ');
            } else if (type == Character.DASH_PUNCTUATION || c == '\u2212') {
                normalised.append('-');
            } else {
                normalised.appendCodePoint(c);
            }
        });
        return normalised.toString();
    }

    private IdentifierDetector() {
    }
}
