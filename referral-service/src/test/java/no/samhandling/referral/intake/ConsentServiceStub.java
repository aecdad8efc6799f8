package no.samhandling.referral.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * consent-service's identity match as referral-service sees it over HTTP: a child is registered here under
 * its subject id, and a claim matches when name, birth date and national id number are the registered ones
 * (consent-service's own tolerant rule is tested there). Records who called (the token's subject and
 * scope) and the path of each call.
 */
final class ConsentServiceStub {

    record Registered(String name, String birthDate, String nationalId) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final Map<String, Registered> children = new ConcurrentHashMap<>();
    /** Per child, the logins behind the pseudonyms its consents carry, as consent-service would answer them. */
    final Map<String, Map<String, String>> guardianPseudonyms = new ConcurrentHashMap<>();
    final List<String> calls = new CopyOnWriteArrayList<>();
    /** Subjects for which consent-service is "down": it answers 500. */
    final java.util.Set<String> failing = ConcurrentHashMap.newKeySet();
    /** While set, consent-service is "down" for the guardians behind pseudonyms: it answers 503. */
    final java.util.concurrent.atomic.AtomicBoolean guardianLoginsDown = new java.util.concurrent.atomic.AtomicBoolean();
    private final HttpServer server;

    ConsentServiceStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/subjects/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            calls.add(caller(exchange.getRequestHeaders().getFirst("Authorization")) + " " + path + "?" + exchange.getRequestURI().getQuery());
            JsonNode claim = JSON.readTree(exchange.getRequestBody().readAllBytes());
            if (path.endsWith("/guardian-logins") && guardianLoginsDown.get()) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            if (path.endsWith("/guardian-logins")) {
                String child = path.substring("/subjects/".length(), path.length() - "/guardian-logins".length());
                Map<String, String> known = guardianPseudonyms.getOrDefault(child, Map.of());
                List<String> userIds = new java.util.ArrayList<>();
                claim.path("pseudonyms").forEach(pseudonym -> {
                    if (known.containsKey(pseudonym.asString())) {
                        userIds.add(known.get(pseudonym.asString()));
                    }
                });
                respond(exchange, JSON.writeValueAsBytes(Map.of("userIds", userIds)));
                return;
            }
            String subjectId = path.substring("/subjects/".length(), path.length() - "/identity-match".length());
            if (failing.contains(subjectId)) {
                exchange.sendResponseHeaders(500, -1);
                exchange.close();
                return;
            }
            Registered child = children.get(subjectId);
            boolean match = child != null && child.name().equalsIgnoreCase(claim.path("name").asString())
                    && (claim.path("birthDate").isNull() || claim.path("birthDate").isMissingNode()
                            || child.birthDate().equals(claim.path("birthDate").asString()))
                    && (claim.path("nationalId").isNull() || claim.path("nationalId").isMissingNode()
                            || child.nationalId().equals(claim.path("nationalId").asString()));
            respond(exchange, ("{\"match\":" + match + "}").getBytes(StandardCharsets.UTF_8));
        });
        server.start();
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** The token's subject and scope, as consent-service would check them: "referral-service identity-match". */
    private static String caller(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return "anonymous";
        }
        String payload = authorization.substring("Bearer ".length()).split("\\.")[1];
        JsonNode claims = JSON.readTree(java.util.Base64.getUrlDecoder().decode(payload));
        return claims.path("sub").asString() + " " + claims.path("scope").asString();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
