package no.samhandling.consent.consents;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import no.samhandling.consent.subjects.SubjectFacts;

/**
 * Whose consent a consent needs to be complete, from the municipality's rule for its legal area,
 * the child's age on the day, and who holds parental responsibility.
 *
 * @param youthDecidesAlone the youth is old enough to decide alone; guardians' consent does not count
 * @param youthRequired the youth must consent (alone, or together with the guardians)
 * @param guardianIds the guardians with parental responsibility, whose consent counts
 * @param guardiansNeeded how many of them must consent: all of them, one, or none
 * @param guardianUserIds what stands for the logins of those guardians who have one, by guardian id: per-child
 *        pseudonyms ({@link GuardianPseudonyms}), for they leave this service on ConsentGranted
 */
record Requirement(boolean youthDecidesAlone, boolean youthRequired, List<String> guardianIds, int guardiansNeeded,
        Map<String, String> guardianUserIds) {

    Requirement {
        guardianIds = List.copyOf(guardianIds);
        guardianUserIds = Map.copyOf(guardianUserIds);
    }

    Requirement(boolean youthDecidesAlone, boolean youthRequired, List<String> guardianIds, int guardiansNeeded) {
        this(youthDecidesAlone, youthRequired, guardianIds, guardiansNeeded, Map.of());
    }

    static Requirement of(ConsentRules.Applicable rule, SubjectFacts subject, LocalDate day, UnaryOperator<String> publishedLogin) {
        int age = subject.ageOn(day);
        if (age >= rule.youthConsentsAloneFrom()) {
            return new Requirement(true, true, List.of(), 0);
        }
        List<String> guardians = subject.guardiansWithParentalResponsibility().stream()
                .map(SubjectFacts.GuardianFacts::guardianId).toList();
        Map<String, String> logins = new HashMap<>();
        subject.guardiansWithParentalResponsibility().stream()
                .filter(guardian -> guardian.userId() != null)
                .forEach(guardian -> logins.put(guardian.guardianId(), publishedLogin.apply(guardian.userId())));
        // With nobody holding parental responsibility on file, one still has to: the consent waits for them.
        int needed = rule.bothGuardiansMustConsent() ? Math.max(1, guardians.size()) : 1;
        boolean youthToo = rule.youthAlsoConsentsFrom() != null && age >= rule.youthAlsoConsentsFrom();
        return new Requirement(false, youthToo, guardians, needed, logins);
    }

    boolean metBy(boolean youthConsented, Set<String> consentingGuardians) {
        return (!youthRequired || youthConsented) && counted(consentingGuardians) >= guardiansNeeded;
    }

    /** Who is still missing, for a pending consent. */
    Awaiting awaiting(boolean youthConsented, Set<String> consentingGuardians) {
        int stillNeeded = Math.max(0, guardiansNeeded - counted(consentingGuardians));
        List<String> notYet = stillNeeded == 0 ? List.of()
                : guardianIds.stream().filter(id -> !consentingGuardians.contains(id)).toList();
        return new Awaiting(youthRequired && !youthConsented, notYet, stillNeeded);
    }

    /** The logins of the guardians who consented, for the guardians' own view of the case elsewhere. */
    List<String> loginsOf(Set<String> consentingGuardians) {
        return guardianIds.stream().filter(consentingGuardians::contains).map(guardianUserIds::get)
                .filter(java.util.Objects::nonNull).toList();
    }

    private int counted(Set<String> consentingGuardians) {
        return (int) guardianIds.stream().filter(consentingGuardians::contains).count();
    }

    /**
     * @param youth the youth's own consent is missing
     * @param guardianIds guardians with parental responsibility who have not consented yet
     * @param guardiansNeeded how many more of them must consent
     */
    record Awaiting(boolean youth, List<String> guardianIds, int guardiansNeeded) {

        Awaiting {
            guardianIds = List.copyOf(guardianIds);
        }
    }
}
