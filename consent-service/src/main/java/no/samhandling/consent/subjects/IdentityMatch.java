package no.samhandling.consent.subjects;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Whether an identity someone claims is the child's as registered here. The answer is a yes or a no,
 * never which part differs, so that asking tells nothing of the child.
 *
 * <p>It is a match when a birth date or a national id number is claimed, each one claimed is the
 * child's, and the name is the child's:
 * <ul>
 * <li>the <b>national id number</b> is compared on its normalised form, its eleven digits without
 * spaces, dots or dashes; a child registered without one matches no claimed number;</li>
 * <li>the <b>birth date</b> is the one registered, or read from the national id number;</li>
 * <li>the <b>name</b> is compared tolerantly, the way staff write a name they know: case, spacing,
 * hyphens and punctuation between names do not matter, and accents fold to their letter (é, è, ë to
 * e; æ, ø and å stay letters of their own). The first given name and the surname (the first and the
 * last name registered) must both be there; middle names may be left out or shortened to their
 * initial, but no name the child does not have may be added.</li>
 * </ul>
 *
 * @param name the child's name as claimed
 * @param birthDate as claimed, or null
 * @param nationalId as claimed, or null
 */
public record IdentityMatch(String name, LocalDate birthDate, String nationalId) {

    /**
     * @param registeredNationalId null when the child was registered without one
     */
    boolean matches(String registeredName, LocalDate registeredBirthDate, String registeredNationalId) {
        if (birthDate == null && nationalId == null) {
            return false;
        }
        if (birthDate != null && !birthDate.equals(registeredBirthDate)) {
            return false;
        }
        if (nationalId != null && (registeredNationalId == null
                || !normalisedNationalId(nationalId).equals(normalisedNationalId(registeredNationalId)))) {
            return false;
        }
        return sameName(registeredName, name);
    }

    /** The digits of a national id number, whatever separates them. */
    static String normalisedNationalId(String number) {
        return number.replaceAll("\\D", "");
    }

    static boolean sameName(String registered, String claimed) {
        if (registered == null || claimed == null) {
            return false;
        }
        List<String> child = tokens(registered);
        List<String> given = tokens(claimed);
        if (child.isEmpty() || given.isEmpty() || !given.getFirst().equals(child.getFirst())
                || !given.getLast().equals(child.getLast()) || given.size() > child.size()) {
            return false;
        }
        if (child.size() == 1) {
            return given.size() == 1;
        }
        if (given.size() == 1) {
            return false;
        }
        // The names between the first and the last: each claimed one, in order, a middle name or its initial.
        int next = 1;
        for (String middle : given.subList(1, given.size() - 1)) {
            while (next < child.size() - 1 && !isOrAbbreviates(middle, child.get(next))) {
                next++;
            }
            if (next == child.size() - 1) {
                return false;
            }
            next++;
        }
        return true;
    }

    private static boolean isOrAbbreviates(String given, String name) {
        return given.equals(name) || given.length() == 1 && name.startsWith(given);
    }

    private static List<String> tokens(String name) {
        // Accents go, except the ring that makes å a letter of its own (æ and ø have no accent to lose).
        String decomposed = Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD);
        String folded = Normalizer.normalize(decomposed.replaceAll("[\\p{M}&&[^\\u030A]]", ""), Normalizer.Form.NFC);
        return Arrays.stream(folded.split("[^\\p{L}\\p{N}]+")).filter(token -> !token.isEmpty()).toList();
    }
}
