package no.samhandling.personaldata;

/**
 * Sealed data did not authenticate under the subject's key: it was altered, belongs to another
 * subject or another purpose, or was sealed under another master key.
 */
public class UnreadableSealedDataException extends RuntimeException {

    UnreadableSealedDataException(String subjectId, Throwable cause) {
        // The cause is a bare AEADBadTagException or similar; it carries no data.
        super("Sealed data does not open under the key of subject " + subjectId, cause);
    }
}
