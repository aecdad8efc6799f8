package no.samhandling.platform.test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A service's pages as the gateway asks for them: the user's token relayed as a bearer token, the
 * chosen language as {@code Accept-Language}, HTML accepted, forms posted url-encoded, redirects
 * not followed (the test sees where a form sends the browser). The gateway's own part (session,
 * CSRF check) is tested in the gateway and in the browser tests.
 */
public final class PageClient {

    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final String baseUrl;
    private final String token;
    private final String language;

    private PageClient(String baseUrl, String token, String language) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.language = language;
    }

    public static PageClient at(int port) {
        return new PageClient("http://127.0.0.1:" + port, null, "nb");
    }

    public PageClient as(String bearerToken) {
        return new PageClient(baseUrl, bearerToken, language);
    }

    public PageClient inLanguage(String acceptLanguage) {
        return new PageClient(baseUrl, token, acceptLanguage);
    }

    public Page get(String path) {
        return send(request(path).GET());
    }

    /** A form post: {@code postForm("/systemsaker/1/oppfolging", "note", "Avtalt møte")}. */
    public Page postForm(String path, String... namesAndValues) {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            fields.add(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", fields))));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Accept", "text/html,application/xhtml+xml").header("Accept-Language", language);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Status, where a redirect leads (path and query), and the HTML. */
    public record Page(int status, String location, String body) {
    }
}
