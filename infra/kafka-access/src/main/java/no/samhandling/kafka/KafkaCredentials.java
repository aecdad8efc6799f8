package no.samhandling.kafka;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * A user name and password the broker knows, as a Kafka client presents them: SASL/SCRAM-SHA-512.
 * The same three client settings a service gets from {@code PlatformDefaults}, for a plain client
 * (a test, the launcher, another system).
 */
public record KafkaCredentials(String username, String password) {

    public static final String SECURITY_PROTOCOL = "SASL_PLAINTEXT";
    public static final String MECHANISM = "SCRAM-SHA-512";

    public KafkaCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        // Both go between double quotes in a JAAS line.
        if ((username + password).matches(".*[\"\\\\;\\s].*")) {
            throw new IllegalArgumentException("The Kafka credentials of " + username
                    + " may not contain quotes, backslashes, semicolons or white space");
        }
    }

    /** 32 random bytes, URL-safe base64: nothing a JAAS line or a shell would need to quote. */
    public static String newPassword() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The JAAS line of a SCRAM client. */
    public String jaasConfig() {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"%s\" password=\"%s\";"
                .formatted(username, password);
    }

    /** Security settings for a producer, consumer or admin client; add the bootstrap servers. */
    public Map<String, Object> clientProperties() {
        return Map.of(
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SECURITY_PROTOCOL,
                SaslConfigs.SASL_MECHANISM, MECHANISM,
                SaslConfigs.SASL_JAAS_CONFIG, jaasConfig());
    }

    @Override
    public String toString() {
        return "KafkaCredentials[" + username + "]";
    }
}
