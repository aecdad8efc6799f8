package no.samhandling.consent.consents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import no.samhandling.events.consent.ConsentExpired;
import no.samhandling.events.consent.ConsentGranted;
import no.samhandling.events.consent.ConsentLimited;
import no.samhandling.events.consent.ConsentWithdrawer;
import no.samhandling.platform.web.ProblemException;

/** The consent's own lifecycle, without the service around it. */
class ConsentTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final Requirement BOTH = new Requirement(false, false, List.of("mor", "far"), 2, Map.of("mor", "mor-login"));
    /** The services in the arenas, all of which the scope lets share. */
    static final List<String> PARTIES = List.of("SCHOOL");
    static final Scope SCOPE = new Scope(List.of("arena-1", "arena-2"), List.of("SCHOOL"), "INTERDISCIPLINARY_DISCUSSION", List.of(), List.of());

    static Decision consentOf(String guardianId) {
        return new Decision(Decision.Party.GUARDIAN, guardianId, Decision.Verdict.CONSENTED,
                new Evidence(Evidence.Type.ORAL, null), NOW, "coordinator");
    }

    static Consent pending(LocalDate validTo) {
        return Consent.request("1547", "child", "child-on-topics", "EDUCATION", SCOPE, TODAY, validTo, List.of(consentOf("mor")), BOTH, "coordinator", NOW);
    }

    @Test
    void staysPendingUntilEveryoneRequiredHasConsented() {
        Consent consent = pending(null);
        assertThat(consent.status()).isEqualTo(Consent.Status.PENDING);
        assertThat(consent.covers("arena-1", PARTIES, TODAY)).isFalse();

        consent.addConsents(List.of(consentOf("mor")), BOTH, NOW);
        assertThat(consent.status()).isEqualTo(Consent.Status.PENDING);
        assertThat(consent.pendingEvents()).isEmpty();

        consent.addConsents(List.of(consentOf("far")), BOTH, NOW);
        assertThat(consent.status()).isEqualTo(Consent.Status.GRANTED);
        assertThat(consent.pendingEvents()).singleElement().isInstanceOfSatisfying(ConsentGranted.class, granted -> {
            assertThat(granted.arenaIds()).containsExactly("arena-1", "arena-2");
            assertThat(granted.guardianUserIds()).containsExactly("mor-login");
        });
        assertThat(consent.covers("arena-1", PARTIES, TODAY)).isTrue();
        assertThat(consent.covers("arena-3", PARTIES, TODAY)).isFalse();
        assertThat(consent.covers("arena-1", List.of("SCHOOL", "PPT"), TODAY)).as("a service outside the scope sits in the arena").isFalse();
        assertThat(consent.decisions()).hasSize(2);
    }

    @Test
    void holdsThroughItsLastDayAndEndsTheDayAfter() {
        Consent consent = pending(TODAY.plusDays(2));
        consent.addConsents(List.of(consentOf("far")), BOTH, NOW);

        assertThat(consent.expireIfEnded(TODAY.plusDays(2), NOW)).isFalse();
        assertThat(consent.covers("arena-1", PARTIES, TODAY.plusDays(2))).isTrue();
        assertThat(consent.expireIfEnded(TODAY.plusDays(3), NOW)).isTrue();
        assertThat(consent.status()).isEqualTo(Consent.Status.EXPIRED);
        assertThat(consent.pendingEvents()).last().isInstanceOf(ConsentExpired.class);
        assertThat(consent.expireIfEnded(TODAY.plusDays(4), NOW)).isFalse();
    }

    @Test
    void aLimitedConsentCoversOnlyWhatIsLeft() {
        Consent consent = pending(null);
        consent.addConsents(List.of(consentOf("far")), BOTH, NOW);

        consent.limit(new Scope(List.of("arena-1"), List.of("SCHOOL"), "INTERDISCIPLINARY_DISCUSSION", List.of(), List.of()),
                TODAY.plusDays(10), "coordinator", NOW);

        assertThat(consent.status()).isEqualTo(Consent.Status.LIMITED);
        assertThat(consent.pendingEvents()).last().isInstanceOfSatisfying(ConsentLimited.class,
                limited -> assertThat(limited.arenaIds()).containsExactly("arena-1"));
        assertThat(consent.covers("arena-1", PARTIES, TODAY)).isTrue();
        assertThat(consent.covers("arena-2", PARTIES, TODAY)).isFalse();
        assertThat(consent.covers("arena-1", PARTIES, TODAY.plusDays(11))).isFalse();
        assertThat(consent.limitations()).singleElement().extracting(Consent.Limitation::previousScope).isEqualTo(SCOPE);
    }

    @Test
    void aPendingConsentCannotBeLimitedAndAWithdrawnOneCannotBeWithdrawnAgain() {
        Consent consent = pending(null);
        assertThatThrownBy(() -> consent.limit(SCOPE, null, "coordinator", NOW)).isInstanceOf(ProblemException.class);

        consent.withdraw(new Consent.Withdrawal(ConsentWithdrawer.GUARDIAN, "mor", null, NOW, "mor-login"));

        assertThat(consent.status()).isEqualTo(Consent.Status.WITHDRAWN);
        assertThat(consent.pendingEvents()).as("a consent never in force is not announced").isEmpty();
        assertThatThrownBy(() -> consent.withdraw(new Consent.Withdrawal(ConsentWithdrawer.YOUTH, null, null, NOW, "x")))
                .isInstanceOfSatisfying(ProblemException.class, problem ->
                        assertThat(problem.properties()).containsEntry("currentStatus", "WITHDRAWN"));
    }

    @Test
    void erasureStripsEvidenceReferences() {
        Consent consent = Consent.request("1547", "child", "child-on-topics", "EDUCATION", SCOPE, TODAY, null,
                List.of(new Decision(Decision.Party.GUARDIAN, "mor", Decision.Verdict.CONSENTED,
                        new Evidence(Evidence.Type.SIGNED_FORM, new no.samhandling.personaldata.Sealed("evidence-reference", "AAAA")),
                        NOW, "coordinator")), BOTH, "coordinator", NOW);

        consent.erase(NOW);

        assertThat(consent.status()).isEqualTo(Consent.Status.ERASED);
        assertThat(consent.decisions()).allSatisfy(decision -> assertThat(decision.evidence().reference()).isNull());
        assertThat(consent.covers("arena-1", PARTIES, TODAY)).isFalse();
    }
}
