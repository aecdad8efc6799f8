package no.samhandling.events.referral;

/**
 * The closed list of system-case categories on a system case's
 * {@code LeadershipItemRegistered.categoryCode}, as on the former {@code SystemCaseRegistered}.
 * Reports list every category, always, so that a row's presence says nothing. referral-service's
 * own list is held to this one by a test.
 */
public enum SystemCaseCategory {
    ARENA_GAP,
    CAPACITY,
    ROUTINE,
    COOPERATION,
    COMPETENCE,
    DIGITAL_TOOLS,
    OTHER
}
