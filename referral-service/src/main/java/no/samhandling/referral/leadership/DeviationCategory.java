package no.samhandling.referral.leadership;

/**
 * What went wrong: the kinds of "avviksmeldingar knytt til identifikasjon og oppfølging av utsette
 * barn og unge" on the leadership team's fixed agenda (Giske). A closed list, so that the leaders
 * can count them; the labels, in bokmål and nynorsk, are {@code deviation.category.<CODE>} in the
 * messages and served by {@code GET /deviations/codes}.
 */
enum DeviationCategory {
    /** A referral was not answered (accepted or returned) in time. */
    REFERRAL_NOT_ANSWERED,
    /** A concern was noticed but not acted on or not passed on as the routine says. */
    CONCERN_NOT_ACTED_ON,
    /** A meeting was held without minutes. */
    MEETING_WITHOUT_MINUTES,
    /** A discussion ended without a written responsibility assignment. */
    RESPONSIBILITY_NOT_ASSIGNED,
    /** An agreed follow-up did not happen. */
    MISSED_FOLLOW_UP,
    /** Information was shared without consent or beyond what the consent covers. */
    SHARED_WITHOUT_CONSENT,
    /** Information did not follow the child at a transition (kindergarten to school, between schools). */
    TRANSITION_INFORMATION_LOST,
    /** Another routine of cooperation was not followed; the text says which. */
    OTHER
}
