package no.samhandling.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import no.samhandling.platform.test.HttpApi;
import no.samhandling.platform.test.ServiceTest;
import no.samhandling.platform.test.TestTokens;
import no.samhandling.platform.testapp.TestApplication;
import tools.jackson.databind.json.JsonMapper;

/** What every service answers to requests that are not what its API expects: no 500, no unbounded body. */
@ServiceTest
@ContextConfiguration(classes = TestApplication.class)
class SafeDefaultsTest {

    /** One byte over the default limit of samhandling.web.max-request-body. */
    static final int OVER_THE_LIMIT = 1024 * 1024 + 1;

    @LocalServerPort
    int port;

    @Test
    void errorAskedForDirectlyIsNotFoundWithOrWithoutAToken() {
        assertThat(HttpApi.at(port).get("/error").status()).isEqualTo(404);
        assertThat(HttpApi.at(port).as(TestTokens.forRole("REFERRER")).get("/error").status()).isEqualTo(404);
    }

    @Test
    void aBodyThatDeclaresMoreThanTheLimitIsRefusedAs413BeforeItIsRead() {
        HttpApi.Response response = HttpApi.at(port).post("/concerns", concernOfSize(OVER_THE_LIMIT));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("urn:samhandling:problem:payload-too-large");
        assertThat(response.json().get("title").asString()).isEqualTo("For stor forespørsel");
    }

    @Test
    void aBodySentInChunksIsCutOffAtTheLimitAndRefusedAs413() throws Exception {
        byte[] body = concernOfSize(OVER_THE_LIMIT).getBytes(StandardCharsets.UTF_8);
        // A body publisher without a known length: sent chunked, with no Content-Length to check in advance.
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/concerns"))
                .header("Authorization", "Bearer " + TestTokens.forRole("REFERRER"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(JsonMapper.builder().build().readTree(response.body()).get("type").asString())
                    .isEqualTo("urn:samhandling:problem:payload-too-large");
        }
    }

    @Test
    void aBodyUnderTheLimitIsServedAsBefore() {
        assertThat(HttpApi.at(port).as(TestTokens.forRole("REFERRER")).post("/concerns", concernOfSize(64 * 1024)).status())
                .isEqualTo(201);
    }

    /** A valid concern whose JSON is exactly the given number of bytes, padded in its arena id. */
    private static String concernOfSize(int bytes) {
        String template = "{\"arenaId\": \"%s\", \"ageBand\": {\"from\": 6, \"to\": 12}}";
        return template.formatted("a".repeat(bytes - template.length() + 2));
    }
}
