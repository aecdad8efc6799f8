package no.samhandling.platform;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

import no.samhandling.baseline.ProductionSettings;

/**
 * What a service refuses to start without under the {@code production} profile: its own token
 * issuer and signing keys, its own personal-data master key, its own client secret where it calls
 * other services, and its own Kafka password. Runs after the configuration files are read.
 */
public class PlatformProductionSettings implements EnvironmentPostProcessor, Ordered {

    static final String LOCAL_ISSUER = "http://localhost:9000";
    static final String LOCAL_JWK_SET_URI = LOCAL_ISSUER + "/oauth2/jwks";
    /** Committed in infra/compose.yaml (demo) and in platform-test's service-test.properties (tests). */
    static final String[] PUBLIC_MASTER_KEYS = {
            "a4bMK9qEKRYuBHiubkuZEYr3TwfZ/3HZrGNHAyfF6UI=", "h1fNNw2kW4De/XC/mTlki89p1xvhzmeCrVNZLk0KVZs="};
    /** The local authorization server's demo secret; compose's Kafka passwords are demo-<user>. */
    static final String DEMO = "demo";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!ProductionSettings.apply(environment)) {
            return;
        }
        ProductionSettings settings = ProductionSettings.of(environment)
                .require("samhandling.security.issuer", LOCAL_ISSUER)
                .refuse("samhandling.personal-data.master-key", PUBLIC_MASTER_KEYS)
                .require("samhandling.kafka.password", password -> password.startsWith(DEMO));
        if (settings.isSet("samhandling.security.public-key-location")) {
            settings.require("samhandling.security.public-key-location", location -> location.contains("samhandling-test"));
        } else {
            settings.require("samhandling.security.jwk-set-uri", LOCAL_JWK_SET_URI);
        }
        if (settings.isSet("samhandling.service-identity.client-id")) {
            settings.require("samhandling.service-identity.client-secret", DEMO);
        }
        settings.verify();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
