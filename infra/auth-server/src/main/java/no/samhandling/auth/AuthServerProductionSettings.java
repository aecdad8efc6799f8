package no.samhandling.auth;

import java.util.function.Predicate;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import no.samhandling.baseline.ProductionSettings;

/**
 * What the authorization server refuses to start without under the {@code production} profile, by
 * the same mechanism as the services and the gateway ({@link ProductionSettings}): an issuer of its
 * own (not the local {@code http://localhost:9000}), a persisted signing key (without a key file
 * every start makes a new key, so the JWKS the services cached stops verifying and two instances
 * sign with different keys), and secrets that are not the committed demo ones: every service
 * client's, the metrics client's, and every user's password. The configuration holds only bcrypt
 * hashes, so a secret counts as the demo one when its hash matches the demo password, whatever
 * the salt; the check never logs a hash or a secret.
 */
public class AuthServerProductionSettings implements EnvironmentPostProcessor, Ordered {

    static final String[] LOCAL_ISSUERS = {"http://localhost:9000", "http://127.0.0.1:9000"};
    /** The secret of the committed service clients and demo users (application.yml). */
    static final String DEMO = "demo";
    /** The committed metrics client's secret. */
    static final String DEMO_METRICS = "prometheus";

    private static final String AUTH = "samhandling.auth.";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!ProductionSettings.apply(environment)) {
            return;
        }
        ProductionSettings settings = ProductionSettings.of(environment)
                .require(AUTH + "issuer", LOCAL_ISSUERS)
                .require(AUTH + "key-file");
        settings.require(AUTH + "metrics-client.client-secret", hashOf(DEMO_METRICS));
        for (int i = 0; settings.isSet(AUTH + "service-clients[" + i + "].client-id"); i++) {
            settings.require(AUTH + "service-clients[" + i + "].client-secret", hashOf(DEMO));
        }
        for (int i = 0; settings.isSet(AUTH + "users[" + i + "].username"); i++) {
            settings.require(AUTH + "users[" + i + "].password", hashOf(DEMO));
        }
        settings.verify();
    }

    /** Whether a configured {@code {bcrypt}} hash is the hash of this public secret. */
    private static Predicate<String> hashOf(String publicSecret) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return encoded -> {
            try {
                return encoder.matches(publicSecret, encoded);
            } catch (IllegalArgumentException unknownEncoding) {
                // Not a hash this server reads; AuthProperties refuses it at binding with a message of its own.
                return false;
            }
        };
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
