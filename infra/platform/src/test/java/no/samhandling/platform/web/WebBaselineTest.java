package no.samhandling.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import tools.jackson.databind.JsonNode;
import no.samhandling.platform.test.HttpApi;
import no.samhandling.platform.test.ServiceTest;
import no.samhandling.platform.test.TestTokens;
import no.samhandling.platform.testapp.TestApplication;

/** Security, tenancy and error responses as every service inherits them. */
@ServiceTest
@ContextConfiguration(classes = TestApplication.class)
class WebBaselineTest {

    static final String VALID = """
            {"arenaId": "arena-1", "ageBand": {"from": 6, "to": 12}}""";

    @LocalServerPort
    int port;

    @Test
    void healthNeedsNoToken() {
        assertThat(HttpApi.at(port).get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void rejectsARequestWithoutATokenAsAProblem() {
        HttpApi.Response response = HttpApi.at(port).post("/concerns", VALID);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("urn:samhandling:problem:unauthenticated");
    }

    @Test
    void rejectsExpiredForeignAndMisaddressedTokens() {
        assertThat(HttpApi.at(port).as(TestTokens.expired("REFERRER")).post("/concerns", VALID).status()).isEqualTo(401);
        assertThat(HttpApi.at(port).as(TestTokens.withIssuer("http://evil.example", "REFERRER")).post("/concerns", VALID).status()).isEqualTo(401);
        assertThat(HttpApi.at(port).as(TestTokens.withAudience("another-api", "REFERRER")).post("/concerns", VALID).status()).isEqualTo(401);
        assertThat(HttpApi.at(port).as(TestTokens.forRole("REFERRER") + "x").post("/concerns", VALID).status()).isEqualTo(401);
    }

    @Test
    void metricsNeedTheMetricsScope() {
        assertThat(HttpApi.at(port).as(TestTokens.forRole("REFERRER")).get("/actuator/prometheus").status()).isEqualTo(403);

        HttpApi.Response metrics = HttpApi.at(port).as(TestTokens.metricsToken()).get("/actuator/prometheus");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("samhandling_events_dead_lettered_total{application=\"platform-test\",topic=\"referral.events.platform-test.dlq\"}")
                .contains("application=\"platform-test\"");
    }

    @Test
    void aTokenWithoutMunicipalityReachesNoTenantData() {
        HttpApi.Response response = HttpApi.at(port).as(TestTokens.metricsToken()).post("/concerns", VALID);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:samhandling:problem:forbidden");
    }

    @Test
    void anotherMunicipalitySeesNothing() {
        String id = HttpApi.at(port).as(TestTokens.forRole("REFERRER")).post("/concerns", VALID).json().get("id").asString();

        assertThat(HttpApi.at(port).as(TestTokens.token("u", TestTokens.MELHUS, "REFERRER")).get("/concerns/" + id).status()).isEqualTo(404);
        assertThat(HttpApi.at(port).as(TestTokens.forRole("REFERRER")).get("/concerns/" + id).status()).isEqualTo(200);
    }

    @Test
    void namesEveryInvalidFieldInBokmaal() {
        HttpApi.Response response = HttpApi.at(port).as(TestTokens.forRole("REFERRER"))
                .post("/concerns", """
                        {"arenaId": " ", "ageBand": {"to": 12}, "themes": ["a", "b", "c", "d"]}""");

        assertThat(response.status()).isEqualTo(400);
        JsonNode problem = response.json();
        assertThat(problem.get("type").asString()).isEqualTo("urn:samhandling:problem:validation");
        assertThat(problem.get("title").asString()).isEqualTo("Ugyldig forespørsel");
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("arenaId", "ageBand.from", "themes");
        assertThat(problem.get("errors").findValuesAsString("message")).contains("må fylles ut");
    }

    @Test
    void answersInNynorskWhenAsked() {
        HttpApi.Response response = HttpApi.at(port).as(TestTokens.forRole("REFERRER")).inLanguage("nn")
                .post("/concerns", """
                        {"ageBand": {"from": 1, "to": 12}}""");

        assertThat(response.json().get("title").asString()).isEqualTo("Ugyldig førespurnad");
        assertThat(response.json().get("errors").findValuesAsString("message")).containsExactly("må fyllast ut");
    }

    @Test
    void namesTheFieldOfAValueOfTheWrongType() {
        HttpApi.Response response = HttpApi.at(port).as(TestTokens.forRole("REFERRER"))
                .post("/concerns", """
                        {"arenaId": "a", "ageBand": {"from": "seks", "to": 12}}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("ageBand.from");
    }

    @Test
    void reportsMalformedJsonWithoutEchoingIt() {
        HttpApi.Response response = HttpApi.at(port).as(TestTokens.forRole("REFERRER")).post("/concerns", "{\"arenaId\": \"Ola Nordmann");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:samhandling:problem:malformed-request");
        assertThat(response.body()).doesNotContain("Ola Nordmann");
    }

    @Test
    void reportsAnUnknownAggregateAsNotFound() {
        HttpApi.Response response = HttpApi.at(port).as(TestTokens.forRole("REFERRER")).get("/concerns/nope");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:samhandling:problem:not-found");
        assertThat(response.json().get("detail").asString()).isEqualTo("Sak nope finnes ikke.");
    }
}
