package no.samhandling.platform.test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Signs access tokens with the test key, shaped like the authorization server's. */
public final class TestTokens {

    public static final String ISSUER = "http://localhost:9000";
    public static final String AUDIENCE = "samhandling";
    public static final String AUKRA = "1547";
    public static final String MELHUS = "5028";

    private static final RSAPrivateKey KEY = readKey();

    /** A token for a user of Aukra with one role, whose subject is the role's name in lower case. */
    public static String forRole(String role) {
        return token(role.toLowerCase(), AUKRA, role);
    }

    public static String token(String subject, String municipality, String... roles) {
        return sign(new JWTClaimsSet.Builder()
                .subject(subject)
                .claim("municipality", municipality)
                .claim("roles", List.of(roles)));
    }

    /** A machine token without municipality or roles, as Prometheus' client gets. */
    public static String metricsToken() {
        return sign(new JWTClaimsSet.Builder().subject("prometheus").claim("scope", "metrics"));
    }

    /** A service's own client-credentials token: no municipality, no roles, only scopes. */
    public static String serviceToken(String clientId, String... scopes) {
        return sign(new JWTClaimsSet.Builder().subject(clientId).claim("scope", String.join(" ", scopes)));
    }

    public static String expired(String role) {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return sign(new JWTClaimsSet.Builder().subject("x").claim("municipality", AUKRA).claim("roles", List.of(role))
                .issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(60))));
    }

    public static String withIssuer(String issuer, String role) {
        return sign(new JWTClaimsSet.Builder().subject("x").claim("municipality", AUKRA).claim("roles", List.of(role)).issuer(issuer));
    }

    public static String withAudience(String audience, String role) {
        return sign(new JWTClaimsSet.Builder().subject("x").claim("municipality", AUKRA).claim("roles", List.of(role)).audience(audience));
    }

    private static String sign(JWTClaimsSet.Builder claims) {
        Instant now = Instant.now();
        JWTClaimsSet draft = claims.build();
        JWTClaimsSet.Builder complete = new JWTClaimsSet.Builder(draft);
        if (draft.getIssuer() == null) {
            complete.issuer(ISSUER);
        }
        if (draft.getAudience() == null || draft.getAudience().isEmpty()) {
            complete.audience(AUDIENCE);
        }
        if (draft.getIssueTime() == null) {
            complete.issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(30))));
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), complete.build());
            jwt.sign(new RSASSASigner(KEY));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAPrivateKey readKey() {
        try (InputStream in = TestTokens.class.getResourceAsStream("/samhandling-test/jwt-private.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Test key missing", e);
        }
    }

    private TestTokens() {
    }
}
