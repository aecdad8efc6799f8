package no.samhandling.notification.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server standing in for the SMS gateway: it checks the API key, and can be switched down (503) to
 * play an outage. Numbers in {@link #REFUSED} get a 400, as a gateway answers an unknown number.
 */
public final class SmsGatewayStub implements AutoCloseable {

    public static final String API_KEY = "test-api-key";
    public static final Set<String> REFUSED = Set.of("4740000099");

    /** One message the gateway accepted. */
    public record Delivered(String recipient, String text, String reference, Instant at) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final List<Delivered> delivered = new CopyOnWriteArrayList<>();
    private final List<Instant> refusedWhileDown = new CopyOnWriteArrayList<>();
    private final AtomicReference<Boolean> up = new AtomicReference<>(true);
    private final AtomicReference<java.util.concurrent.CountDownLatch> hold = new AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicInteger held = new java.util.concurrent.atomic.AtomicInteger();

    public SmsGatewayStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/sms/send", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void goDown() {
        up.set(false);
    }

    public void comeBack() {
        up.set(true);
    }

    /** From now on each message is taken, then its answer held back until {@link #releaseAnswers()} (at most 8 s). */
    public void holdAnswers() {
        hold.set(new java.util.concurrent.CountDownLatch(1));
    }

    public void releaseAnswers() {
        java.util.concurrent.CountDownLatch latch = hold.getAndSet(null);
        if (latch != null) {
            latch.countDown();
        }
    }

    /** How many messages have had their answers held back. */
    public int heldAnswers() {
        return held.get();
    }

    public List<Delivered> delivered() {
        return List.copyOf(delivered);
    }

    public List<Delivered> deliveredTo(String msisdn) {
        return delivered.stream().filter(message -> message.recipient().equals(msisdn)).toList();
    }

    public int callsWhileDown() {
        return refusedWhileDown.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!API_KEY.equals(exchange.getRequestHeaders().getFirst("X-Api-Key"))) {
                respond(exchange, 401, "{\"error\":\"unauthorised\"}");
                return;
            }
            if (!up.get()) {
                refusedWhileDown.add(Instant.now());
                respond(exchange, 503, "{\"error\":\"maintenance\"}");
                return;
            }
            JsonNode message = JSON.readTree(body);
            String recipient = message.path("recipient").asString();
            if (REFUSED.contains(recipient)) {
                respond(exchange, 400, "{\"error\":\"unknown recipient " + recipient + "\"}");
                return;
            }
            delivered.add(new Delivered(recipient, message.path("text").asString(), message.path("reference").asString(),
                    Instant.now()));
            java.util.concurrent.CountDownLatch latch = hold.get();
            if (latch != null) {
                held.incrementAndGet();
                try {
                    latch.await(8, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            respond(exchange, 202, "{\"messageId\":\"gw-" + delivered.size() + "\"}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
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
