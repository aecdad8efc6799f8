package no.samhandling.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

import jakarta.servlet.RequestDispatcher;

/** What the layout frames a page with: the user and municipality from the token, the language, the switch, the CSRF token. */
class PageContextInterceptorTest {

    private final PageContextInterceptor interceptor = new PageContextInterceptor(Municipalities.load());

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aSignedInLeaderOfMelhusReadingInNynorsk() {
        Jwt token = Jwt.withTokenValue("t").header("alg", "RS256").subject("melhus-leader").claim("municipality", "5028")
                .claim("roles", List.of("LEADER")).issuedAt(Instant.now()).build();
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(token, null));
        MockHttpServletRequest request = request("nn");
        request.setRequestURI("/tall");
        request.setQueryString("period=2026&lang=nn");
        new GatewayCsrfTokenFilterAccess().set(request, "token-from-the-gateway");

        PageContext page = interceptor.context(request);

        assertThat(page).isEqualTo(new PageContext("nn", "Melhus kommune", "melhus-leader", "/tall?period=2026&lang=nb",
                "token-from-the-gateway"));
        assertThat(page.otherLang()).isEqualTo("nb");
    }

    @Test
    void anErrorPageSwitchesLanguageOnThePageThatFailedAndNobodyIsNamedWhenNobodyIsSignedIn() {
        MockHttpServletRequest request = request("nb");
        request.setRequestURI("/error");
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/finnes-ikke");

        PageContext page = interceptor.context(request);

        assertThat(page.lang()).isEqualTo("nb");
        assertThat(page.signedIn()).isFalse();
        assertThat(page.municipalityName()).isNull();
        assertThat(page.switchLanguageUrl()).isEqualTo("/finnes-ikke?lang=nn");
    }

    private static MockHttpServletRequest request(String language) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, new FixedLocaleResolver(Locale.forLanguageTag(language)));
        return request;
    }

    /** As the gateway's header makes it: the request's CsrfToken. */
    private static final class GatewayCsrfTokenFilterAccess {

        void set(MockHttpServletRequest request, String token) {
            request.addHeader(GatewayHeaders.CSRF_TOKEN, token);
            try {
                new GatewayCsrfTokenFilter().doFilter(request, new org.springframework.mock.web.MockHttpServletResponse(),
                        (req, res) -> { });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            assertThat(((CsrfToken) request.getAttribute(CsrfToken.class.getName())).getParameterName()).isEqualTo("_csrf");
        }
    }
}
