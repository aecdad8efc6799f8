package no.samhandling.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import no.samhandling.platform.testapp.TestApplication;
import no.samhandling.baseline.ProductionSettingsException;

/** Under the production profile a service does not start on local defaults, demo secrets or without credentials. */
class PlatformProductionSettingsTest {

    static final Map<String, Object> OWN_SETTINGS = Map.of(
            "samhandling.security.issuer", "https://login.kommune.example",
            "samhandling.security.jwk-set-uri", "https://login.kommune.example/jwks",
            "samhandling.personal-data.master-key", "q3T2bUN0Y0l3b3JrZ2VuZXJhdGVkb25seWZvcnRlc3Q=",
            "samhandling.service-identity.client-id", "consent-service",
            "samhandling.service-identity.client-secret", "s3cret-from-the-vault",
            "samhandling.kafka.password", "f9c2-from-the-vault");

    @Test
    void aServiceStartedForProductionOnTheLocalDefaultsRefusesToStartNamingEverySetting() {
        SpringApplication application = new SpringApplication(TestApplication.class);

        assertThatThrownBy(() -> application.run("--spring.profiles.active=production"))
                .isInstanceOf(ProductionSettingsException.class)
                .hasMessageContaining("samhandling.security.issuer (SAMHANDLING_SECURITY_ISSUER)")
                .hasMessageContaining("samhandling.security.jwk-set-uri (SAMHANDLING_SECURITY_JWK_SET_URI)")
                .hasMessageContaining("samhandling.kafka.password (SAMHANDLING_KAFKA_PASSWORD) is not set");
    }

    @Test
    void demoSecretsAreRefusedWithoutRepeatingThem() {
        Map<String, Object> settings = new HashMap<>(OWN_SETTINGS);
        settings.put("samhandling.personal-data.master-key", "a4bMK9qEKRYuBHiubkuZEYr3TwfZ/3HZrGNHAyfF6UI=");
        settings.put("samhandling.service-identity.client-secret", "demo");
        settings.put("samhandling.kafka.password", "demo-consent-service");

        assertThatThrownBy(() -> check(settings, "production"))
                .isInstanceOf(ProductionSettingsException.class)
                .hasMessageContaining("samhandling.personal-data.master-key (SAMHANDLING_PERSONAL_DATA_MASTER_KEY) still has a demo value")
                .hasMessageContaining("samhandling.service-identity.client-secret (SAMHANDLING_SERVICE_IDENTITY_CLIENT_SECRET)")
                .hasMessageContaining("samhandling.kafka.password (SAMHANDLING_KAFKA_PASSWORD)")
                .hasMessageNotContaining("a4bMK9").hasMessageNotContaining("demo-consent-service");
    }

    @Test
    void theTestKeyPairIsNoProductionSigningKey() {
        Map<String, Object> settings = new HashMap<>(OWN_SETTINGS);
        settings.put("samhandling.security.public-key-location", "classpath:samhandling-test/jwt-public.pem");

        assertThatThrownBy(() -> check(settings, "production"))
                .hasMessageContaining("samhandling.security.public-key-location");
    }

    @Test
    void aServiceWithItsOwnSettingsStartsAndWithoutTheProfileNothingIsChecked() {
        assertThatNoException().isThrownBy(() -> check(OWN_SETTINGS, "production"));
        assertThatNoException().isThrownBy(() -> check(Map.of(), "default"));
    }

    @Test
    void aServiceThatCallsNoOtherServiceNeedsNoClientSecret() {
        Map<String, Object> settings = new HashMap<>(OWN_SETTINGS);
        settings.remove("samhandling.service-identity.client-id");
        settings.remove("samhandling.service-identity.client-secret");

        assertThatNoException().isThrownBy(() -> check(settings, "production"));
        assertThat(settings).doesNotContainKey("samhandling.service-identity.client-secret");
    }

    private static void check(Map<String, Object> settings, String profile) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        environment.setActiveProfiles(profile);
        new PlatformProductionSettings().postProcessEnvironment(environment, new SpringApplication());
    }
}
