package no.samhandling.platform.access;

import java.util.Optional;

/**
 * What keeps an access-log entry about a child from linking anyone to that child once the child is erased: the
 * child's id is stored as a pseudonym, and the ids that lead to the child (the resource's id, a guardian's or the
 * youth's login) are stored sealed, both under the child's own key in this service, which erasure destroys. While
 * the key exists the service turns them back; afterwards nobody can, the service included.
 *
 * <p>The platform knows no keys: infra/personal-data implements this over its {@code PersonalDataCipher}, wired
 * by its auto-configuration in every service that has that library. A service without it ({@link #NONE}) logs no
 * read about a child: such an append fails, and the caller gets the access log's 503.
 */
public interface ChildLinks {

    /**
     * The child's stand-in in the log, the same for every entry about the child in this service, and one that
     * {@link #childOf} turns back while the child exists; empty when the child was erased here, or its key belongs to
     * another municipality (a caller refused on another municipality's child).
     */
    Optional<String> pseudonym(String municipality, String subjectId);

    /** The child's stand-in only if the child has a key here, never making one: what its entries are found by. */
    Optional<String> existingPseudonym(String subjectId);

    /** The child behind a stand-in while the child exists; empty once erased, or for anything that is no stand-in. */
    Optional<String> childOf(String pseudonym);

    /** The value sealed under the child's key, as one string; empty when {@link #pseudonym} is. */
    Optional<String> seal(String municipality, String subjectId, String purpose, String value);

    /**
     * The value behind a stored one: a sealed value opened with the child's key, anything else as it is (entries
     * written before ids were sealed). Empty when it is sealed and cannot be opened: the child was erased, or is not known.
     *
     * @param subjectId the child, or null when it is not known
     */
    Optional<String> open(String subjectId, String stored);

    /** No keys in this service: it can log reads about no child, only those of resources about none. */
    ChildLinks NONE = new ChildLinks() {

        @Override
        public Optional<String> pseudonym(String municipality, String subjectId) {
            throw new IllegalStateException("This service has no infra/personal-data, so it cannot log a read about a child");
        }

        @Override
        public Optional<String> existingPseudonym(String subjectId) {
            return Optional.empty();
        }

        @Override
        public Optional<String> childOf(String pseudonym) {
            return Optional.empty();
        }

        @Override
        public Optional<String> seal(String municipality, String subjectId, String purpose, String value) {
            throw new IllegalStateException("This service has no infra/personal-data, so it cannot log a read about a child");
        }

        @Override
        public Optional<String> open(String subjectId, String stored) {
            return Optional.of(stored);
        }
    };
}
