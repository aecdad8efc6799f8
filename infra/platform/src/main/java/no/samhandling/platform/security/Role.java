package no.samhandling.platform.security;

/** The roles a token can carry in its {@code roles} claim. */
public enum Role {
    REFERRER,
    COORDINATOR,
    MEMBER,
    GUARDIAN,
    LEADER,
    ADMIN;

    /** The Spring Security authority, for {@code hasRole}/{@code @PreAuthorize}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
