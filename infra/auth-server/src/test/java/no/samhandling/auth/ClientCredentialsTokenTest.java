package no.samhandling.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class ClientCredentialsTokenTest {

    @Autowired
    MockMvc mvc;

    @Test
    void demoCoordinatorGetsJwtWithCoordinatorIdentityInAukra() throws Exception {
        SignedJWT jwt = clientCredentialsToken("demo-coordinator", "demo");
        JWTClaimsSet claims = jwt.getJWTClaimsSet();

        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(claims.getSubject()).isEqualTo("coordinator");
        assertThat(claims.getStringClaim("municipality")).isEqualTo("1547");
        assertThat(claims.getStringListClaim("roles")).containsExactly("COORDINATOR");
        assertThat(claims.getAudience()).contains("samhandling");
        assertThat(claims.getIssuer()).isEqualTo("http://localhost:9000");
        assertThat(claims.getStringListClaim("scope")).containsExactly("samhandling");
        assertThat(claims.getExpirationTime()).isAfter(claims.getIssueTime());
    }

    @Test
    void tokenSignatureVerifiesWithTheKeyFromTheJwksEndpoint() throws Exception {
        SignedJWT jwt = clientCredentialsToken("demo-coordinator", "demo");
        JWKSet jwks = JWKSet.parse(mvc.perform(get("/oauth2/jwks"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        RSAKey key = (RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());

        assertThat(key).isNotNull();
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
    }

    @Test
    void jwksEndpointPublishesNoPrivateKeyMaterial() throws Exception {
        JWKSet jwks = JWKSet.parse(mvc.perform(get("/oauth2/jwks"))
                .andReturn().getResponse().getContentAsString());

        assertThat(jwks.getKeys()).isNotEmpty().allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
    }

    @Test
    void prometheusGetsAMetricsTokenWithoutMunicipalityOrRoles() throws Exception {
        JWTClaimsSet claims = clientCredentialsToken("prometheus", "prometheus").getJWTClaimsSet();

        assertThat(claims.getStringListClaim("scope")).containsExactly("metrics");
        assertThat(claims.getAudience()).contains("samhandling");
        assertThat(claims.getClaim("municipality")).isNull();
        assertThat(claims.getClaim("roles")).isNull();
    }

    @Test
    void notificationServiceGetsAContactsTokenWithoutMunicipalityOrRoles() throws Exception {
        JWTClaimsSet claims = clientCredentialsToken("notification-service", "demo").getJWTClaimsSet();

        assertThat(claims.getSubject()).isEqualTo("notification-service");
        assertThat(claims.getStringListClaim("scope")).containsExactly("contacts");
        assertThat(claims.getAudience()).contains("samhandling");
        assertThat(claims.getClaim("municipality")).isNull();
        assertThat(claims.getClaim("roles")).isNull();
    }

    @Test
    void consentServiceGetsAnAuditTokenWithoutMunicipalityOrRoles() throws Exception {
        JWTClaimsSet claims = clientCredentialsToken("consent-service", "demo").getJWTClaimsSet();

        assertThat(claims.getStringListClaim("scope")).containsExactly("audit");
        assertThat(claims.getClaim("municipality")).isNull();
        assertThat(claims.getClaim("roles")).isNull();
    }

    @Test
    void wrongClientSecretIsRejectedWith401() throws Exception {
        mvc.perform(post("/oauth2/token").with(httpBasic("demo-coordinator", "wrong"))
                        .param("grant_type", "client_credentials"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void unknownClientIsRejectedWith401() throws Exception {
        mvc.perform(post("/oauth2/token").with(httpBasic("demo-nobody", "demo"))
                        .param("grant_type", "client_credentials"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void melhusCoordinatorTokenIsScopedToMelhus() throws Exception {
        JWTClaimsSet claims = clientCredentialsToken("demo-melhus-coordinator", "demo").getJWTClaimsSet();

        assertThat(claims.getSubject()).isEqualTo("melhus-coordinator");
        assertThat(claims.getStringClaim("municipality")).isEqualTo("5028");
        assertThat(claims.getStringListClaim("roles")).containsExactly("COORDINATOR");
    }

    @Test
    void thePrivacyOfficerOfAukraHasADemoClientAndNoOtherRole() throws Exception {
        JWTClaimsSet claims = clientCredentialsToken("demo-privacy-officer", "demo").getJWTClaimsSet();

        assertThat(claims.getSubject()).isEqualTo("privacy-officer");
        assertThat(claims.getStringClaim("municipality")).isEqualTo("1547");
        assertThat(claims.getStringListClaim("roles")).containsExactly("PRIVACY_OFFICER");
    }

    @Test
    void accessTokenCarriesOnlyTechnicalAndSamhandlingClaims() throws Exception {
        JWTClaimsSet claims = clientCredentialsToken("demo-leader", "demo").getJWTClaimsSet();

        assertThat(claims.getClaims().keySet()).isSubsetOf(
                Set.of("iss", "sub", "aud", "exp", "iat", "nbf", "jti", "scope", "municipality", "roles"));
    }

    private SignedJWT clientCredentialsToken(String clientId, String secret) throws Exception {
        String body = mvc.perform(post("/oauth2/token").with(httpBasic(clientId, secret))
                        .param("grant_type", "client_credentials"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Map<String, Object> response = JSONObjectUtils.parse(body);
        return SignedJWT.parse((String) response.get("access_token"));
    }
}
