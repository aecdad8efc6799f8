package no.samhandling.platform.web;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A domain failure the client can act on, rendered as an RFC 9457 problem detail. The title and
 * detail are message keys resolved in the caller's language (bokmål by default, nynorsk on
 * {@code Accept-Language: nn}); {@code arguments} fill the detail's placeholders and must never
 * hold personal data.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final URI type;
    private final String messageKey;
    private final Object[] arguments;
    private final Map<String, Object> properties;

    public ProblemException(HttpStatus status, URI type, String messageKey, Object[] arguments, Map<String, Object> properties) {
        super(messageKey);
        this.status = status;
        this.type = type;
        this.messageKey = messageKey;
        this.arguments = arguments == null ? new Object[0] : arguments.clone();
        this.properties = properties == null ? Map.of() : Map.copyOf(properties);
        for (String reserved : STANDARD_MEMBERS) {
            if (this.properties.containsKey(reserved)) {
                throw new IllegalArgumentException("'" + reserved + "' is a standard problem member, not an extension");
            }
        }
    }

    /** RFC 9457's own members; an extension of the same name would overwrite them (a status of "SUBMITTED"). */
    private static final java.util.Set<String> STANDARD_MEMBERS = java.util.Set.of("type", "title", "status", "detail", "instance");

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "problem.not-found", new Object[] {what, id}, Map.of());
    }

    public static ProblemException conflict(String messageKey, Object... arguments) {
        return new ProblemException(HttpStatus.CONFLICT, Problems.CONFLICT, messageKey, arguments, Map.of());
    }

    /** 409: the aggregate is in {@code currentStatus}, from which this step is impossible. */
    public static ProblemException invalidTransition(String messageKey, String currentStatus, Object... arguments) {
        return new ProblemException(HttpStatus.CONFLICT, Problems.INVALID_TRANSITION, messageKey, arguments,
                Map.of("currentStatus", currentStatus));
    }

    public static ProblemException invalid(String field, String messageKey, Object... arguments) {
        return new ProblemException(HttpStatus.BAD_REQUEST, Problems.VALIDATION, messageKey, arguments, Map.of("field", field));
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return type;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
