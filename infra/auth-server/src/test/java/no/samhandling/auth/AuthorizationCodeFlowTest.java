package no.samhandling.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/** The people's sign-in at the gateway: authorize, log in through the form, come back with a code, redeem it with PKCE. */
@SpringBootTest
@AutoConfigureMockMvc
class AuthorizationCodeFlowTest {

    private static final String CLIENT_ID = "samhandling-web";
    private static final String REDIRECT_URI = "http://localhost:8080/login/oauth2/code/samhandling";

    @Autowired
    MockMvc mvc;

    @Test
    void leaderLogsInAndRedeemsCodeWithPkceForSamhandlingTokens() throws Exception {
        String verifier = codeVerifier();
        String code = authorizationCode("leader", "demo", challenge(verifier));

        String body = mvc.perform(post("/oauth2/token")
                        .param("grant_type", "authorization_code")
                        .param("code", code)
                        .param("redirect_uri", REDIRECT_URI)
                        .param("client_id", CLIENT_ID)
                        .param("code_verifier", verifier))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Map<String, Object> response = JSONObjectUtils.parse(body);

        JWTClaimsSet access = SignedJWT.parse((String) response.get("access_token")).getJWTClaimsSet();
        assertThat(access.getSubject()).isEqualTo("leader");
        assertThat(access.getStringClaim("municipality")).isEqualTo("1547");
        assertThat(access.getStringListClaim("roles")).containsExactly("LEADER");
        assertThat(access.getAudience()).contains("samhandling");
        assertThat(access.getIssuer()).isEqualTo("http://localhost:9000");
        assertThat(access.getStringListClaim("scope")).containsExactlyInAnyOrder("openid", "profile");

        JWTClaimsSet id = SignedJWT.parse((String) response.get("id_token")).getJWTClaimsSet();
        assertThat(id.getSubject()).isEqualTo("leader");
        assertThat(id.getAudience()).containsExactly(CLIENT_ID);
        assertThat(id.getStringClaim("nonce")).isEqualTo("nonce-1");
        assertThat(id.getStringClaim("municipality")).isEqualTo("1547");
        assertThat(id.getClaims()).doesNotContainKeys("name", "given_name", "family_name", "email");
    }

    @Test
    void codeCannotBeRedeemedWithTheWrongVerifier() throws Exception {
        String code = authorizationCode("leader", "demo", challenge(codeVerifier()));

        mvc.perform(post("/oauth2/token")
                        .param("grant_type", "authorization_code")
                        .param("code", code)
                        .param("redirect_uri", REDIRECT_URI)
                        .param("client_id", CLIENT_ID)
                        .param("code_verifier", codeVerifier()))
                .andExpect(status().isBadRequest());
    }

    @Test
    void wrongPasswordDoesNotLogIn() throws Exception {
        mvc.perform(post("/login").param("username", "leader").param("password", "wrong").with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/login?error"));
    }

    private String authorizationCode(String username, String password, String challenge) throws Exception {
        MockHttpSession session = new MockHttpSession();
        URI authorize = UriComponentsBuilder.fromPath("/oauth2/authorize")
                .queryParam("response_type", "code")
                .queryParam("client_id", CLIENT_ID)
                .queryParam("scope", "openid profile")
                .queryParam("redirect_uri", REDIRECT_URI)
                .queryParam("state", "state-1")
                .queryParam("nonce", "nonce-1")
                .queryParam("code_challenge", challenge)
                .queryParam("code_challenge_method", "S256")
                .encode().build().toUri();

        // Not logged in yet: the browser is sent to the login form and the request is remembered.
        mvc.perform(get(authorize).session(session).accept(MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));

        String resumed = mvc.perform(post("/login").session(session)
                        .param("username", username).param("password", password).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(resumed).contains("/oauth2/authorize");

        String callback = mvc.perform(get(URI.create(resumed)).session(session).accept(MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(callback).startsWith(REDIRECT_URI + "?");

        MultiValueMap<String, String> params = UriComponentsBuilder.fromUriString(callback).build().getQueryParams();
        assertThat(params.getFirst("state")).isEqualTo("state-1");
        assertThat(params.getFirst("code")).isNotBlank();
        return UriUtils.decode(params.getFirst("code"), StandardCharsets.UTF_8);
    }

    private static String codeVerifier() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
