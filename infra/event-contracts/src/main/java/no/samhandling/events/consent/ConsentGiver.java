package no.samhandling.events.consent;

/** Who gave a consent: the guardians together, or the youth once old enough to consent alone. */
public enum ConsentGiver {
    GUARDIANS,
    YOUTH
}
