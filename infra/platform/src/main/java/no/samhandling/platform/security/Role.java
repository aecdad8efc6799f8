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
    PRIVACY_OFFICER,
    /**
     * The child itself, logged in: sees and withdraws the consents of the legal areas where it is old
     * enough to decide alone, and who read its data (consent-service's own view); nothing else.
     */
    YOUTH;

    /** The Spring Security authority, for {@code hasRole}/{@code @PreAuthorize}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
