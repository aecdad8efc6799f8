package no.samhandling.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Submits anonymous referrals to referral-service's REST API on an open-loop {@link Schedule}, as
 * the demo user {@code referrer} with a real token from the authorization server.
 */
final class ReferralLoad {

    static final URI TOKEN = URI.create("http://localhost:9000/oauth2/token");
    static final URI ARENAS = URI.create("http://localhost:8081/arenas?externalKey=aukra-0-6-tverrfagleg-forskoleteam");
    static final URI REFERRALS = URI.create("http://localhost:8082/referrals");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final JsonMapper json = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String token;
    private final String body;

    private ReferralLoad(String token, String arenaId) {
        this.token = token;
        this.body = """
                {"arenaId": "%s", "referrerUnit": "Barnebo barnehage", "referrerUnitType": "KINDERGARTEN",
                 "ageBand": "0-5", "themes": ["LANGUAGE"], "preventionLevel": "GREEN", "guardiansAttend": true,
                 "measuresTried": [{"description": "Språkgruppe", "period": "haust 2026", "effect": "Lite endring"}]}"""
                .formatted(arenaId);
    }

    /** Signs in as the demo referrer (client credentials of {@code demo-referrer}) and finds Aukra's pre-school arena. */
    static ReferralLoad signIn() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> tokenResponse = http.send(HttpRequest.newBuilder(TOKEN)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("demo-referrer:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (tokenResponse.statusCode() != 200) {
            throw new IllegalStateException("The authorization server answered " + tokenResponse.statusCode()
                    + " to demo-referrer: is the local system running?");
        }
        String token = json.readTree(tokenResponse.body()).get("access_token").asString();
        HttpResponse<String> arenas = http.send(HttpRequest.newBuilder(ARENAS).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode list = json.readTree(arenas.body());
        if (arenas.statusCode() != 200 || list.isEmpty()) {
            throw new IllegalStateException("arena-service did not find the demo arena (" + arenas.statusCode()
                    + "): start the local system with its demo data");
        }
        return new ReferralLoad(token, list.get(0).get("id").asString());
    }

    /**
     * Issues the schedule's requests, each at its due time, and waits for the answers.
     *
     * @param submitted told of each referral created: its id and its due time (System.nanoTime)
     */
    Outcome run(Schedule schedule, BiConsumer<String, Long> submitted) throws InterruptedException {
        int count = schedule.count();
        Latencies latencies = new Latencies();
        Map<String, Integer> errors = new ConcurrentHashMap<>();
        AtomicLong lastAnswer = new AtomicLong();
        CountDownLatch answered = new CountDownLatch(count);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        long lastIssued = start;
        for (int i = 0; i < count; i++) {
            long due = start + schedule.dueNanos(i);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            lastIssued = System.nanoTime();
            http.sendAsync(request(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                long now = System.nanoTime();
                lastAnswer.accumulateAndGet(now, Math::max);
                if (failure != null) {
                    errors.merge(rootName(failure), 1, Integer::sum);
                } else if (response.statusCode() != 201) {
                    errors.merge("HTTP " + response.statusCode(), 1, Integer::sum);
                } else {
                    latencies.add(now - due);
                    response.headers().firstValue("Location")
                            .map(location -> location.substring(location.lastIndexOf('/') + 1))
                            .ifPresent(id -> submitted.accept(id, due));
                }
                answered.countDown();
            });
        }
        boolean all = answered.await(TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
        if (!all) {
            errors.merge("unanswered", (int) answered.getCount(), Integer::sum);
        }
        return new Outcome(count, latencies.summary(), Map.copyOf(errors), lastIssued - start, lastAnswer.get() - start);
    }

    private HttpRequest request() {
        return HttpRequest.newBuilder(REFERRALS)
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static String rootName(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    /** What a run did: requests due, POST latencies of the created referrals, errors by kind, and its timing. */
    record Outcome(int requests, Latencies.Summary posts, Map<String, Integer> errors, long issuedNanos, long answeredNanos) {

        int errorCount() {
            return errors.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** Referrals created per second, from the first due time to the last answer. */
        double achievedRate() {
            return answeredNanos <= 0 ? 0 : posts.count() / (answeredNanos / 1e9);
        }

        /** Requests issued per second: shows whether the benchmark itself kept to the schedule. */
        double issuedRate() {
            return issuedNanos <= 0 ? requests : (requests - 1) / (issuedNanos / 1e9);
        }

        List<String> errorLines() {
            return errors.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + ": " + e.getValue()).toList();
        }
    }
}
