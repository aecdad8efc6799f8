package no.samhandling.events.referral;

/** Whether a case is discussed anonymously or by name under a guardian's consent. */
public enum DiscussionBasis {
    ANONYMOUS,
    NAMED
}
