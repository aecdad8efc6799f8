package no.samhandling.consent.consents;

/** Why a child's record or consents were opened here, as the access log records it. */
public enum AccessPurpose {
    /** Staff registered the child and were shown what they registered. */
    REGISTRATION,
    /** Staff read the child's identity and guardians. */
    CHILD_RECORD,
    /** Staff added a guardian. */
    GUARDIAN_ADDED,
    /** Staff linked the child's own login. */
    YOUTH_LOGIN_LINKED,
    /** Staff read the child's consents. */
    CONSENTS,
    /** Staff recorded a consent, a refusal or an answer to a pending one. */
    CONSENT_RECORDED,
    /** Staff limited a consent or recorded its withdrawal. */
    CONSENT_CHANGED,
    /** A guardian looked at their child's consents. */
    GUARDIAN_VIEW,
    /** A guardian withdrew consent. */
    GUARDIAN_WITHDRAWAL,
    /** The youth looked at the consents of the areas they decide on. */
    YOUTH_VIEW,
    /** The youth withdrew consent. */
    YOUTH_WITHDRAWAL,
    /** A service fetched the guardians' contact details to send them a notice. */
    NOTICE,
    /** referral-service had the child a named referral names compared with the child registered here. */
    IDENTITY_MATCH,
    /** referral-service learned which guardians a consent's pseudonyms stand for, to show them their child's case. */
    GUARDIAN_LOGINS
}
