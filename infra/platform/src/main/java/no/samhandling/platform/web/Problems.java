package no.samhandling.platform.web;

import java.net.URI;

/** Stable problem type URIs (RFC 9457): clients branch on these, never on the wording of a title. */
public final class Problems {

    public static final String PREFIX = "urn:samhandling:problem:";

    public static final URI VALIDATION = type("validation");
    public static final URI MALFORMED_REQUEST = type("malformed-request");
    public static final URI NOT_FOUND = type("not-found");
    public static final URI CONFLICT = type("conflict");
    /** A step the aggregate's current status does not allow; the problem names that status as currentStatus. */
    public static final URI INVALID_TRANSITION = type("invalid-transition");
    public static final URI CONCURRENT_UPDATE = type("concurrent-update");
    public static final URI UNAUTHENTICATED = type("unauthenticated");
    public static final URI FORBIDDEN = type("forbidden");
    /** A request body over {@code samhandling.web.max-request-body}. */
    public static final URI PAYLOAD_TOO_LARGE = type("payload-too-large");
    public static final URI INTERNAL = type("internal");

    public static URI type(String slug) {
        return URI.create(PREFIX + slug);
    }

    private Problems() {
    }
}
