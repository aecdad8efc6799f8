package no.samhandling.consent.accesslog;

/** Another service's access log did not answer; the caller is told to try again rather than shown a log with a hole. */
public class AccessLogsUnavailableException extends RuntimeException {

    AccessLogsUnavailableException(String source, Throwable cause) {
        super("The access log of " + source + " is unavailable", cause);
    }
}
