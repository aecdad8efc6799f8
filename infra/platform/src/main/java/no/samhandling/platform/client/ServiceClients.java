package no.samhandling.platform.client;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpHeaders;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.web.client.RestClient;

/**
 * HTTP clients for calling the other services by their short name, each request carrying this
 * service's own token. Resilience (retry, circuit breaker) belongs to the caller, which knows
 * whether a call may wait.
 */
public final class ServiceClients {

    private final ServiceClientProperties properties;
    private final RestClient.Builder builder;
    private final ServiceTokens tokens;
    private final Map<String, RestClient> clients = new ConcurrentHashMap<>();

    ServiceClients(ServiceClientProperties properties, RestClient.Builder builder, ServiceTokens tokens) {
        this.properties = properties;
        this.builder = builder;
        this.tokens = tokens;
    }

    /** The client for {@code samhandling.clients.<name>}; fails fast when it is not configured. */
    public RestClient client(String name) {
        return clients.computeIfAbsent(name, this::create);
    }

    private RestClient create(String name) {
        ServiceClientProperties.Target target = properties.clients().get(name);
        if (target == null || target.baseUrl() == null) {
            throw new IllegalStateException("samhandling.clients." + name + ".base-url is not configured");
        }
        HttpClientSettings settings = HttpClientSettings.defaults()
                .withTimeouts(target.connectTimeout(), target.readTimeout());
        return builder.clone()
                .baseUrl(target.baseUrl().toString())
                .requestFactory(ClientHttpRequestFactoryBuilder.detect().build(settings))
                .requestInterceptor((request, body, execution) -> {
                    request.getHeaders().set(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.bearerToken());
                    return execution.execute(request, body);
                })
                .build();
    }
}
