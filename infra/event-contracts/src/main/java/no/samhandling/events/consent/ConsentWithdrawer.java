package no.samhandling.events.consent;

/** Who withdrew a consent: one guardian is enough to withdraw what both gave, or the youth. */
public enum ConsentWithdrawer {
    GUARDIAN,
    YOUTH
}
