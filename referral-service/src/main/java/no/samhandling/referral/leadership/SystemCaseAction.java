package no.samhandling.referral.leadership;

/**
 * What the leaders did before they closed a system-level case. The code travels in
 * {@code leadership.item-closed.v1}; the leaders' own account of it ({@code actionTaken})
 * stays in referral-service. Labels: {@code system-case.action.<CODE>} in the messages.
 */
enum SystemCaseAction {
    /** A new arena was set up, or an existing one changed its mandate or age band. */
    ARENA_ESTABLISHED,
    /** A routine was written, changed or clarified. */
    ROUTINE_CHANGED,
    /** Capacity or resources were moved or added. */
    RESOURCES_ALLOCATED,
    /** A cooperation agreement was made or renewed. */
    COOPERATION_AGREEMENT,
    /** Training or another competence measure was planned or held. */
    COMPETENCE_MEASURE,
    /** Raised to the political level or the municipal management, beyond the leaders' mandate. */
    RAISED_TO_MANAGEMENT,
    /** Looked into; nothing needed doing. */
    NO_ACTION_NEEDED
}
