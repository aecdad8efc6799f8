package no.samhandling.platform.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Fetches a token with the OAuth2 client-credentials grant and keeps it until shortly before it
 * expires. One token per service, shared by all calls; refreshed under a lock so a burst of calls
 * asks the authorization server once.
 */
final class ClientCredentialsTokens implements ServiceTokens {

    private static final Duration EARLY_REFRESH = Duration.ofSeconds(30);

    private final ServiceClientProperties.ServiceIdentity identity;
    private final RestClient http;
    private final Clock clock;
    private String token;
    private Instant refreshAt = Instant.MIN;

    ClientCredentialsTokens(ServiceClientProperties.ServiceIdentity identity, RestClient.Builder http, Clock clock) {
        this.identity = identity;
        this.http = http.clone().build();
        this.clock = clock;
    }

    @Override
    public synchronized String bearerToken() {
        if (identity.clientId() == null || identity.clientSecret() == null) {
            throw new IllegalStateException("samhandling.service-identity.client-id and client-secret are needed to call other services");
        }
        Instant now = clock.instant();
        if (token == null || !now.isBefore(refreshAt)) {
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("grant_type", "client_credentials");
            if (!identity.scopes().isEmpty()) {
                form.add("scope", String.join(" ", identity.scopes()));
            }
            TokenResponse response = http.post().uri(identity.tokenUri())
                    .headers(headers -> headers.setBasicAuth(identity.clientId(), identity.clientSecret()))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .retrieve()
                    .body(TokenResponse.class);
            if (response == null || response.accessToken() == null) {
                throw new IllegalStateException("the token endpoint answered without an access token");
            }
            token = response.accessToken();
            long lifetime = response.expiresIn() == null ? 60 : response.expiresIn();
            refreshAt = now.plusSeconds(lifetime).minus(EARLY_REFRESH);
        }
        return token;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") Long expiresIn) {
    }
}
