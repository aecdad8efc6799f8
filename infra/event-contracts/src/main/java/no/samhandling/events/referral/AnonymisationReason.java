package no.samhandling.events.referral;

/** Why a named referral lost its link to the child. */
public enum AnonymisationReason {
    CONSENT_WITHDRAWN,
    CONSENT_EXPIRED,
    SUBJECT_ERASED,
    /** The case ended longer ago than its retention period for personal data. */
    RETENTION_EXPIRED
}
