package no.samhandling.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

class VerifiedTokensTest {

    private static KeyPair keys;
    private static KeyPair otherKeys;

    private final Instant now = Instant.parse("2026-11-29T10:00:00Z");
    private final MutableClock clock = new MutableClock(now);
    private final OAuth2TokenValidator<Jwt> validator = timestamps(clock);
    private final AtomicInteger signatureChecks = new AtomicInteger();
    private final VerifiedTokens tokens = new VerifiedTokens(counting(decoder(keys, validator)), validator, clock);

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        otherKeys = generator.generateKeyPair();
    }

    @Test
    void aTokenSeenBeforeIsNotVerifiedAgain() throws Exception {
        String token = token(keys, "referrer", now.plus(Duration.ofMinutes(5)));

        Jwt first = tokens.decode(token);
        Jwt second = tokens.decode(token);

        assertThat(second).isSameAs(first);
        assertThat(second.getSubject()).isEqualTo("referrer");
        assertThat(signatureChecks).hasValue(1);
    }

    @Test
    void aRememberedTokenStopsWorkingWhenItExpires() throws Exception {
        String token = token(keys, "referrer", now.plus(Duration.ofMinutes(5)));
        tokens.decode(token);

        clock.set(now.plus(Duration.ofMinutes(5)).plus(JWT_SKEW).plusSeconds(1));

        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtValidationException.class);
        assertThat(tokens.remembered()).isZero();
    }

    @Test
    void aTokenWithAnotherSignatureIsRefusedEveryTime() throws Exception {
        String forged = token(otherKeys, "referrer", now.plus(Duration.ofMinutes(5)));

        assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(JwtException.class);
        assertThat(signatureChecks).hasValue(2);
        assertThat(tokens.remembered()).isZero();
    }

    @Test
    void memoryStaysBoundedWhateverCallersSend() throws Exception {
        for (int i = 0; i <= VerifiedTokens.CAPACITY; i++) {
            tokens.decode(token(keys, "user-" + i, now.plus(Duration.ofMinutes(5))));
        }

        assertThat(tokens.remembered()).isLessThanOrEqualTo(VerifiedTokens.CAPACITY);
    }

    private static final Duration JWT_SKEW = Duration.ofSeconds(60);

    private static OAuth2TokenValidator<Jwt> timestamps(Clock clock) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(JWT_SKEW);
        timestamps.setClock(clock);
        return timestamps;
    }

    private static JwtDecoder decoder(KeyPair keys, OAuth2TokenValidator<Jwt> validator) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) keys.getPublic()).build();
        decoder.setJwtValidator(validator);
        return decoder;
    }

    private JwtDecoder counting(JwtDecoder decoder) {
        return token -> {
            signatureChecks.incrementAndGet();
            return decoder.decode(token);
        };
    }

    private String token(KeyPair signer, String subject, Instant expiresAt) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                .subject(subject)
                .issueTime(java.util.Date.from(now))
                .expirationTime(java.util.Date.from(expiresAt))
                .audience(List.of("samhandling"))
                .build());
        jwt.sign(new RSASSASigner((RSAPrivateKey) signer.getPrivate()));
        return jwt.serialize();
    }

    private static final class MutableClock extends Clock {

        private volatile Instant instant;

        MutableClock(Instant instant) {
            this.instant = instant;
        }

        void set(Instant instant) {
            this.instant = instant;
        }

        @Override
        public Instant instant() {
            return instant;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
