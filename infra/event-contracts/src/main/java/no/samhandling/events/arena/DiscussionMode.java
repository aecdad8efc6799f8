package no.samhandling.events.arena;

/** Which cases an arena accepts: anonymous only, anonymous or named under consent, or named only. */
public enum DiscussionMode {
    ANONYMOUS_ONLY,
    ANONYMOUS_OR_CONSENT,
    CONSENT_REQUIRED
}
