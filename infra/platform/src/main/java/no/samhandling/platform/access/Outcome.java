package no.samhandling.platform.access;

/** What came of an attempt the access log records. */
public enum Outcome {
    /** Personal data was returned to the caller. */
    READ,
    /** The caller changed something about the child and was shown the result. */
    CHANGED,
    /** The caller had no relation and was told the resource does not exist. */
    REFUSED
}
