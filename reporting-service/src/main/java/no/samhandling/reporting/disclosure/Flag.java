package no.samhandling.reporting.disclosure;

/** Why a published cell has, or lacks, a value. */
public enum Flag {
    /** The value is published. */
    SHOWN,
    /** There is nothing to publish, for example a median of no observations. */
    MISSING,
    /** The value exists but is withheld, because it or another cell could identify a child. */
    SUPPRESSED
}
