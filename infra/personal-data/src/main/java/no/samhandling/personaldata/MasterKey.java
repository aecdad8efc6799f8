package no.samhandling.personaldata;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key-encryption key: it only ever wraps and unwraps subject keys, and never leaves this class.
 * Each wrapped key is bound to its subject id, so a wrapped key copied to another subject does not unwrap.
 */
final class MasterKey {

    static final String PROPERTY = "samhandling.personal-data.master-key";

    private final SecretKey key;

    private MasterKey(SecretKey key) {
        this.key = key;
    }

    /** Never echoes the configured value in its errors. */
    static MasterKey fromBase64(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException(PROPERTY + " is not set. Every service that stores personal data needs a master key: "
                    + "base64 of 32 random bytes (for example `openssl rand -base64 32`), kept secret and never changed without re-wrapping.");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(PROPERTY + " is not valid base64");
        }
        if (bytes.length != Aead.KEY_BYTES) {
            throw new IllegalStateException(PROPERTY + " must decode to 32 bytes (AES-256), not " + bytes.length);
        }
        return new MasterKey(new SecretKeySpec(bytes, "AES"));
    }

    byte[] wrap(String subjectId, SecretKey subjectKey) {
        return Aead.encrypt(key, subjectKey.getEncoded(), associatedData(subjectId));
    }

    SecretKey unwrap(String subjectId, byte[] wrapped) {
        try {
            return new SecretKeySpec(Aead.decrypt(key, wrapped, associatedData(subjectId)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The key of subject " + subjectId + " does not unwrap under the configured master key", e);
        }
    }

    private static byte[] associatedData(String subjectId) {
        return ("samhandling.subject-key.v1:" + subjectId).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "MasterKey[redacted]";
    }
}
