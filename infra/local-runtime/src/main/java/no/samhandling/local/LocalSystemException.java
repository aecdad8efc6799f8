package no.samhandling.local;

/** The local system could not start; the message says what to do, and what had started is stopped again. */
public class LocalSystemException extends RuntimeException {

    public LocalSystemException(String message) {
        super(message);
    }

    public LocalSystemException(String message, Throwable cause) {
        super(message, cause);
    }
}
