package no.samhandling.consent.subjects;

/** How to reach a guardian, for notices about the child's case: never more than this. */
public record GuardianContact(String guardianId, String email, String phone, String language) {
}
