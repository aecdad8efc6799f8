package no.samhandling.platform.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for component tests: requests go through the service's whole filter chain. */
public final class HttpApi {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final String token;
    private final String language;
    private final java.util.Map<String, String> headers;

    private HttpApi(String baseUrl, String token, String language, java.util.Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.language = language;
        this.headers = java.util.Map.copyOf(headers);
    }

    public static HttpApi at(int port) {
        return new HttpApi("http://127.0.0.1:" + port, null, null, java.util.Map.of());
    }

    public static HttpApi at(String baseUrl) {
        return new HttpApi(baseUrl, null, null, java.util.Map.of());
    }

    public HttpApi as(String bearerToken) {
        return new HttpApi(baseUrl, bearerToken, language, headers);
    }

    public HttpApi inLanguage(String acceptLanguage) {
        return new HttpApi(baseUrl, token, acceptLanguage, headers);
    }

    public HttpApi withHeader(String name, String value) {
        java.util.Map<String, String> more = new java.util.HashMap<>(headers);
        more.put(name, value);
        return new HttpApi(baseUrl, token, language, more);
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A form post, as a page's form sends it: {@code "note=Avtalt+m%C3%B8te"}. */
    public Response postForm(String path, String urlEncodedFields) {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(urlEncodedFields)));
    }

    public Response put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (language != null) {
            builder.header("Accept-Language", language);
        }
        headers.forEach(builder::header);
        return builder;
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Status, content type and body; {@link #json()} parses the body. */
    public record Response(int status, String contentType, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
