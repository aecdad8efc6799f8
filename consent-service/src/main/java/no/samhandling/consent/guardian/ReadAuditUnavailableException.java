package no.samhandling.consent.guardian;

/** The read audit log did not answer; the guardian is told to try again rather than shown an empty list. */
class ReadAuditUnavailableException extends RuntimeException {

    ReadAuditUnavailableException(Throwable cause) {
        super("The read audit log is unavailable", cause);
    }
}
