package no.samhandling.consent.guardian;

import java.util.List;

/** Who has read a child's personal data: kept by the services that hold it (today referral-service). */
interface ReadAuditLog {

    /**
     * @throws ReadAuditUnavailableException when the log cannot be asked right now
     */
    List<PersonalDataRead> readsOf(String subjectId);
}
