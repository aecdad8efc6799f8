package no.samhandling.events.referral;

/**
 * The closed list of deviation categories (Giske's "avviksmeldingar") on a deviation's
 * {@code LeadershipItemRegistered.categoryCode}, as on the former {@code DeviationReported}. Reports
 * list every category, always, so that a row's presence says nothing. referral-service's own list is
 * held to this one by a test.
 */
public enum DeviationCategory {
    REFERRAL_NOT_ANSWERED,
    CONCERN_NOT_ACTED_ON,
    MEETING_WITHOUT_MINUTES,
    RESPONSIBILITY_NOT_ASSIGNED,
    MISSED_FOLLOW_UP,
    SHARED_WITHOUT_CONSENT,
    TRANSITION_INFORMATION_LOST,
    OTHER
}
