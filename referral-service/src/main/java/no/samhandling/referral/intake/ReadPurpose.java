package no.samhandling.referral.intake;

/** Why a named case's personal data is opened; written to the read audit with every read. */
enum ReadPurpose {
    /** The coordinator assesses the case at intake. */
    INTAKE_ASSESSMENT,
    /** Preparing the meeting where the case is on the agenda. */
    MEETING_PREPARATION,
    /** In the meeting. */
    MEETING,
    /** Following up the responsibility assignment. */
    FOLLOW_UP,
    /** The child's guardian looks at what is registered. */
    GUARDIAN_ACCESS
}
