package no.samhandling.platform.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Checks a token's signature once, not on every request that carries it. A client sends the same access token
 * until it expires, and the RSA check of its signature was the largest single cost of an intake request (JFR under
 * the load benchmark, README). The same bytes have the same signature and the same claims, so a token seen and
 * verified before is taken as decoded then; the validator (issuer, audience, expiry with its clock skew) still runs
 * on every use, so a remembered token stops working when its expiry passes, exactly as before.
 *
 * <p>Only verified tokens are remembered, each no longer than its expiry, and about {@link #CAPACITY} at most (a
 * few more while requests race to add theirs): when full, the expired ones go, and if that frees too little, all of
 * them, so memory stays bounded whatever callers send.
 */
final class VerifiedTokens implements JwtDecoder {

    /** About 2-3 KiB each; more callers than this at once only means more signatures checked. */
    static final int CAPACITY = 1_000;

    private final JwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Clock clock;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    /**
     * @param decoder checks signature and claims; its validator must include {@code validator}
     * @param validator what is checked again on every use of a remembered token
     */
    VerifiedTokens(JwtDecoder decoder, OAuth2TokenValidator<Jwt> validator, Clock clock) {
        this.decoder = decoder;
        this.validator = validator;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt remembered = verified.get(token);
        if (remembered == null) {
            Jwt jwt = decoder.decode(token);
            remember(token, jwt);
            return jwt;
        }
        OAuth2TokenValidatorResult result = validator.validate(remembered);
        if (result.hasErrors()) {
            verified.remove(token);
            throw new JwtValidationException("An error occurred while attempting to decode the Jwt: "
                    + result.getErrors().iterator().next().getDescription(), result.getErrors());
        }
        return remembered;
    }

    /** Tokens without an expiry are checked every time: nothing would ever let them go. */
    private void remember(String token, Jwt jwt) {
        if (jwt.getExpiresAt() == null) {
            return;
        }
        if (verified.size() >= CAPACITY) {
            Instant now = clock.instant();
            verified.values().removeIf(seen -> !seen.getExpiresAt().isAfter(now));
            if (verified.size() >= CAPACITY) {
                verified.clear();
            }
        }
        verified.put(token, jwt);
    }

    int remembered() {
        return verified.size();
    }
}
