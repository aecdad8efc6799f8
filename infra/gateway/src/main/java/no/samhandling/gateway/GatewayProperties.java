package no.samhandling.gateway;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * Bound from {@code samhandling.gateway.*}: where people sign in, and which pages each service
 * renders.
 *
 * @param signIn the authorization server
 * @param routes the route table: per service, where it answers and the page paths it owns
 * @param secureCookies whether the session and language cookies are {@code Secure}; browsers keep
 *        such cookies on {@code http://localhost} too, so only a plain-http host other than
 *        localhost needs this off
 */
@ConfigurationProperties("samhandling.gateway")
public record GatewayProperties(SignIn signIn, Map<String, Route> routes, boolean secureCookies) {

    public GatewayProperties {
        Assert.notNull(signIn, "samhandling.gateway.sign-in is required");
        Assert.notEmpty(routes, "samhandling.gateway.routes must name at least one service");
        routes = Map.copyOf(routes);
    }

    /**
     * @param issuer what the tokens name as issuer, and where browsers reach the authorization server
     * @param internalUrl where this gateway reaches it (its token endpoint and keys); the issuer when empty
     * @param clientId the public client people sign in with (authorization code with PKCE)
     */
    public record SignIn(URI issuer, URI internalUrl, String clientId) {

        public SignIn {
            Assert.notNull(issuer, "samhandling.gateway.sign-in.issuer is required");
            Assert.hasText(clientId, "samhandling.gateway.sign-in.client-id is required");
            internalUrl = internalUrl == null ? issuer : internalUrl;
        }

        String browserFacing(String path) {
            return issuer.toString().replaceAll("/+$", "") + path;
        }

        String internal(String path) {
            return internalUrl.toString().replaceAll("/+$", "") + path;
        }
    }

    /**
     * @param uri where the service answers
     * @param paths the page paths it owns, as path patterns ({@code /saker/**})
     */
    public record Route(URI uri, List<String> paths) {

        public Route {
            Assert.notNull(uri, "every route needs the uri of its service");
            Assert.notEmpty(paths, "every route needs at least one path");
            paths = List.copyOf(paths);
        }
    }
}
