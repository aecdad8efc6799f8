package no.samhandling.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriComponentsBuilder;

import no.samhandling.web.GatewayHeaders;

/**
 * The gateway in front of a stand-in service: who may pass, what reaches the service (the user's
 * token, the session's CSRF token for the page's forms, the chosen language, no cookies), and what
 * is refused before it gets there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class GatewayTest {

    /** Every page goes here but those of the services below. */
    static final StubService service = new StubService();
    static final StubService referralService = new StubService();
    static final StubService arenaService = new StubService();
    static final StubService consentService = new StubService();

    @DynamicPropertySource
    static void routesToTheStubs(DynamicPropertyRegistry registry) {
        registry.add("samhandling.clients.reporting.base-url", service::url);
        registry.add("samhandling.clients.referral.base-url", referralService::url);
        registry.add("samhandling.clients.arena.base-url", arenaService::url);
        registry.add("samhandling.clients.consent.base-url", consentService::url);
    }

    @AfterAll
    static void stopStubs() {
        List.of(service, referralService, arenaService, consentService).forEach(StubService::close);
    }

    /** The page paths notification-service links to (NoticeTriggers) reach the service that renders them. */
    @Test
    void everyKindOfLinkInTheNoticesIsRoutedToTheServiceWhosePageItIs() throws Exception {
        mvc.perform(get("/saker/r-1").with(leader())).andExpect(status().isOk());
        assertThat(referralService.last().path()).isEqualTo("/saker/r-1");
        mvc.perform(get("/moter/m-1").with(leader())).andExpect(status().isOk());
        assertThat(arenaService.last().path()).isEqualTo("/moter/m-1");
        mvc.perform(get("/mitt-barn").with(guardian())).andExpect(status().isOk());
        assertThat(consentService.last().path()).isEqualTo("/mitt-barn");
    }

    @Test
    void thePrivacyOfficersReviewIsConsentServicesPage() throws Exception {
        mvc.perform(get("/tilgangslogg/member").with(user("privacy-officer", "1547", "PRIVACY_OFFICER")))
                .andExpect(status().isOk());
        assertThat(consentService.last().path()).isEqualTo("/tilgangslogg/member");
    }

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @Test
    void aSignedInLeadersPageRequestReachesItsServiceWithTheirTokenAndTheFormsCsrfTokenButNoCookies() throws Exception {
        mvc.perform(get("/tall").with(leader()).cookie(new Cookie("SAMHANDLING_SESSION", "secret-session"))
                        .header(GatewayHeaders.CSRF_TOKEN, "forged-by-the-browser"))
                .andExpect(status().isOk());

        StubService.Received page = service.last();
        assertThat(page.path()).isEqualTo("/tall");
        assertThat(page.header("Authorization")).isEqualTo("Bearer access-token");
        assertThat(page.header(GatewayHeaders.CSRF_TOKEN)).isNotBlank().isNotEqualTo("forged-by-the-browser");
        assertThat(page.header("Cookie")).isNull();
    }

    @Test
    void aCrossSitePostWithoutTheSessionsCsrfTokenIsRefusedBeforeAnyService() throws Exception {
        int before = referralService.count();

        mvc.perform(post("/systemsaker/s-1/oppfolging").with(leader())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("note", "Avtalt møte med PPT")
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isForbidden());

        assertThat(referralService.count()).isEqualTo(before);
    }

    @Test
    void aRefusalIsANorwegianPageNotABare403() throws Exception {
        String page = mvc.perform(errorPage(403, "/systemsaker/s-1/oppfolging").with(leader()))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Du har ikke tilgang til denne siden").contains("lang=\"nb\"").contains("Melhus kommune");
    }

    @Test
    void aFormPostWithTheSessionsCsrfTokenReachesTheServiceWithItsFieldsInUtf8() throws Exception {
        // As a browser posts a form: url-encoded UTF-8, no charset named.
        mvc.perform(post("/systemsaker/s-1/oppfolging").with(leader()).with(csrf())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("note=" + java.net.URLEncoder.encode("Avtalt møte på skulen", java.nio.charset.StandardCharsets.UTF_8)))
                .andExpect(status().isOk());

        StubService.Received form = referralService.last();
        assertThat(form.method()).isEqualTo("POST");
        assertThat(java.net.URLDecoder.decode(form.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("note=Avtalt møte på skulen");
        assertThat(form.header("Authorization")).isEqualTo("Bearer access-token");
    }

    @Test
    void theChosenLanguageIsRememberedAndTold() throws Exception {
        MockHttpServletResponse chosen = mvc.perform(get("/mitt-barn?lang=nn").with(guardian()))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(consentService.last().header("Accept-Language")).isEqualTo("nn");
        assertThat(chosen.getHeader("Set-Cookie")).startsWith("SAMHANDLING_LANG=nn").contains("HttpOnly").contains("SameSite=Lax");

        mvc.perform(get("/mitt-barn").cookie(new Cookie("SAMHANDLING_LANG", "nn")).header("Accept-Language", "nb").with(guardian()))
                .andExpect(status().isOk());
        assertThat(consentService.last().header("Accept-Language")).isEqualTo("nn");
    }

    @Test
    void somebodyNotSignedInIsSentToSignInWithPkce() throws Exception {
        String toSignIn = mvc.perform(get("/tall").accept(MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(toSignIn).endsWith("/oauth2/authorization/samhandling");

        String authorize = mvc.perform(get("/oauth2/authorization/samhandling"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        Map<String, String> query = UriComponentsBuilder.fromUriString(authorize).build().getQueryParams().toSingleValueMap();
        assertThat(authorize).startsWith("http://localhost:9000/oauth2/authorize?");
        assertThat(query).containsEntry("client_id", "samhandling-web").containsEntry("code_challenge_method", "S256")
                .containsKey("code_challenge").containsKey("nonce");
    }

    @Test
    void signingOutEndsTheAuthorizationServersSessionToo() throws Exception {
        String endSession = mvc.perform(post("/logout").with(leader()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();

        Map<String, String> query = UriComponentsBuilder.fromUriString(endSession).build().getQueryParams().toSingleValueMap();
        assertThat(endSession).startsWith("http://localhost:9000/connect/logout?");
        assertThat(query).containsKey("id_token_hint");
        assertThat(URI.create(java.net.URLDecoder.decode(query.get("post_logout_redirect_uri"), java.nio.charset.StandardCharsets.UTF_8)).getPath())
                .isEqualTo("/logget-ut");
    }

    @Test
    void theIconTheStylesAndTheSignedOutPageNeedNoSignIn() throws Exception {
        assertThat(mvc.perform(get("/favicon.ico")).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()).isNotEmpty();
        mvc.perform(get("/assets/samhandling.css")).andExpect(status().isOk());
        assertThat(mvc.perform(get("/logget-ut").accept(MediaType.TEXT_HTML)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("Du er logget ut");
    }

    @Test
    void anUnknownPageIsANorwegianNotFoundPage() throws Exception {
        mvc.perform(get("/finnes-ikke").with(leader()).accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());

        String page = mvc.perform(errorPage(404, "/finnes-ikke").with(leader()).header("Accept-Language", "nn"))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Vi finn ikkje sida").contains("lang=\"nn\"").contains("href=\"/finnes-ikke?lang=nb\"");
    }

    @Test
    void theStartPageLeadsEachRoleToItsPagesAndNamesTheMunicipality() throws Exception {
        String leaderStart = mvc.perform(get("/").with(leader())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(leaderStart).contains("href=\"/tall\"").contains("href=\"/systemsaker\"").contains("Melhus kommune")
                .doesNotContain("href=\"/mitt-barn\"");
        String guardianStart = mvc.perform(get("/").with(guardian())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(guardianStart).contains("href=\"/mitt-barn\"").doesNotContain("href=\"/tall\"");
        String youthStart = mvc.perform(get("/").with(user("youth", "1547", "YOUTH"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(youthStart).contains("href=\"/mitt-barn\"", "Mine samtykker").doesNotContain("href=\"/tall\"", "Mitt barn<");
        String officerStart = mvc.perform(get("/").with(user("privacy-officer", "1547", "PRIVACY_OFFICER"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(officerStart).contains("href=\"/tilgangslogg\"").doesNotContain("href=\"/tall\"", "href=\"/mitt-barn\"");
        String referrerStart = mvc.perform(get("/").with(user("referrer", "1547", "REFERRER"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(referrerStart).contains("href=\"/meld-inn\"", "Mine saker").doesNotContain("href=\"/moter\"", "href=\"/tall\"");
        String coordinatorStart = mvc.perform(get("/").with(user("coordinator", "1547", "COORDINATOR", "MEMBER"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(coordinatorStart).contains("href=\"/saker\"", "href=\"/moter\"", "href=\"/arenaer\"", "href=\"/meld-inn\"");
        assertThat(coordinatorStart.split("href=\"/moter\"", -1)).as("each page once").hasSize(2);
    }

    @Test
    void theSessionCookieIsSecureHttpOnlySameSiteAndNamedForSamhandling() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/tall")).build(),
                    HttpResponse.BodyHandlers.discarding());

            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                    .startsWith("SAMHANDLING_SESSION=").contains("Secure").contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
        }
    }

    @Test
    void errorAskedForDirectlyIsANotFoundPageNotA500() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/error"))
                    .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).contains("Vi finner ikke siden");
        }
    }

    @Test
    void theServletContainersOwnErrorPageSpeaksTheLanguageChosenOnTheSameRequest() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            // No such file: the container renders the 404 in an error dispatch of its own.
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/assets/finnes-ikke.css?lang=nn"))
                    .header("Accept", "text/html").header("Accept-Language", "nb").build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).contains("lang=\"nn\"", "Vi finn ikkje sida");
            assertThat(response.headers().allValues("Set-Cookie")).filteredOn(cookie -> cookie.startsWith("SAMHANDLING_LANG=")).hasSize(1);
        }
    }

    /** What the servlet container does after a refusal: render the error page for the status (MockMvc does not). */
    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder errorPage(int status, String path) {
        return get("/error").accept(MediaType.TEXT_HTML)
                .requestAttr(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, status)
                .requestAttr(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI, path);
    }

    private OidcLoginRequestPostProcessor leader() {
        return user("melhus-leader", "5028", "LEADER");
    }

    private OidcLoginRequestPostProcessor guardian() {
        return user("guardian", "1547", "GUARDIAN");
    }

    private OidcLoginRequestPostProcessor user(String name, String municipality, String... roles) {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("samhandling")).idToken(token -> token.subject(name).claim("municipality", municipality).claim("roles", List.of(roles)));
    }

}
