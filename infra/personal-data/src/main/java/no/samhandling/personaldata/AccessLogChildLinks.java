package no.samhandling.personaldata;

import java.util.Optional;

import no.samhandling.platform.access.ChildLinks;

/**
 * The access log's links to a child kept under the child's key in this service (the platform's seam, see
 * {@link ChildLinks}): the child's id as a {@linkplain PersonalDataCipher#findablePseudonym findable pseudonym}, other
 * ids {@linkplain PersonalDataCipher#seal sealed}. Erasing the child's key ends both.
 *
 * <p>A child whose key belongs to another municipality (a caller refused on another municipality's child) is treated
 * like an erased one: the caller's municipality has no key of the child to hide its ids under, so none is written.
 */
final class AccessLogChildLinks implements ChildLinks {

    static final String SUBJECT_PURPOSE = "access-log-subject";

    private final PersonalDataCipher cipher;

    AccessLogChildLinks(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public Optional<String> pseudonym(String municipality, String subjectId) {
        try {
            return Optional.of(cipher.findablePseudonym(municipality, subjectId, SUBJECT_PURPOSE));
        } catch (SubjectErasedException | SubjectOfAnotherMunicipalityException noKeyHere) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> existingPseudonym(String subjectId) {
        return cipher.existingPseudonym(subjectId, SUBJECT_PURPOSE, subjectId);
    }

    @Override
    public Optional<String> childOf(String pseudonym) {
        return cipher.subjectOf(pseudonym);
    }

    @Override
    public Optional<String> seal(String municipality, String subjectId, String purpose, String value) {
        try {
            return Optional.of(cipher.seal(municipality, subjectId, purpose, value).encoded());
        } catch (SubjectErasedException | SubjectOfAnotherMunicipalityException noKeyHere) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> open(String subjectId, String stored) {
        Sealed sealed;
        try {
            sealed = Sealed.decode(stored);
        } catch (IllegalArgumentException notSealed) {
            return Optional.ofNullable(stored);
        }
        return subjectId == null ? Optional.empty() : cipher.open(subjectId, sealed);
    }
}
