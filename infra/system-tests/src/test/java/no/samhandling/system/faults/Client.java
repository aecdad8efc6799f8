package no.samhandling.system.faults;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One user's calls to one service, as a load balancer in front of its instances would make them: a call
 * goes to the next instance, and to the one after while an instance refuses connections (it was killed).
 * What the suite must tell apart, as Jepsen's clients do, is a call that surely did nothing (refused on
 * every instance: {@link Unsent}) from one whose fate is unknown (cut off or timed out after it was sent:
 * {@link Lost}); the caller finds out what a lost call did before it repeats it.
 */
final class Client {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Longer than a service waits for MongoDB (30 s server selection), so a slow answer is an answer, not a loss. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final List<String> instances;
    private final Supplier<String> token;
    private final Runnable tokenExpired;
    private final Semaphore concurrency;
    private final AtomicInteger next = new AtomicInteger();

    Client(List<String> instances, Supplier<String> token, Runnable tokenExpired, Semaphore concurrency) {
        this.instances = List.copyOf(instances);
        this.token = token;
        this.tokenExpired = tokenExpired;
        this.concurrency = concurrency;
    }

    record Reply(int status, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        boolean ok() {
            return status / 100 == 2;
        }

        /** 5xx, 429 and 408: the service could not do it now; whether it did part of it is unknown. */
        boolean unavailable() {
            return status >= 500 || status == 429 || status == 408;
        }
    }

    /** No instance took the connection: nothing happened. */
    static final class Unsent extends RuntimeException {
        Unsent(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The call was sent and its answer never came: it may or may not have happened. */
    static final class Lost extends RuntimeException {
        Lost(String message, Throwable cause) {
            super(message, cause);
        }
    }

    Reply get(String path) {
        return send("GET", path, null);
    }

    Reply post(String path, String json) {
        return send("POST", path, json);
    }

    Reply put(String path, String json) {
        return send("PUT", path, json);
    }

    private Reply send(String method, String path, String json) {
        int first = Math.floorMod(next.getAndIncrement(), instances.size());
        IOException refused = null;
        for (int tried = 0; tried < instances.size(); tried++) {
            String base = instances.get((first + tried) % instances.size());
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Authorization", "Bearer " + token.get())
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            try {
                concurrency.acquire();
                HttpResponse<String> response;
                try {
                    response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                } finally {
                    concurrency.release();
                }
                if (response.statusCode() == 401) {
                    tokenExpired.run();
                }
                return new Reply(response.statusCode(), response.body());
            } catch (ConnectException | HttpConnectTimeoutException e) {
                refused = e;
            } catch (IOException e) {
                throw new Lost(method + " " + base + path + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Lost("interrupted", e);
            }
        }
        throw new Unsent(method + " " + path + ": no instance took the connection (" + instances + ")", refused);
    }
}
