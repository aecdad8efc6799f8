package no.samhandling.events.referral;

/** Who withdrew a referral: the staff member who registered it, a guardian or the youth. */
public enum WithdrawingParty {
    REFERRER,
    GUARDIAN,
    YOUTH
}
