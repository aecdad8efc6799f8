package no.samhandling.platform.access;

import java.util.Objects;

/**
 * A kind of thing a service guards, such as a case or a child: its code in the access log and the
 * word its "not found" problem uses.
 *
 * <pre>
 * static final ResourceKind CASE = new ResourceKind("referral", "Sak");
 * </pre>
 *
 * @param code how the access log names the kind, lower case
 * @param notFoundLabel the word in the 404 problem's detail ("Sak … finnes ikke")
 */
public record ResourceKind(String code, String notFoundLabel) {

    public ResourceKind {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(notFoundLabel, "notFoundLabel");
        if (!code.matches("[a-z][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("A resource kind's code is lower case: " + code);
        }
    }

    /** One of these, by id. */
    public Resource of(String id) {
        return new Resource(this, id, null);
    }
}
