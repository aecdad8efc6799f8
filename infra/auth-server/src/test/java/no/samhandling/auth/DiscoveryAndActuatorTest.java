package no.samhandling.auth;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class DiscoveryAndActuatorTest {

    @Autowired
    MockMvc mvc;

    @Test
    void openidDiscoveryListsIssuerAndJwksUri() throws Exception {
        mvc.perform(get("/.well-known/openid-configuration"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.issuer").value("http://localhost:9000"))
                .andExpect(jsonPath("$.jwks_uri").value("http://localhost:9000/oauth2/jwks"))
                .andExpect(jsonPath("$.token_endpoint").value("http://localhost:9000/oauth2/token"))
                .andExpect(jsonPath("$.code_challenge_methods_supported", hasItem("S256")));
    }

    @Test
    void healthIsPublic() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    /** Any valid token used to be enough; the metrics are Prometheus' alone, as at every service. */
    @Test
    void prometheusAndInfoNeedATokenWithTheMetricsScope() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());

        String admin = token("demo-admin", "demo");
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + admin)).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/info").header("Authorization", "Bearer " + admin)).andExpect(status().isForbidden());

        String prometheus = token("prometheus", "prometheus");
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + prometheus)).andExpect(status().isOk());
    }

    @Test
    void errorAskedForDirectlyIsNotFoundNotA500() throws Exception {
        mvc.perform(get("/error")).andExpect(status().isNotFound());
        mvc.perform(get("/error").accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
    }

    private String token(String client, String secret) throws Exception {
        String body = mvc.perform(post("/oauth2/token").with(httpBasic(client, secret))
                        .param("grant_type", "client_credentials"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return (String) JSONObjectUtils.parse(body).get("access_token");
    }

    @Test
    void unexposedActuatorEndpointsAreNotServed() throws Exception {
        mvc.perform(get("/actuator/env")).andExpect(status().is3xxRedirection());
    }
}
