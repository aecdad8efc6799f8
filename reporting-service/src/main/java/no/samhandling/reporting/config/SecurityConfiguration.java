package no.samhandling.reporting.config;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

import no.samhandling.platform.security.Role;
import no.samhandling.platform.security.TokenAuthorities;
import no.samhandling.platform.web.ProblemDetailsSecurityHandler;

/**
 * Two filter chains. The dashboard is a browser application: an OAuth2 login client of the
 * authorization server (public client {@code samhandling-web}, authorization code with PKCE) with
 * a session cookie, so that pages can be rendered on the server; roles and municipality are read
 * from the validated access token, as for the API. A bearer token is accepted there too (scripts
 * and tests). Everything else is the platform's stateless resource server, with the same rules as
 * every other service, plus the OpenAPI document, which is public.
 */
@Configuration
class SecurityConfiguration {

    static final String MUNICIPALITY = "municipality";

    @Bean
    @Order(1)
    SecurityFilterChain dashboardSecurityFilterChain(HttpSecurity http, JwtDecoder tokens) throws Exception {
        http.securityMatcher("/dashboard", "/dashboard/**", "/oauth2/authorization/**", "/login/oauth2/**", "/logout")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/dashboard/assets/**").permitAll()
                        .anyRequest().hasRole(Role.LEADER.name()))
                .oauth2Login(login -> login.userInfoEndpoint(userInfo -> userInfo.oidcUserService(leaders(tokens))))
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt -> jwt.jwtAuthenticationConverter(TokenAuthorities.converter())))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/oauth2/authorization/samhandling")))
                .logout(logout -> logout.logoutSuccessUrl("/dashboard"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ProblemDetailsSecurityHandler problems) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/openapi.yaml", "/error").permitAll()
                        .requestMatchers("/actuator/**").hasAnyAuthority("SCOPE_metrics", Role.ADMIN.authority())
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(TokenAuthorities.converter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Bearer tokens are not sent by browsers on their own, so there is no CSRF to defend against.
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .anonymous(Customizer.withDefaults());
        return http.build();
    }

    /**
     * A signed-in leader: the ID token names the user, the access token (validated like any bearer
     * token) gives roles and municipality.
     */
    private static OAuth2UserService<OidcUserRequest, OidcUser> leaders(JwtDecoder tokens) {
        OidcUserService oidc = new OidcUserService();
        return request -> {
            OidcUser user = oidc.loadUser(request);
            Jwt access = tokens.decode(request.getAccessToken().getTokenValue());
            Map<String, Object> claims = new HashMap<>();
            claims.put("sub", access.getSubject());
            if (access.getClaimAsString(MUNICIPALITY) != null) {
                claims.put(MUNICIPALITY, access.getClaimAsString(MUNICIPALITY));
            }
            return new DefaultOidcUser(TokenAuthorities.rolesOf(access), user.getIdToken(), new OidcUserInfo(claims), "sub");
        };
    }
}
