package no.samhandling.consent.guardian;

import java.time.Instant;

/**
 * One read of the child's named case, from referral-service's read audit log: who (an opaque user
 * id and their role), when, which case, and why.
 */
record PersonalDataRead(String readerId, String readerRole, Instant readAt, String referralId, String purpose) {
}
