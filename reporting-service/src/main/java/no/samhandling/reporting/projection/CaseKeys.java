package no.samhandling.reporting.projection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The key of a referral's {@link CaseState}: SHA-256 of municipality and referral id. Referral ids
 * are random UUIDs, so the hash cannot be reversed by trying ids; someone who already holds a
 * referral id learns only its arena and submission day, and only while the referral is open.
 */
final class CaseKeys {

    static String of(String municipality, String referralId) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest((municipality + "|" + referralId).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private CaseKeys() {
    }
}
