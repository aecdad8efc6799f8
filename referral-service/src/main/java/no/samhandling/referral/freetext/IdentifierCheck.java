package no.samhandling.referral.freetext;

import java.util.regex.Pattern;

/**
 * Free text that must not identify a child (anonymous referrals, system-level cases, deviation
 * reports) is checked for the obvious identifiers: an 11-digit Norwegian national id number
 * (fødselsnummer, also written with a space after the birth date) and a full birth date.
 */
public final class IdentifierCheck {

    private static final Pattern NATIONAL_ID = Pattern.compile("(?<!\\d)\\d{6}\\s?\\d{5}(?!\\d)");
    private static final Pattern BIRTH_DATE = Pattern.compile("(?<!\\d)([0-2]?\\d|3[01])\\.(0?\\d|1[0-2])\\.(19|20)?\\d{2}(?!\\d)");

    public static boolean containsIdentifier(String text) {
        return text != null && (NATIONAL_ID.matcher(text).find() || BIRTH_DATE.matcher(text).find());
    }

    private IdentifierCheck() {
    }
}
