package no.samhandling.events.leadership;

/**
 * The two registers the leaders keep: a deviation (identification or follow-up of a child failed
 * somewhere, reported by a unit) and a system case (routines, trends or services, not a child).
 */
public enum LeadershipItemKind {
    DEVIATION,
    SYSTEM_CASE
}
