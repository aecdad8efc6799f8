package no.samhandling.platform.security;

import java.util.Set;

/**
 * Who is calling, from a validated token. Every query a service runs for a request is scoped to
 * {@link #municipality()}, so a request only ever sees its own municipality's data.
 *
 * @param subject the user's opaque id (the token's {@code sub})
 * @param municipality kommunenummer from the token's {@code municipality} claim
 */
public record Caller(String subject, String municipality, Set<Role> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... candidates) {
        for (Role role : candidates) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
