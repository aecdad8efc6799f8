package no.samhandling.events;

/**
 * A record that cannot become a valid event: unknown type, malformed JSON or a broken invariant.
 * Retrying cannot help, so consumers send such records straight to the dead-letter topic.
 */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
