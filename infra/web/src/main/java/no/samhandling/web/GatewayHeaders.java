package no.samhandling.web;

/**
 * Headers the gateway sets on every request it forwards to a page, and strips from what the
 * browser sent, so a service can trust them only as far as it needs to: to render, never to
 * authorise.
 */
public final class GatewayHeaders {

    /**
     * The CSRF token of the user's gateway session. Pages render it into their forms (see
     * {@link GatewayCsrfTokenFilter}); the gateway checks it when the form comes back.
     */
    public static final String CSRF_TOKEN = "Samhandling-Csrf-Token";

    /** The form field the gateway reads the token from, as Spring Security names it. */
    public static final String CSRF_PARAMETER = "_csrf";

    /** The header a script sends the token in instead. */
    public static final String CSRF_HEADER = "X-CSRF-TOKEN";

    private GatewayHeaders() {
    }
}
