package no.samhandling.auth;

import java.util.List;

import no.samhandling.auth.AuthProperties.DemoUser;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Puts the Samhandling identity claims ({@code sub}, {@code municipality}, {@code roles}) into access and ID
 * tokens, and {@code aud} into access tokens. The user is the logged-in demo user, or for client_credentials the
 * demo user the client stands in for. Nothing else about the user is added: tokens carry no personal data.
 */
final class SamhandlingTokenCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String MUNICIPALITY_CLAIM = "municipality";
    static final String ROLES_CLAIM = "roles";
    /** Client setting naming the demo user a client_credentials client acts as. */
    static final String DEMO_USER_SETTING = "samhandling.demo-user";
    /** Client setting marking a service's own client: its tokens name no user, municipality or roles. */
    static final String SERVICE_CLIENT_SETTING = "samhandling.service-client";

    private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

    private final AuthProperties properties;

    SamhandlingTokenCustomizer(AuthProperties properties) {
        this.properties = properties;
    }

    static final String METRICS_SCOPE = "metrics";

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        if (!accessToken && !ID_TOKEN.equals(context.getTokenType())) {
            return;
        }
        if (context.getAuthorizedScopes().contains(METRICS_SCOPE)
                || Boolean.TRUE.equals(context.getRegisteredClient().getClientSettings().getSetting(SERVICE_CLIENT_SETTING))) {
            // A scraper or a calling service is no person and belongs to no municipality: it gets its scopes and nothing else.
            if (accessToken) {
                context.getClaims().audience(List.of(properties.audience()));
            }
            return;
        }
        DemoUser user = properties.user(username(context))
                .orElseThrow(() -> new IllegalStateException("Token requested for a subject that is not a demo user"));
        context.getClaims()
                .subject(user.username())
                .claim(MUNICIPALITY_CLAIM, user.municipality())
                .claim(ROLES_CLAIM, user.roles().stream().map(Role::name).toList());
        if (accessToken) {
            // ID tokens must keep the client id as audience (OIDC); access tokens are for the Samhandling services.
            context.getClaims().audience(List.of(properties.audience()));
        }
    }

    private static String username(JwtEncodingContext context) {
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            return context.getRegisteredClient().getClientSettings().getSetting(DEMO_USER_SETTING);
        }
        // authorization_code and refresh_token: the principal is the user who logged in through the form.
        return context.getPrincipal().getName();
    }
}
