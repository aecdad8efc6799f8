package no.samhandling.platform.client;

/**
 * The bearer token this service presents to the services it calls. Tests replace it with a bean of
 * their own that signs a token with the test key.
 */
@FunctionalInterface
public interface ServiceTokens {

    String bearerToken();
}
