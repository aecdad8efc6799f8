package no.samhandling.referral.leadership;

/**
 * What the leaders did before they closed a deviation report. The code travels in
 * {@code leadership.item-closed.v1}; the leaders' own account of it ({@code actionTaken}) stays
 * in referral-service. Labels: {@code deviation.action.<CODE>} in the messages.
 */
enum DeviationAction {
    /** The routine was explained again to the units concerned. */
    ROUTINE_CLARIFIED,
    /** The routine itself was changed. */
    ROUTINE_CHANGED,
    /** Training was given or planned. */
    TRAINING_GIVEN,
    /** The leaders followed it up with the unit's leader. */
    FOLLOWED_UP_WITH_UNIT,
    /** Reported on, for example to the data protection officer for information shared without consent. */
    REPORTED_ONWARDS,
    /** Looked into; nothing needed doing. */
    NO_ACTION_NEEDED
}
