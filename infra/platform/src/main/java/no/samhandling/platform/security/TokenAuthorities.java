package no.samhandling.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * What a Samhandling token grants: its scopes ({@code SCOPE_metrics}, {@code SCOPE_contacts}, …)
 * and its roles from the {@code roles} claim ({@code ROLE_LEADER}, …). One mapping for every
 * filter chain, the platform's own and any a service adds (such as a dashboard's login chain).
 */
public final class TokenAuthorities {

    /**
     * One for every request: constructing it looks up a commons-logging logger, which takes a lock all request
     * threads share (JFR under the load benchmark showed threads queueing on it). It holds no state of a request.
     */
    private static final JwtGrantedAuthoritiesConverter SCOPES = new JwtGrantedAuthoritiesConverter();

    /** For {@code oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.jwtAuthenticationConverter(...)))}. */
    public static JwtAuthenticationConverter converter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(TokenAuthorities::of);
        return converter;
    }

    /** The scopes and the roles of a token. */
    public static Collection<GrantedAuthority> of(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>(SCOPES.convert(jwt));
        authorities.addAll(rolesOf(jwt));
        return authorities;
    }

    /** Only the roles, for a login session whose user is known from the access token. */
    public static List<GrantedAuthority> rolesOf(Jwt jwt) {
        return CallerArgumentResolver.roles(jwt).stream()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
    }

    private TokenAuthorities() {
    }
}
