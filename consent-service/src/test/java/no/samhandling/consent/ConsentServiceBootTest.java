package no.samhandling.consent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import no.samhandling.platform.test.HttpApi;
import no.samhandling.platform.test.ServiceTest;
import no.samhandling.platform.test.TestTokens;

/** The service boots on the platform: public health, Prometheus for the metrics scope, nothing else open. */
@ServiceTest
class ConsentServiceBootTest {

    @LocalServerPort
    int port;

    @Test
    void servesHealthAndPrometheus() {
        assertThat(HttpApi.at(port).get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
        assertThat(HttpApi.at(port).as(TestTokens.metricsToken()).get("/actuator/prometheus").body())
                .contains("application=\"consent-service\"");
    }

    @Test
    void requiresATokenForEverythingElse() {
        assertThat(HttpApi.at(port).get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(HttpApi.at(port).get("/anything").status()).isEqualTo(401);
    }
}
