package no.samhandling.notification.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server standing in for the sources of truth notification-service asks: the authorization server's
 * token endpoint, arena-service's contact endpoints and consent-service's guardian contacts. Contact endpoints
 * answer only with the token the token endpoint issued for the notification-service client.
 */
public final class ContactSourcesStub implements AutoCloseable {

    public static final String CLIENT_ID = "notification-service";
    public static final String CLIENT_SECRET = "test-secret";
    private static final String TOKEN = "stub-contacts-token";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** An arena member's contact as arena-service gives it. */
    public record MemberContact(String userId, String party, String role, String email, String phone, List<String> channels,
            String language) {
    }

    /** A guardian's contact as consent-service gives it. */
    public record GuardianContact(String guardianId, String email, String phone, String language) {
    }

    private final HttpServer server;
    private final Map<String, List<MemberContact>> members = new ConcurrentHashMap<>();
    private final Map<String, List<GuardianContact>> guardians = new ConcurrentHashMap<>();
    private final List<String> guardianQueries = new CopyOnWriteArrayList<>();
    private volatile boolean down;
    private final java.util.concurrent.atomic.AtomicInteger callsWhileDown = new java.util.concurrent.atomic.AtomicInteger();

    public ContactSourcesStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/oauth2/token", this::token);
        server.createContext("/arenas/", this::arenaContacts);
        server.createContext("/members/", this::staffContact);
        server.createContext("/subjects/", this::guardianContacts);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void members(String arenaId, MemberContact... contacts) {
        members.put(arenaId, List.of(contacts));
    }

    /** Guardians consent-service would name for the subject and arena: only those with responsibility and consent. */
    public void guardians(String subjectId, String arenaId, GuardianContact... contacts) {
        guardians.put(subjectId + "|" + arenaId, List.of(contacts));
    }

    /** From now on every contact lookup answers 503, as arena- and consent-service would while they restart. */
    public void goDown() {
        callsWhileDown.set(0);
        down = true;
    }

    public void comeBack() {
        down = false;
    }

    public int callsWhileDown() {
        return callsWhileDown.get();
    }

    public List<String> guardianQueries() {
        return List.copyOf(guardianQueries);
    }

    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            String expected = "Basic " + java.util.Base64.getEncoder()
                    .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization")) || !form.contains("grant_type=client_credentials")) {
                respond(exchange, 401, Map.of("error", "invalid_client"));
                return;
            }
            respond(exchange, 200, Map.of("access_token", TOKEN, "token_type", "Bearer", "expires_in", 300, "scope", "contacts"));
        }
    }

    private void arenaContacts(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!authorised(exchange)) {
                return;
            }
            String[] path = exchange.getRequestURI().getPath().split("/");
            // /arenas/{arenaId}/members/contacts
            if (path.length != 5 || !"contacts".equals(path[4]) || query(exchange).get("municipality") == null) {
                respond(exchange, 404, Map.of());
                return;
            }
            respond(exchange, 200, members.getOrDefault(path[2], List.of()));
        }
    }

    private void staffContact(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!authorised(exchange)) {
                return;
            }
            String userId = exchange.getRequestURI().getPath().split("/")[2];
            MemberContact found = members.values().stream().flatMap(List::stream)
                    .filter(member -> member.userId().equals(userId)).findFirst().orElse(null);
            if (found == null) {
                respond(exchange, 404, Map.of("type", "urn:samhandling:problem:not-found"));
            } else {
                respond(exchange, 200, found);
            }
        }
    }

    private void guardianContacts(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!authorised(exchange)) {
                return;
            }
            String subjectId = exchange.getRequestURI().getPath().split("/")[2];
            String arenaId = query(exchange).get("arenaId");
            guardianQueries.add(subjectId + "|" + arenaId);
            respond(exchange, 200, guardians.getOrDefault(subjectId + "|" + arenaId, List.of()));
        }
    }

    private boolean authorised(HttpExchange exchange) throws IOException {
        if (down) {
            callsWhileDown.incrementAndGet();
            respond(exchange, 503, Map.of("type", "about:blank"));
            return false;
        }
        if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, Map.of("type", "urn:samhandling:problem:unauthenticated"));
            return false;
        }
        return true;
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> parameters = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] parts = pair.split("=", 2);
                parameters.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
        }
        return parameters;
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
