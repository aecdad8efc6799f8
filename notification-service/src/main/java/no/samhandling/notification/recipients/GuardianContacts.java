package no.samhandling.notification.recipients;

import java.util.List;

/**
 * Guardians' contact details, from their source of truth: consent-service. It answers only for guardians
 * with parental responsibility, and only while an active consent covers the arena; otherwise nobody.
 */
public interface GuardianContacts {

    List<Recipient> guardiansOf(String municipality, String subjectId, String arenaId);
}
