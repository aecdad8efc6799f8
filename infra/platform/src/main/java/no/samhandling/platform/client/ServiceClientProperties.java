package no.samhandling.platform.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who this service is when it calls another one, and where the others are.
 *
 * <pre>
 * samhandling.service-identity.client-id=notification-service
 * samhandling.service-identity.client-secret=...
 * samhandling.service-identity.scopes=contacts
 * samhandling.clients.arena.base-url=http://localhost:8081
 * </pre>
 *
 * @param identity the confidential client this service authenticates as (client credentials)
 * @param clients the services it calls, by a short name
 */
@ConfigurationProperties("samhandling")
public record ServiceClientProperties(
        @DefaultValue ServiceIdentity serviceIdentity,
        Map<String, Target> clients) {

    public ServiceClientProperties {
        clients = clients == null ? Map.of() : Map.copyOf(clients);
    }

    /**
     * @param tokenUri the authorization server's token endpoint
     * @param clientId null when this service calls no one
     * @param scopes the scopes to ask for; a callee checks them, never the caller's own claims
     */
    public record ServiceIdentity(
            @DefaultValue("http://localhost:9000/oauth2/token") URI tokenUri,
            String clientId,
            String clientSecret,
            @DefaultValue List<String> scopes) {

        @Override
        public String toString() {
            return "ServiceIdentity[tokenUri=" + tokenUri + ", clientId=" + clientId + ", scopes=" + scopes + "]";
        }
    }

    /**
     * @param baseUrl where the service answers
     * @param connectTimeout how long to wait for a connection
     * @param readTimeout how long to wait for an answer; callers wrap calls in their own resilience
     */
    public record Target(
            URI baseUrl,
            @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("5s") Duration readTimeout) {
    }
}
