package no.samhandling.consent.consents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import no.samhandling.consent.subjects.SubjectFacts;
import no.samhandling.consent.subjects.SubjectFacts.GuardianFacts;

/** The rules as configured by default: health from 16, child welfare from 15, others at 18; both guardians. */
class RequirementTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    static final ConsentRules RULES = new ConsentRules(Map.of(
            "default", new ConsentRules.MunicipalityRules(true, Map.of(
                    "health", new ConsentRules.AreaRule(16, null),
                    "child-welfare", new ConsentRules.AreaRule(15, null),
                    "education", new ConsentRules.AreaRule(18, 12))),
            "5028", new ConsentRules.MunicipalityRules(false, Map.of("health", new ConsentRules.AreaRule(null, 14)))));

    static SubjectFacts childAged(int years) {
        return new SubjectFacts("child", "child-on-topics", "1547", false, TODAY.minusYears(years).minusDays(20), List.of(
                new GuardianFacts("mor", true, "mor-login"),
                new GuardianFacts("far", true, null),
                new GuardianFacts("stefar", false, null)), "registrar", null);
    }

    static Requirement requirement(String municipality, String area, int age) {
        return Requirement.of(RULES.applicable(municipality, area).orElseThrow(), childAged(age), TODAY, userId -> userId);
    }

    @Test
    void withJointResponsibilityOneGuardianIsNotEnough() {
        Requirement requirement = requirement("1547", "EDUCATION", 10);

        assertThat(requirement.metBy(false, Set.of("mor"))).isFalse();
        assertThat(requirement.awaiting(false, Set.of("mor"))).isEqualTo(new Requirement.Awaiting(false, List.of("far"), 1));
        assertThat(requirement.metBy(false, Set.of("mor", "far"))).isTrue();
        assertThat(requirement.loginsOf(Set.of("mor", "far"))).containsExactly("mor-login");
    }

    @Test
    void aGuardianWithoutParentalResponsibilityDoesNotCount() {
        Requirement requirement = requirement("1547", "EDUCATION", 10);

        assertThat(requirement.guardianIds()).containsExactly("mor", "far");
        assertThat(requirement.metBy(false, Set.of("mor", "stefar"))).isFalse();
    }

    @Test
    void whereTheMunicipalitySaysSoOneGuardianIsEnough() {
        Requirement requirement = requirement("5028", "EDUCATION", 10);

        assertThat(requirement.metBy(false, Set.of("far"))).isTrue();
    }

    @Test
    void aYouthOf16DecidesAloneAboutHealthButNotAboutOtherAreas() {
        Requirement health = requirement("1547", "HEALTH", 16);
        Requirement education = requirement("1547", "EDUCATION", 16);

        assertThat(health.youthDecidesAlone()).isTrue();
        assertThat(health.metBy(true, Set.of())).isTrue();
        assertThat(health.metBy(false, Set.of("mor", "far"))).isFalse();
        assertThat(education.youthDecidesAlone()).isFalse();
        assertThat(education.metBy(true, Set.of())).isFalse();
    }

    @Test
    void aYouthOf15DecidesAloneInChildWelfareButNotInHealth() {
        assertThat(requirement("1547", "CHILD_WELFARE", 15).metBy(true, Set.of())).isTrue();
        assertThat(requirement("1547", "HEALTH", 15).youthDecidesAlone()).isFalse();
        assertThat(requirement("1547", "HEALTH", 15).metBy(true, Set.of())).isFalse();
        assertThat(requirement("1547", "HEALTH", 15).metBy(false, Set.of("mor", "far"))).isTrue();
    }

    @Test
    void fromTheConfiguredAgeTheYouthMustConsentAlongsideTheGuardians() {
        Requirement education = requirement("1547", "EDUCATION", 13);

        assertThat(education.metBy(false, Set.of("mor", "far"))).isFalse();
        assertThat(education.awaiting(false, Set.of("mor", "far"))).isEqualTo(new Requirement.Awaiting(true, List.of(), 0));
        assertThat(education.metBy(true, Set.of("mor", "far"))).isTrue();
        assertThat(requirement("1547", "EDUCATION", 11).metBy(false, Set.of("mor", "far"))).isTrue();
    }

    @Test
    void aMunicipalityOverridesOneFieldOfAnAreaAndKeepsTheRest() {
        ConsentRules.Applicable health = RULES.applicable("5028", "HEALTH").orElseThrow();

        assertThat(health).isEqualTo(new ConsentRules.Applicable(false, 16, 14));
        assertThat(RULES.applicable("1547", "HEALTH").orElseThrow()).isEqualTo(new ConsentRules.Applicable(true, 16, null));
    }

    @Test
    void knowsOnlyTheConfiguredAreas() {
        assertThat(RULES.applicable("1547", "POLICE")).isEmpty();
        assertThat(RULES.areas("1547")).containsOnlyKeys("HEALTH", "CHILD_WELFARE", "EDUCATION");
    }

    @Test
    void withNobodyHoldingParentalResponsibilityTheConsentWaits() {
        SubjectFacts noGuardians = new SubjectFacts("child", "child-on-topics", "1547", false, TODAY.minusYears(8), List.of(), "registrar", null);
        Requirement requirement = Requirement.of(RULES.applicable("1547", "EDUCATION").orElseThrow(), noGuardians, TODAY, userId -> userId);

        assertThat(requirement.metBy(false, Set.of())).isFalse();
        assertThat(requirement.guardiansNeeded()).isEqualTo(1);
    }
}
