package no.samhandling.gateway;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * People sign in at the authorization server (OIDC, authorization code with PKCE, public client)
 * and keep a server-side session here: its cookie is {@code Secure}, {@code HttpOnly} and
 * {@code SameSite=Lax} under a name of its own (application.yml). Every state-changing request
 * needs the session's CSRF token, from a form field or the {@code X-CSRF-TOKEN} header. Signing
 * out ends the authorization server's session too (OIDC RP-initiated logout). The services behind
 * stay stateless: they get the user's access token (token relay, {@link PageRoutes}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String REGISTRATION = "samhandling";
    static final String SIGNED_OUT = "/logget-ut";
    /** A token this close to its expiry is not relayed; the user is signed in again (silently, while the authorization server's session lives). */
    static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);

    @Bean
    @Order(1)
    SecurityFilterChain actuatorChain(HttpSecurity http, JwtDecoder tokens) throws Exception {
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to("health")).permitAll()
                        // Prometheus' own client, or an administrator, like every service.
                        .anyRequest().hasAnyAuthority("SCOPE_metrics", "ROLE_ADMIN"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .oauth2ResourceServer(resource -> resource.jwt(jwt -> jwt.decoder(tokens).jwtAuthenticationConverter(scopesAndRoles())));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain peopleChain(HttpSecurity http, ClientRegistrationRepository registrations) throws Exception {
        OidcClientInitiatedLogoutSuccessHandler endSessionToo = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        endSessionToo.setPostLogoutRedirectUri("{baseUrl}" + SIGNED_OUT);
        // After sign-in the person lands on the page the link named, with its address as it was (no "?continue").
        HttpSessionRequestCache savedRequests = new HttpSessionRequestCache();
        savedRequests.setMatchingRequestParameterName(null);
        http.requestCache(cache -> cache.requestCache(savedRequests))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/assets/**", "/favicon.ico", SIGNED_OUT, "/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login.loginPage("/oauth2/authorization/" + REGISTRATION))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/oauth2/authorization/" + REGISTRATION)))
                .logout(logout -> logout.logoutSuccessHandler(endSessionToo))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED));
        // CSRF: Spring Security's default, a per-session token (masked per response) checked on every POST, PUT, PATCH and DELETE.
        return http.build();
    }

    @Bean
    ClientRegistrationRepository clientRegistrations(GatewayProperties properties) {
        GatewayProperties.SignIn signIn = properties.signIn();
        // Endpoints given one by one rather than discovered: the browser and the gateway may reach the
        // authorization server at different addresses (Docker), and start-up must not depend on it.
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(signIn.clientId())
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .authorizationUri(signIn.browserFacing("/oauth2/authorize"))
                .tokenUri(signIn.internal("/oauth2/token"))
                .jwkSetUri(signIn.internal("/oauth2/jwks"))
                .issuerUri(signIn.issuer().toString())
                .userNameAttributeName("sub")
                .providerConfigurationMetadata(Map.of("end_session_endpoint", signIn.browserFacing("/connect/logout")))
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    /**
     * The public client gets no refresh token, so an access token about to expire is not relayed:
     * the user is sent through sign-in again, back to the same page (the authorization server's
     * session usually makes that invisible).
     */
    @Bean
    OAuth2AuthorizedClientManager authorizedClients(ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientRepository authorized) {
        OAuth2AuthorizedClientProvider signInAgainWhenExpired = context -> {
            OAuth2AuthorizedClient client = context.getAuthorizedClient();
            if (client != null && client.getRefreshToken() == null && client.getAccessToken().getExpiresAt() != null
                    && client.getAccessToken().getExpiresAt().isBefore(Clock.systemUTC().instant().plus(EXPIRY_MARGIN))) {
                throw new ClientAuthorizationRequiredException(client.getClientRegistration().getRegistrationId());
            }
            return null;
        };
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations, authorized);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .provider(signInAgainWhenExpired)
                .authorizationCode()
                .refreshToken()
                .build());
        return manager;
    }

    /** Access tokens for the actuator, checked like every service checks them: signature, issuer, audience. */
    @Bean
    JwtDecoder actuatorTokens(GatewayProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.signIn().internal("/oauth2/jwks")).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.signIn().issuer().toString()),
                new JwtClaimValidator<List<String>>("aud", audience -> audience != null && audience.contains("samhandling"))));
        return decoder;
    }

    @Bean
    FilterRegistrationBean<LanguageFilter> languageFilter(GatewayProperties properties) {
        FilterRegistrationBean<LanguageFilter> registration = new FilterRegistrationBean<>(new LanguageFilter(properties.secureCookies()));
        // Before Spring Security, so the sign-in redirects and error pages speak the chosen language too;
        // after the character encoding filter, which must see the request first.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    private static JwtAuthenticationConverter scopesAndRoles() {
        JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            Collection<GrantedAuthority> authorities = new ArrayList<>(scopes.convert(jwt));
            roles(jwt).forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
            return authorities;
        });
        return converter;
    }

    private static List<String> roles(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        return roles == null ? List.of() : roles;
    }
}
