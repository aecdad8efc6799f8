package no.samhandling.notification.recipients;

/** Where a recipient's contact details come from: arena membership for staff, consent records for guardians. */
public enum RecipientKind {
    STAFF,
    GUARDIAN
}
