package no.samhandling.consent.subjects;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A subject as staff of its municipality see it. The national id number itself is never returned,
 * only whether one is on file.
 */
public record SubjectView(
        String id,
        String status,
        String name,
        LocalDate birthDate,
        boolean hasNationalId,
        Instant registeredAt,
        List<GuardianView> guardians,
        String youthUserId) {

    public record GuardianView(
            String guardianId,
            String name,
            String email,
            String phone,
            boolean parentalResponsibility,
            String userId,
            String language) {
    }
}
