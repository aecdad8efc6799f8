package no.samhandling.reporting.figures;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The municipality of a leader signed in to the dashboard (from the session's access token) or
 * calling with a bearer token; pages and downloads show only that municipality's figures.
 */
public final class SignedInLeader {

    public static String municipality(Authentication authentication) {
        Object municipality = null;
        if (authentication instanceof JwtAuthenticationToken token) {
            municipality = token.getToken().getClaimAsString("municipality");
        } else if (authentication != null && authentication.getPrincipal() instanceof OAuth2User user) {
            municipality = user.getAttribute("municipality");
        }
        if (!(municipality instanceof String value) || !value.matches("\\d{4}")) {
            throw new AccessDeniedException("The token names no municipality");
        }
        return value;
    }

    private SignedInLeader() {
    }
}
