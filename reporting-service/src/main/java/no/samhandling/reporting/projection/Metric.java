package no.samhandling.reporting.projection;

/**
 * What a counter counts. Each counter is one number per municipality, metric, key and month: the
 * key is an arena id or a code (theme, age band, unit type, channel), never anything about a person.
 */
public enum Metric {
    /** New cases per arena: a case escalated to another arena is counted here once, where it began. */
    REFERRALS_BY_ARENA,
    REFERRALS_BY_THEME,
    REFERRALS_BY_AGE_BAND,
    REFERRALS_BY_UNIT_TYPE,
    REFERRALS_BY_PREVENTION_LEVEL,
    REFERRALS_BY_BASIS,
    /** Cases continued here from the arena below; they enter this arena's backlog but are no new case. */
    ESCALATED_IN_BY_ARENA,
    /** Exits from an arena's backlog, by why the case left, counted in the arena it was open in. */
    RETURNED_BY_ARENA,
    ESCALATED_BY_ARENA,
    WITHDRAWN_BY_ARENA,
    CLOSED_BY_ARENA,
    /** Escalations per route, keyed {@code from>to} (arena ids): which arena's backlog an escalation moved a case to. */
    ESCALATION_ROUTES,
    /** A stock, not a flow: open referrals per arena now, kept under the month {@link Counters#NOW}. */
    OPEN_BACKLOG_BY_ARENA,
    /** Days from submission to first discussion, keyed by the number of days, in the month of the discussion. */
    LEAD_TIME_DAYS,
    MEETINGS_HELD_BY_ARENA,
    MEETINGS_CANCELLED_BY_ARENA,
    MEETINGS_CANCELLED_NO_CASES_BY_ARENA,
    MINUTES_ITEMS_BY_ARENA,
    MINUTES_ITEMS_WITHOUT_ASSIGNMENT_BY_ARENA,
    DEVIATIONS_BY_CATEGORY,
    SYSTEM_CASES_BY_CATEGORY,
    /** Keyed GRANTED, WITHDRAWN, EXPIRED, ERASED. */
    CONSENTS,
    NOTIFICATIONS_SENT_BY_CHANNEL,
    NOTIFICATIONS_FAILED_BY_CHANNEL,
    /** When an arena was retired (normally once), so that a year's releases list the arenas of that year. */
    ARENA_RETIRED
}
