package no.samhandling.referral.systemcases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import no.samhandling.events.referral.SystemCaseClosed;
import no.samhandling.events.referral.SystemCaseFollowedUp;
import no.samhandling.events.referral.SystemCaseRegistered;
import no.samhandling.platform.web.ProblemException;

class SystemCaseTest {

    static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    static SystemCase noArenaFor16To18() {
        return SystemCase.register("1547", "coordinator", SystemCaseCategory.ARENA_GAP, "arena-1",
                "Ingen arena for 16–18", "Vi har ingen arena for ungdom som har gått ut av ungdomsskolen.", NOW);
    }

    @Test
    void registersWithItsCategoryAndRaisesSystemCaseRegistered() {
        SystemCase systemCase = noArenaFor16To18();

        assertThat(systemCase.view().status()).isEqualTo(SystemCase.Status.REGISTERED);
        assertThat(systemCase.view().registeredBy()).isEqualTo("coordinator");
        assertThat(systemCase.pendingEvents()).singleElement().isInstanceOfSatisfying(SystemCaseRegistered.class, event -> {
            assertThat(event.categoryCode()).isEqualTo("ARENA_GAP");
            assertThat(event.arenaId()).isEqualTo("arena-1");
            assertThat(event.aggregateId()).isEqualTo(systemCase.id());
        });
    }

    @Test
    void appendsEveryFollowUpWithWhoAndWhenAndCountsThem() {
        SystemCase systemCase = noArenaFor16To18();

        systemCase.followUp("Drøfta i Samhandlingsteamet.", "leader", NOW.plusSeconds(60));
        systemCase.followUp("Kommunalsjef greier ut eit ungdomsteam.", "leader-2", NOW.plusSeconds(120));

        assertThat(systemCase.view().status()).isEqualTo(SystemCase.Status.FOLLOWED_UP);
        assertThat(systemCase.view().followUps()).containsExactly(
                new FollowUp("Drøfta i Samhandlingsteamet.", "leader", NOW.plusSeconds(60)),
                new FollowUp("Kommunalsjef greier ut eit ungdomsteam.", "leader-2", NOW.plusSeconds(120)));
        assertThat(systemCase.pendingEvents()).filteredOn(SystemCaseFollowedUp.class::isInstance)
                .extracting(event -> ((SystemCaseFollowedUp) event).followUpNumber()).containsExactly(1, 2);
    }

    @Test
    void closesAfterFollowUpWithTheActionTakenAsACodeInTheEvent() {
        SystemCase systemCase = noArenaFor16To18();
        systemCase.followUp("Drøfta.", "leader", NOW);

        systemCase.close(SystemCaseAction.ARENA_ESTABLISHED, "Ungdomsteam 16–18 oppretta frå januar.", "leader", NOW.plusSeconds(60));

        SystemCaseView view = systemCase.view();
        assertThat(view.status()).isEqualTo(SystemCase.Status.CLOSED);
        assertThat(view.actionCode()).isEqualTo(SystemCaseAction.ARENA_ESTABLISHED);
        assertThat(view.actionTaken()).isEqualTo("Ungdomsteam 16–18 oppretta frå januar.");
        assertThat(view.closedBy()).isEqualTo("leader");
        assertThat(systemCase.pendingEvents().getLast()).isInstanceOfSatisfying(SystemCaseClosed.class,
                event -> assertThat(event.actionCode()).isEqualTo("ARENA_ESTABLISHED"));
    }

    @Test
    void isNotClosedBeforeItWasFollowedUp() {
        SystemCase systemCase = noArenaFor16To18();

        assertThatThrownBy(() -> systemCase.close(SystemCaseAction.NO_ACTION_NEEDED, "Ingenting", "leader", NOW))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status().value()).isEqualTo(409);
                    assertThat(problem.properties()).containsEntry("currentStatus", "REGISTERED");
                });
        assertThat(systemCase.view().status()).isEqualTo(SystemCase.Status.REGISTERED);
    }

    @Test
    void aClosedCaseTakesNoMoreFollowUpsAndIsNotClosedTwice() {
        SystemCase systemCase = noArenaFor16To18();
        systemCase.followUp("Drøfta.", "leader", NOW);
        systemCase.close(SystemCaseAction.ROUTINE_CHANGED, "Rutine endra.", "leader", NOW);

        assertThatThrownBy(() -> systemCase.followUp("Ein til", "leader", NOW)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> systemCase.close(SystemCaseAction.ROUTINE_CHANGED, "Igjen", "leader", NOW)).isInstanceOf(ProblemException.class);
        assertThat(systemCase.view().followUps()).hasSize(1);
    }

    @Test
    void closingNeedsTheActionTaken() {
        SystemCase systemCase = noArenaFor16To18();
        systemCase.followUp("Drøfta.", "leader", NOW);

        assertThatThrownBy(() -> systemCase.close(SystemCaseAction.ROUTINE_CHANGED, " ", "leader", NOW))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.properties()).containsEntry("field", "actionTaken"));
        assertThat(systemCase.view().status()).isEqualTo(SystemCase.Status.FOLLOWED_UP);
    }

    @Test
    void refusesTextThatIdentifiesAChildInEveryField() {
        assertThatThrownBy(() -> SystemCase.register("1547", "c", SystemCaseCategory.CAPACITY, null, "Ventetid PPT 01020312345", "x", NOW))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.properties()).containsEntry("field", "title"));
        assertThatThrownBy(() -> SystemCase.register("1547", "c", SystemCaseCategory.CAPACITY, null, "Ventetid PPT", "Gjeld barn fødd 1.2.2015", NOW))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.properties()).containsEntry("field", "description"));
        SystemCase systemCase = noArenaFor16To18();
        assertThatThrownBy(() -> systemCase.followUp("Sjå 010203 12345", "leader", NOW))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.properties()).containsEntry("field", "note"));
        assertThat(systemCase.view().followUps()).isEmpty();
    }
}
