package no.samhandling.auth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * Everything the server issues tokens from, bound from {@code samhandling.auth.*}.
 * Validation happens at binding time so a broken configuration stops startup instead of minting odd tokens.
 */
@ConfigurationProperties("samhandling.auth")
public record AuthProperties(
        String issuer,
        String audience,
        Path keyFile,
        Duration accessTokenTimeToLive,
        WebClient webClient,
        DemoClients demoClients,
        MetricsClient metricsClient,
        List<ServiceClient> serviceClients,
        List<DemoUser> users) {

    private static final Pattern MUNICIPALITY = Pattern.compile("\\d{4}");

    public AuthProperties {
        Assert.hasText(issuer, "samhandling.auth.issuer is required");
        Assert.hasText(audience, "samhandling.auth.audience is required");
        Assert.notNull(accessTokenTimeToLive, "samhandling.auth.access-token-time-to-live is required");
        Assert.notNull(webClient, "samhandling.auth.web-client is required");
        Assert.notNull(demoClients, "samhandling.auth.demo-clients is required");
        Assert.notNull(metricsClient, "samhandling.auth.metrics-client is required");
        Assert.notEmpty(users, "samhandling.auth.users must list at least one demo user");
        serviceClients = serviceClients == null ? List.of() : List.copyOf(serviceClients);
        var names = new HashSet<String>();
        for (DemoUser user : users) {
            Assert.isTrue(names.add(user.username()), () -> "Duplicate demo user: " + user.username());
        }
        users = List.copyOf(users);
    }

    public Optional<DemoUser> user(String username) {
        return users.stream().filter(u -> u.username().equals(username)).findFirst();
    }

    /** The browser client (leaders' dashboard): public, authorization code with PKCE. */
    public record WebClient(String clientId, List<String> redirectUris, List<String> postLogoutRedirectUris,
            List<String> scopes) {

        public WebClient {
            Assert.hasText(clientId, "web-client.client-id is required");
            Assert.notEmpty(redirectUris, "web-client.redirect-uris is required");
            Assert.notEmpty(scopes, "web-client.scopes is required");
            redirectUris = List.copyOf(redirectUris);
            postLogoutRedirectUris = postLogoutRedirectUris == null ? List.of() : List.copyOf(postLogoutRedirectUris);
            scopes = List.copyOf(scopes);
        }
    }

    /**
     * One confidential client_credentials client per demo user ({@code <prefix><username>}), so scripts and
     * tests get a user's token without a browser. Its secret is that user's password (hash).
     */
    public record DemoClients(String clientIdPrefix, List<String> scopes) {

        public DemoClients {
            Assert.hasText(clientIdPrefix, "demo-clients.client-id-prefix is required");
            Assert.notEmpty(scopes, "demo-clients.scopes is required");
            scopes = List.copyOf(scopes);
        }

        public String clientId(DemoUser user) {
            return clientIdPrefix + user.username();
        }
    }

    /** A demo user. Only the username, municipality and roles ever reach a token; there are no names or emails. */
    /** The machine client a Prometheus scraper uses: scope {@code metrics}, no municipality, no roles. */
    public record MetricsClient(String clientId, String clientSecret) {

        public MetricsClient {
            Assert.hasText(clientId, "metrics-client.client-id is required");
            requireBcrypt(clientSecret, "metrics-client.client-secret");
        }
    }

    /**
     * A service calling another service on its own behalf (client_credentials): its token carries the granted
     * scopes and no municipality or roles, so it reaches only the endpoints that ask for those scopes.
     */
    public record ServiceClient(String clientId, String clientSecret, List<String> scopes) {

        public ServiceClient {
            Assert.hasText(clientId, "service-clients[].client-id is required");
            requireBcrypt(clientSecret, "client-secret of service client " + clientId);
            Assert.notEmpty(scopes, () -> "service client " + clientId + " needs at least one scope");
            scopes = List.copyOf(scopes);
        }
    }

    public record DemoUser(String username, String password, String municipality, List<Role> roles) {

        public DemoUser {
            Assert.hasText(username, "demo user username is required");
            requireBcrypt(password, "password of demo user " + username);
            Assert.isTrue(municipality != null && MUNICIPALITY.matcher(municipality).matches(),
                    () -> "municipality of demo user " + username + " must be a 4-digit kommunenummer");
            Assert.notEmpty(roles, () -> "demo user " + username + " needs at least one role");
            roles = List.copyOf(roles);
        }
    }

    // Plain or {noop} secrets in configuration are refused on purpose; the message never echoes the value.
    private static void requireBcrypt(String encoded, String what) {
        Assert.isTrue(encoded != null && encoded.startsWith("{bcrypt}"), () -> what + " must be a {bcrypt} hash");
    }
}
