package no.samhandling.auth;

import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import no.samhandling.auth.AuthProperties.DemoClients;
import no.samhandling.auth.AuthProperties.DemoUser;
import no.samhandling.auth.AuthProperties.WebClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/** Issuer, signing key, clients and token contents. Boot's auto-configured equivalents back off for these beans. */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfig {

    @Bean
    AuthorizationServerSettings authorizationServerSettings(AuthProperties properties) {
        // A fixed issuer, so tokens say http://localhost:9000 whatever host name a request used.
        return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
    }

    @Bean
    RSAKey signingKey(AuthProperties properties) {
        return SigningKeys.loadOrCreate(properties.keyFile());
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(RSAKey signingKey) {
        return new ImmutableJWKSet<>(new JWKSet(signingKey));
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> samhandlingTokenCustomizer(AuthProperties properties) {
        return new SamhandlingTokenCustomizer(properties);
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(AuthProperties properties) {
        TokenSettings tokenSettings = TokenSettings.builder()
                .accessTokenTimeToLive(properties.accessTokenTimeToLive())
                .reuseRefreshTokens(false)
                .build();
        List<RegisteredClient> clients = new ArrayList<>();
        clients.add(webClient(properties.webClient(), tokenSettings));
        for (DemoUser user : properties.users()) {
            clients.add(demoClient(properties.demoClients(), user, tokenSettings));
        }
        clients.add(metricsClient(properties.metricsClient(), tokenSettings));
        for (AuthProperties.ServiceClient service : properties.serviceClients()) {
            clients.add(serviceClient(service, tokenSettings));
        }
        return new InMemoryRegisteredClientRepository(clients);
    }

    private static RegisteredClient webClient(WebClient web, TokenSettings tokenSettings) {
        return RegisteredClient.withId(web.clientId())
                .clientId(web.clientId())
                // Public: a browser-facing client cannot keep a secret, so PKCE protects the code instead.
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> uris.addAll(web.redirectUris()))
                .postLogoutRedirectUris(uris -> uris.addAll(web.postLogoutRedirectUris()))
                .scopes(scopes -> scopes.addAll(web.scopes()))
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        // Demo users log in to a local first-party app; a consent screen would only add clicks.
                        .requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(tokenSettings)
                .build();
    }

    private static RegisteredClient metricsClient(AuthProperties.MetricsClient metrics, TokenSettings tokenSettings) {
        return RegisteredClient.withId(metrics.clientId())
                .clientId(metrics.clientId())
                .clientSecret(metrics.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope(SamhandlingTokenCustomizer.METRICS_SCOPE)
                .tokenSettings(tokenSettings)
                .build();
    }

    private static RegisteredClient serviceClient(AuthProperties.ServiceClient service, TokenSettings tokenSettings) {
        return RegisteredClient.withId(service.clientId())
                .clientId(service.clientId())
                .clientSecret(service.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(scopes -> scopes.addAll(service.scopes()))
                .clientSettings(ClientSettings.builder().setting(SamhandlingTokenCustomizer.SERVICE_CLIENT_SETTING, true).build())
                .tokenSettings(tokenSettings)
                .build();
    }

    private static RegisteredClient demoClient(DemoClients demo, DemoUser user, TokenSettings tokenSettings) {
        String clientId = demo.clientId(user);
        return RegisteredClient.withId(clientId)
                .clientId(clientId)
                // The user's own password hash; also keeps secrets unique, which the in-memory repository demands.
                .clientSecret(user.password())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(scopes -> scopes.addAll(demo.scopes()))
                .clientSettings(ClientSettings.builder()
                        .setting(SamhandlingTokenCustomizer.DEMO_USER_SETTING, user.username())
                        .build())
                .tokenSettings(tokenSettings)
                .build();
    }
}
