package no.samhandling.platform.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import no.samhandling.platform.test.MutableClock;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

class ServiceClientsTest {

    private HttpServer server;
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final List<String> tokenRequestBodies = new CopyOnWriteArrayList<>();
    private final List<String> tokenRequestAuthorisations = new CopyOnWriteArrayList<>();
    private final List<String> seenAuthorisations = new CopyOnWriteArrayList<>();
    private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-23T10:00:00Z"));

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/oauth2/token", exchange -> {
            int n = tokenRequests.incrementAndGet();
            tokenRequestBodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            tokenRequestAuthorisations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            respond(exchange, 200, "{\"access_token\":\"token-" + n + "\",\"token_type\":\"Bearer\",\"expires_in\":300,\"scope\":\"contacts\"}");
        });
        server.createContext("/arenas", exchange -> {
            seenAuthorisations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            respond(exchange, 200, "[]");
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void callsCarryOneTokenFetchedWithTheClientCredentialsGrant() {
        ServiceClients clients = clients("notification-service", "secret");

        clients.client("arena").get().uri("/arenas").retrieve().toBodilessEntity();
        clients.client("arena").get().uri("/arenas").retrieve().toBodilessEntity();

        assertThat(seenAuthorisations).containsExactly("Bearer token-1", "Bearer token-1");
        assertThat(tokenRequests).hasValue(1);
        assertThat(tokenRequestBodies.getFirst()).contains("grant_type=client_credentials").contains("scope=contacts");
        assertThat(tokenRequestAuthorisations.getFirst()).startsWith("Basic ");
    }

    @Test
    void fetchesANewTokenShortlyBeforeTheOldOneExpires() {
        ServiceClients clients = clients("notification-service", "secret");
        clients.client("arena").get().uri("/arenas").retrieve().toBodilessEntity();

        clock.advance(Duration.ofSeconds(300 - 29));
        clients.client("arena").get().uri("/arenas").retrieve().toBodilessEntity();

        assertThat(seenAuthorisations).containsExactly("Bearer token-1", "Bearer token-2");
    }

    @Test
    void anUnconfiguredServiceFailsFastWithItsPropertyName() {
        ServiceClients clients = clients("notification-service", "secret");

        assertThatThrownBy(() -> clients.client("consent"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("samhandling.clients.consent.base-url");
    }

    @Test
    void aServiceWithoutCredentialsSaysWhichPropertiesAreMissing() {
        ServiceClients clients = clients(null, null);

        assertThatThrownBy(() -> clients.client("arena").get().uri("/arenas").retrieve().toBodilessEntity())
                .hasMessageContaining("samhandling.service-identity.client-id");
        assertThat(seenAuthorisations).isEmpty();
    }

    @Test
    void theIdentityNeverPrintsItsSecret() {
        assertThat(identity("notification-service", "very-secret").toString()).doesNotContain("very-secret");
    }

    private ServiceClients clients(String clientId, String secret) {
        ServiceClientProperties properties = new ServiceClientProperties(identity(clientId, secret),
                Map.of("arena", new ServiceClientProperties.Target(base(""), Duration.ofSeconds(1), Duration.ofSeconds(2))));
        ServiceTokens tokens = new ClientCredentialsTokens(properties.serviceIdentity(), RestClient.builder(), clock);
        return new ServiceClients(properties, RestClient.builder(), tokens);
    }

    private ServiceClientProperties.ServiceIdentity identity(String clientId, String secret) {
        return new ServiceClientProperties.ServiceIdentity(base("/oauth2/token"), clientId, secret, List.of("contacts"));
    }

    private URI base(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
