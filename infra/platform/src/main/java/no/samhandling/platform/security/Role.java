package no.samhandling.platform.security;

/** The roles a token can carry in its {@code roles} claim. */
public enum Role {
    REFERRER,
    COORDINATOR,
    MEMBER,
    GUARDIAN,
    LEADER,
    ADMIN,
    /** Reviews the access log of the municipality (personvernombud, or a leader given the task); reads no case or child. */
    PRIVACY_OFFICER;

    /** The Spring Security authority, for {@code hasRole}/{@code @PreAuthorize}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
