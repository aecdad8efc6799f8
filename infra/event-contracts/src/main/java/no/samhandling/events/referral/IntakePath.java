package no.samhandling.events.referral;

/** Alta's two intake paths: staff register a concern (I), or guardians or the youth ask themselves (II). */
public enum IntakePath {
    STAFF,
    GUARDIAN_OR_YOUTH_REQUEST
}
