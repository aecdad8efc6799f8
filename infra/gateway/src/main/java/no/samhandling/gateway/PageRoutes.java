package no.samhandling.gateway;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.filter.TokenRelayFilterFunctions.tokenRelay;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import no.samhandling.web.GatewayHeaders;

/**
 * The route table ({@code samhandling.gateway.routes}): each service's page paths go to that
 * service with the user's access token. What a route adds and removes is the same for all: the
 * session's CSRF token for the page's forms ({@link GatewayHeaders#CSRF_TOKEN}, never one the
 * browser sent), the chosen language ({@link LanguageFilter}), and no cookies, because the
 * services keep no sessions and need not see this one.
 */
@Configuration(proxyBeanMethods = false)
class PageRoutes {

    @Bean
    RouterFunction<ServerResponse> pages(GatewayProperties properties) {
        RouterFunction<ServerResponse> table = null;
        for (Map.Entry<String, GatewayProperties.Route> entry : new TreeMap<>(properties.routes()).entrySet()) {
            RouterFunction<ServerResponse> route = route(entry.getKey())
                    .route(paths(entry.getValue()), http())
                    .before(uri(entry.getValue().uri()))
                    .before(forPages())
                    .filter(tokenRelay())
                    .build();
            table = table == null ? route : table.and(route);
        }
        return table;
    }

    private static RequestPredicate paths(GatewayProperties.Route route) {
        return route.paths().stream().map(RequestPredicates::path).reduce(RequestPredicate::or).orElseThrow();
    }

    static Function<ServerRequest, ServerRequest> forPages() {
        return request -> {
            CsrfToken csrf = (CsrfToken) request.servletRequest().getAttribute(CsrfToken.class.getName());
            return ServerRequest.from(request).headers(headers -> {
                headers.remove(GatewayHeaders.CSRF_TOKEN);
                headers.remove(HttpHeaders.COOKIE);
                if (csrf != null) {
                    headers.set(GatewayHeaders.CSRF_TOKEN, csrf.getToken());
                }
            }).build();
        };
    }
}
