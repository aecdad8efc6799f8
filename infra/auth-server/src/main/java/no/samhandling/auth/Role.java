package no.samhandling.auth;

/** Platform roles carried in the {@code roles} token claim. */
public enum Role {
    REFERRER,
    COORDINATOR,
    MEMBER,
    GUARDIAN,
    LEADER,
    ADMIN,
    PRIVACY_OFFICER,
    YOUTH
}
