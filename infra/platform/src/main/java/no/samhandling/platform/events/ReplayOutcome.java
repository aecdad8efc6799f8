package no.samhandling.platform.events;

/** What replaying a dead-lettered record did. */
public enum ReplayOutcome {
    /** The handlers applied the event. */
    APPLIED,
    /** The event had been applied already (a later copy of it got through); nothing changed. */
    ALREADY_APPLIED,
    /** The consumer has no handler for the event's type, or its contracts do not know the type yet. */
    NOT_HANDLED;

    /** The outcome over several consumers of the same topic (a projection's live and rebuilding generations). */
    ReplayOutcome and(ReplayOutcome other) {
        if (this == APPLIED || other == APPLIED) {
            return APPLIED;
        }
        return this == ALREADY_APPLIED || other == ALREADY_APPLIED ? ALREADY_APPLIED : NOT_HANDLED;
    }
}
