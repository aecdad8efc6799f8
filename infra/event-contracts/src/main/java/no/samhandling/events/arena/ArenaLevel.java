package no.samhandling.events.arena;

/** Whether an arena discusses single children, routines and services, or both. */
public enum ArenaLevel {
    INDIVIDUAL,
    SYSTEM,
    BOTH
}
