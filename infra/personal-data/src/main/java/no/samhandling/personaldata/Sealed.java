package no.samhandling.personaldata;

import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Personal data as it is stored and published: encrypted under its subject's key, bound to that
 * subject and to the purpose of the field it was sealed for. Only {@link PersonalDataCipher#open}
 * with the subject's key turns it back into text, and once the subject is erased nothing can.
 *
 * @param purpose what the field is, such as {@code name} (lower case, digits and dashes); part of the authenticated data
 * @param ciphertext base64 of the 96-bit nonce followed by the AES-GCM ciphertext and tag
 */
public record Sealed(String purpose, String ciphertext) {

    private static final Pattern PURPOSE = Pattern.compile("[a-z][a-z0-9-]{0,63}");
    private static final String PREFIX = "sealed.v1.";

    public Sealed {
        requirePurpose(purpose);
        Objects.requireNonNull(ciphertext, "ciphertext");
        try {
            Base64.getDecoder().decode(ciphertext);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ciphertext is not base64");
        }
    }

    static String requirePurpose(String purpose) {
        if (purpose == null || !PURPOSE.matcher(purpose).matches()) {
            throw new IllegalArgumentException("purpose must be lower case letters, digits and dashes");
        }
        return purpose;
    }

    /** One string, for a field or a message that holds text only: {@code sealed.v1.<purpose>.<base64>}. */
    public String encoded() {
        return PREFIX + purpose + "." + ciphertext;
    }

    /** The inverse of {@link #encoded()}. */
    public static Sealed decode(String encoded) {
        if (encoded == null || !encoded.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a sealed value");
        }
        String rest = encoded.substring(PREFIX.length());
        int dot = rest.indexOf('.');
        if (dot < 0) {
            throw new IllegalArgumentException("not a sealed value");
        }
        return new Sealed(rest.substring(0, dot), rest.substring(dot + 1));
    }

    byte[] bytes() {
        return Base64.getDecoder().decode(ciphertext);
    }
}
