package no.samhandling.personaldata;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.Optional;

import javax.crypto.SecretKey;

/**
 * Crypto-shredding with envelope encryption. Every subject (a child) has its own data key in this
 * service's {@code subject_keys} collection, wrapped under the master key from configuration.
 * Personal data is stored and published only {@link #seal sealed} under that key; {@link #erase}
 * destroys the key, after which every copy, wherever it went, is unreadable.
 *
 * <p>Keys and plaintext are never logged, and no type here reveals them in {@code toString}.
 */
public final class PersonalDataCipher {

    /** The purpose of data sealed without naming one. */
    public static final String DEFAULT_PURPOSE = "personal-data";

    private final SubjectKeys keys;

    PersonalDataCipher(SubjectKeys keys) {
        this.keys = keys;
    }

    public Sealed seal(String municipality, String subjectId, String plaintext) {
        return seal(municipality, subjectId, DEFAULT_PURPOSE, plaintext);
    }

    /**
     * Encrypts under the subject's key, creating that key on the subject's first use.
     *
     * @param purpose what the field is, such as {@code name}; it must be the same when opening
     * @throws SubjectErasedException when the subject was erased
     */
    public Sealed seal(String municipality, String subjectId, String purpose, String plaintext) {
        Objects.requireNonNull(municipality, "municipality");
        Objects.requireNonNull(subjectId, "subjectId");
        Sealed.requirePurpose(purpose);
        Objects.requireNonNull(plaintext, "plaintext");
        SecretKey key = keys.keyFor(municipality, subjectId);
        byte[] ciphertext = Aead.encrypt(key, plaintext.getBytes(StandardCharsets.UTF_8), associatedData(subjectId, purpose));
        return new Sealed(purpose, java.util.Base64.getEncoder().encodeToString(ciphertext));
    }

    /**
     * The plaintext, or empty once the subject is erased (or never had a key in this service).
     *
     * @throws UnreadableSealedDataException when the data was altered or belongs to another subject or purpose
     */
    public Optional<String> open(String subjectId, Sealed sealed) {
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(sealed, "sealed");
        Optional<SecretKey> key = keys.existingKey(subjectId);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] plaintext = Aead.decrypt(key.get(), sealed.bytes(), associatedData(subjectId, sealed.purpose()));
            return Optional.of(new String(plaintext, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new UnreadableSealedDataException(subjectId, e);
        }
    }

    /**
     * A stable stand-in for a value that must travel with the subject, such as a guardian's login id on an event:
     * the same value gives the same pseudonym for this subject, but another one for every other subject, and
     * nobody without the subject's key can tell which value is behind it or test a guess. Once the subject is
     * erased its key is gone, so no pseudonym of it can be linked to its value again, even by this service.
     *
     * @param purpose what the value is, such as {@code guardian-login}
     * @throws SubjectErasedException when the subject was erased
     */
    public String pseudonym(String municipality, String subjectId, String purpose, String value) {
        Objects.requireNonNull(municipality, "municipality");
        Objects.requireNonNull(subjectId, "subjectId");
        Sealed.requirePurpose(purpose);
        Objects.requireNonNull(value, "value");
        return Pseudonyms.of(keys.keyFor(municipality, subjectId), subjectId, purpose, value);
    }

    /**
     * The pseudonym of the value for the subject if the subject still has a key here, so that a pseudonym can be
     * matched against candidate values; empty once the subject is erased (or never had a key in this service).
     */
    public Optional<String> existingPseudonym(String subjectId, String purpose, String value) {
        Objects.requireNonNull(subjectId, "subjectId");
        Sealed.requirePurpose(purpose);
        Objects.requireNonNull(value, "value");
        return keys.existingKey(subjectId).map(key -> Pseudonyms.of(key, subjectId, purpose, value));
    }

    /**
     * A pseudonym of the subject itself that this service can turn back into the subject's id with {@link #subjectOf}
     * while the subject has a key, such as the child's stand-in in the access log. The way back is kept on the key's
     * own document, so erasure removes it with the key: afterwards nobody can tell whose pseudonym it is.
     *
     * @throws SubjectErasedException when the subject was erased
     */
    public String findablePseudonym(String municipality, String subjectId, String purpose) {
        String pseudonym = pseudonym(municipality, subjectId, purpose, subjectId);
        keys.remember(subjectId, pseudonym);
        return pseudonym;
    }

    /** The subject behind a {@link #findablePseudonym} while it has a key; empty once erased, or for any other value. */
    public Optional<String> subjectOf(String pseudonym) {
        Objects.requireNonNull(pseudonym, "pseudonym");
        return isPseudonym(pseudonym) ? keys.subjectOf(pseudonym) : Optional.empty();
    }

    /** Whether a value is shaped like a {@link #pseudonym}, rather than the value itself. */
    public static boolean isPseudonym(String value) {
        return Pseudonyms.isPseudonym(value);
    }

    /**
     * Destroys the subject's key and leaves a tombstone, so that nothing sealed for it can be opened
     * again and nothing new can be sealed. Idempotent.
     */
    public void erase(String subjectId) {
        Objects.requireNonNull(subjectId, "subjectId");
        keys.erase(subjectId);
    }

    public boolean isErased(String subjectId) {
        return keys.isErased(subjectId);
    }

    private static byte[] associatedData(String subjectId, String purpose) {
        return ("samhandling.personal-data.v1:" + subjectId + ":" + purpose).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "PersonalDataCipher[keys in " + SubjectKeys.COLLECTION + "]";
    }
}
