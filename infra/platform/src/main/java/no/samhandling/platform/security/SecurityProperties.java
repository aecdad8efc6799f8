package no.samhandling.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * How tokens are checked. Exactly one key source is used: the issuer's JWK set (normal operation)
 * or a fixed public key (tests and air-gapped set-ups).
 *
 * @param issuer the expected {@code iss}
 * @param audience the expected member of {@code aud}
 * @param jwkSetUri where the issuer publishes its signing keys
 * @param publicKeyLocation an RSA public key (PEM) to use instead of the JWK set
 */
@ConfigurationProperties("samhandling.security")
public record SecurityProperties(
        @DefaultValue("http://localhost:9000") String issuer,
        @DefaultValue("samhandling") String audience,
        @DefaultValue("http://localhost:9000/oauth2/jwks") String jwkSetUri,
        Resource publicKeyLocation) {
}
