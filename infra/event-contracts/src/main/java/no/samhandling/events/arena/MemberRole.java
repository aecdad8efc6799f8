package no.samhandling.events.arena;

/** A member's role in an arena; the coordinator (møteansvarleg) runs intake, agenda and minutes. */
public enum MemberRole {
    COORDINATOR,
    MEMBER
}
