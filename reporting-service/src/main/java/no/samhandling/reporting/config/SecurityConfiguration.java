package no.samhandling.reporting.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

import no.samhandling.platform.security.Role;
import no.samhandling.platform.security.TokenAuthorities;
import no.samhandling.platform.web.ProblemDetailsSecurityHandler;

/**
 * The platform's stateless resource server, with the same rules as every other service, plus the
 * OpenAPI document, which is public. The leaders' pages ({@code /tall}) are no exception: people
 * sign in at the gateway, which relays their access token here like any other bearer token.
 */
@Configuration
class SecurityConfiguration {

    @Bean
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
                // Bearer tokens are not sent by browsers on their own, so there is no CSRF to defend against here;
                // the gateway, which holds the session, checks it.
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .anonymous(Customizer.withDefaults());
        return http.build();
    }
}
