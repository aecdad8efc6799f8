package no.samhandling.events.referral;

/** The Melhus prevention pyramid: universal (green), selective (yellow), indicated (red). */
public enum PreventionLevel {
    GREEN,
    YELLOW,
    RED
}
