package no.samhandling.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import no.samhandling.baseline.ProductionSettingsException;

/** The production profile of the authorization server fails closed on the committed demo configuration. */
class AuthServerProductionSettingsTest {

    /** The committed hash of "demo" for the referral-service client (application.yml). */
    private static final String COMMITTED_DEMO_SECRET = "{bcrypt}$2a$10$2H/Bb.oaZLupmRhvwjg4oeNrEm0OjUPDqzeURNSBev7pW.tSsMAb6";

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);

    @Test
    void anAuthorizationServerStartedForProductionWithTheCommittedConfigurationRefusesToStartNamingEverySetting() {
        SpringApplication application = new SpringApplication(AuthServerApplication.class);

        assertThatThrownBy(() -> application.run("--spring.profiles.active=production", "--server.port=0"))
                .isInstanceOf(ProductionSettingsException.class)
                .hasMessageContaining("samhandling.auth.issuer (SAMHANDLING_AUTH_ISSUER) still has a demo or local default value")
                .hasMessageContaining("samhandling.auth.key-file (SAMHANDLING_AUTH_KEY_FILE) is not set")
                .hasMessageContaining("samhandling.auth.metrics-client.client-secret (SAMHANDLING_AUTH_METRICS_CLIENT_CLIENT_SECRET)")
                .hasMessageContaining("samhandling.auth.service-clients[0].client-secret (SAMHANDLING_AUTH_SERVICE_CLIENTS_0_CLIENT_SECRET)")
                .hasMessageContaining("samhandling.auth.service-clients[2].client-secret (SAMHANDLING_AUTH_SERVICE_CLIENTS_2_CLIENT_SECRET)")
                .hasMessageContaining("samhandling.auth.users[0].password (SAMHANDLING_AUTH_USERS_0_PASSWORD)")
                .satisfies(refusal -> assertThat(refusal.getMessage()).as("never a hash").doesNotContain("$2a$"));
    }

    @Test
    void itsOwnIssuerKeyFileAndSecretsAreEnough() {
        StandardEnvironment environment = production(ownSettings());

        assertThatNoException().isThrownBy(() -> new AuthServerProductionSettings().postProcessEnvironment(environment, new SpringApplication()));
    }

    @Test
    void oneServiceClientLeftOnTheDemoSecretIsRefusedEvenWithAnotherSaltAndOnlyItIsNamed() {
        Map<String, Object> settings = ownSettings();
        settings.put("samhandling.auth.service-clients[1].client-id", "consent-service");
        settings.put("samhandling.auth.service-clients[1].client-secret", "{bcrypt}" + bcrypt.encode("demo"));
        settings.put("samhandling.auth.service-clients[2].client-id", "referral-service");
        settings.put("samhandling.auth.service-clients[2].client-secret", COMMITTED_DEMO_SECRET);

        assertThatThrownBy(() -> new AuthServerProductionSettings().postProcessEnvironment(production(settings), new SpringApplication()))
                .isInstanceOfSatisfying(ProductionSettingsException.class, refusal -> assertThat(refusal.problems()).containsExactly(
                        "samhandling.auth.service-clients[1].client-secret (SAMHANDLING_AUTH_SERVICE_CLIENTS_1_CLIENT_SECRET) still has a demo or local default value",
                        "samhandling.auth.service-clients[2].client-secret (SAMHANDLING_AUTH_SERVICE_CLIENTS_2_CLIENT_SECRET) still has a demo or local default value"));
    }

    @Test
    void aMissingServiceSecretOrAnInMemoryKeyIsRefused() {
        Map<String, Object> settings = ownSettings();
        settings.remove("samhandling.auth.key-file");
        settings.remove("samhandling.auth.service-clients[0].client-secret");

        assertThatThrownBy(() -> new AuthServerProductionSettings().postProcessEnvironment(production(settings), new SpringApplication()))
                .isInstanceOfSatisfying(ProductionSettingsException.class, refusal -> assertThat(refusal.problems()).containsExactly(
                        "samhandling.auth.key-file (SAMHANDLING_AUTH_KEY_FILE) is not set",
                        "samhandling.auth.service-clients[0].client-secret (SAMHANDLING_AUTH_SERVICE_CLIENTS_0_CLIENT_SECRET) is not set"));
    }

    @Test
    void withoutTheProductionProfileTheDemoConfigurationStarts() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("demo", Map.of(
                "samhandling.auth.issuer", "http://localhost:9000",
                "samhandling.auth.service-clients[0].client-id", "referral-service",
                "samhandling.auth.service-clients[0].client-secret", COMMITTED_DEMO_SECRET)));

        assertThatNoException().isThrownBy(() -> new AuthServerProductionSettings().postProcessEnvironment(environment, new SpringApplication()));
    }

    private Map<String, Object> ownSettings() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("samhandling.auth.issuer", "https://login.kommune.example");
        settings.put("samhandling.auth.key-file", "/var/lib/samhandling/auth/signing-key.jwk");
        settings.put("samhandling.auth.metrics-client.client-secret", "{bcrypt}" + bcrypt.encode("scraper-secret"));
        settings.put("samhandling.auth.service-clients[0].client-id", "notification-service");
        settings.put("samhandling.auth.service-clients[0].client-secret", "{bcrypt}" + bcrypt.encode("notification-secret"));
        settings.put("samhandling.auth.users[0].username", "coordinator");
        settings.put("samhandling.auth.users[0].password", "{bcrypt}" + bcrypt.encode("a real password"));
        return settings;
    }

    private static StandardEnvironment production(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("installation", settings));
        environment.setActiveProfiles("production");
        return environment;
    }
}
