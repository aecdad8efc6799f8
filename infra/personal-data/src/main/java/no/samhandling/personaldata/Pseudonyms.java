package no.samhandling.personaldata;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonyms: HMAC-SHA256 under a key derived from the subject's data key (never the data key itself, so
 * sealing and pseudonyms cannot interfere), over the subject id, the purpose and the value; 128 bits of it,
 * which is far beyond any guessing while short enough for an id.
 */
final class Pseudonyms {

    private static final String PREFIX = "pseudonym.v1.";
    private static final Pattern SHAPE = Pattern.compile(Pattern.quote(PREFIX) + "[A-Za-z0-9_-]{22}");
    private static final byte[] DERIVATION = "samhandling.pseudonym-key.v1".getBytes(StandardCharsets.UTF_8);

    private Pseudonyms() {
    }

    static String of(SecretKey subjectKey, String subjectId, String purpose, String value) {
        byte[] pseudonymKey = hmac(subjectKey.getEncoded(), DERIVATION);
        byte[] tag = hmac(pseudonymKey, (subjectId + "\u0000" + purpose + "\u0000" + value).getBytes(StandardCharsets.UTF_8));
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(tag, 16));
    }

    static boolean isPseudonym(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
