package no.samhandling.arena.membership;

/** The channels a member wants notices on. */
enum PreferredChannel {
    EMAIL,
    SMS
}
