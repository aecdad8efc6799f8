package no.samhandling.consent.subjects;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;

/**
 * What the consent rules and need-to-know need to know about a subject: its age, who holds parental
 * responsibility, and who registered it. Nothing here identifies the child.
 *
 * @param topicId the id the child goes by on the topics and in other services ({@code Subject}); null once erased
 * @param registeredBy the staff member who registered the child (a user id)
 * @param youthUserId the child's own login, if one is linked
 */
public record SubjectFacts(String subjectId, String topicId, String municipality, boolean erased, LocalDate birthDate,
        List<GuardianFacts> guardians, String registeredBy, String youthUserId) {

    public SubjectFacts {
        guardians = List.copyOf(guardians);
    }

    public int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }

    public List<GuardianFacts> guardiansWithParentalResponsibility() {
        return guardians.stream().filter(GuardianFacts::parentalResponsibility).toList();
    }

    public Optional<GuardianFacts> guardian(String guardianId) {
        return guardians.stream().filter(g -> g.guardianId().equals(guardianId)).findFirst();
    }

    /** The guardian who logs in as {@code userId}, if any. */
    public Optional<GuardianFacts> guardianUser(String userId) {
        return guardians.stream().filter(g -> userId.equals(g.userId())).findFirst();
    }

    /** Whether {@code userId} is the child's own login. */
    public boolean isTheYouth(String userId) {
        return youthUserId != null && youthUserId.equals(userId);
    }

    public record GuardianFacts(String guardianId, boolean parentalResponsibility, String userId) {
    }
}
