package no.samhandling.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sign-in session has a cookie name of its own. Cookies ignore ports, so with the default
 * {@code JSESSIONID} this session and the gateway's on the same host overwrote each other, and
 * every sign-in ended on {@code /login?error}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionCookieTest {

    @LocalServerPort
    int port;

    @Test
    void theLoginPageSessionIsNotAJsessionid() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString());

            List<String> cookies = login.headers().allValues("Set-Cookie");
            assertThat(cookies).anySatisfy(cookie -> assertThat(cookie)
                    .startsWith("SAMHANDLING_AUTH_SESSION=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
            assertThat(cookies).noneMatch(cookie -> cookie.startsWith("JSESSIONID="));
        }
    }
}
