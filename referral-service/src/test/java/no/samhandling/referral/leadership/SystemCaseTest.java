package no.samhandling.referral.leadership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import no.samhandling.events.leadership.LeadershipItemClosed;
import no.samhandling.events.leadership.LeadershipItemFollowedUp;
import no.samhandling.events.leadership.LeadershipItemKind;
import no.samhandling.events.leadership.LeadershipItemRegistered;
import no.samhandling.platform.web.ProblemException;

class SystemCaseTest {

    static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    static LeadershipItem noArenaFor16To18() {
        return LeadershipItem.registerSystemCase("1547", "coordinator", SystemCaseCategory.ARENA_GAP, "arena-1",
                "Ingen arena for 16–18", "Vi har ingen arena for ungdom som har gått ut av ungdomsskolen.", NOW);
    }

    @Test
    void registersWithItsCategoryAndRaisesASystemCaseItem() {
        LeadershipItem systemCase = noArenaFor16To18();

        assertThat(systemCase.asSystemCase().status()).isEqualTo(LeadershipItem.Status.REGISTERED);
        assertThat(systemCase.asSystemCase().registeredBy()).isEqualTo("coordinator");
        assertThat(systemCase.pendingEvents()).singleElement().isInstanceOfSatisfying(LeadershipItemRegistered.class, event -> {
            assertThat(event.kind()).isEqualTo(LeadershipItemKind.SYSTEM_CASE);
            assertThat(event.unitType()).isNull();
            assertThat(event.categoryCode()).isEqualTo("ARENA_GAP");
            assertThat(event.arenaId()).isEqualTo("arena-1");
            assertThat(event.aggregateId()).isEqualTo(systemCase.id());
        });
    }

    @Test
    void appendsEveryFollowUpWithWhoAndWhenAndCountsThem() {
        LeadershipItem systemCase = noArenaFor16To18();

        systemCase.followUp("Drøfta i Samhandlingsteamet.", "leader", NOW.plusSeconds(60));
        systemCase.followUp("Kommunalsjef greier ut eit ungdomsteam.", "leader-2", NOW.plusSeconds(120));

        assertThat(systemCase.asSystemCase().status()).isEqualTo(LeadershipItem.Status.FOLLOWED_UP);
        assertThat(systemCase.asSystemCase().followUps()).containsExactly(
                new FollowUp("Drøfta i Samhandlingsteamet.", "leader", NOW.plusSeconds(60)),
                new FollowUp("Kommunalsjef greier ut eit ungdomsteam.", "leader-2", NOW.plusSeconds(120)));
        assertThat(systemCase.pendingEvents()).filteredOn(LeadershipItemFollowedUp.class::isInstance)
                .extracting(event -> ((LeadershipItemFollowedUp) event).followUpNumber()).containsExactly(1, 2);
    }

    @Test
    void closesAfterFollowUpWithTheActionTakenAsACodeInTheEvent() {
        LeadershipItem systemCase = noArenaFor16To18();
        systemCase.followUp("Drøfta.", "leader", NOW);

        systemCase.close(SystemCaseAction.ARENA_ESTABLISHED, "Ungdomsteam 16–18 oppretta frå januar.", "leader", NOW.plusSeconds(60));

        SystemCaseView view = systemCase.asSystemCase();
        assertThat(view.status()).isEqualTo(LeadershipItem.Status.CLOSED);
        assertThat(view.actionCode()).isEqualTo(SystemCaseAction.ARENA_ESTABLISHED);
        assertThat(view.actionTaken()).isEqualTo("Ungdomsteam 16–18 oppretta frå januar.");
        assertThat(view.closedBy()).isEqualTo("leader");
        assertThat(systemCase.pendingEvents().getLast()).isInstanceOfSatisfying(LeadershipItemClosed.class,
                event -> assertThat(event.actionCode()).isEqualTo("ARENA_ESTABLISHED"));
    }

    @Test
    void isNotClosedBeforeItWasFollowedUp() {
        LeadershipItem systemCase = noArenaFor16To18();

        assertThatThrownBy(() -> systemCase.close(SystemCaseAction.NO_ACTION_NEEDED, "Ingenting", "leader", NOW))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status().value()).isEqualTo(409);
                    assertThat(problem.properties()).containsEntry("currentStatus", "REGISTERED");
                });
        assertThat(systemCase.asSystemCase().status()).isEqualTo(LeadershipItem.Status.REGISTERED);
    }

    @Test
    void aClosedCaseTakesNoMoreFollowUpsAndIsNotClosedTwice() {
        LeadershipItem systemCase = noArenaFor16To18();
        systemCase.followUp("Drøfta.", "leader", NOW);
        systemCase.close(SystemCaseAction.ROUTINE_CHANGED, "Rutine endra.", "leader", NOW);

        assertThatThrownBy(() -> systemCase.followUp("Ein til", "leader", NOW)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> systemCase.close(SystemCaseAction.ROUTINE_CHANGED, "Igjen", "leader", NOW)).isInstanceOf(ProblemException.class);
        assertThat(systemCase.asSystemCase().followUps()).hasSize(1);
    }

    @Test
    void closingNeedsTheActionTaken() {
        LeadershipItem systemCase = noArenaFor16To18();
        systemCase.followUp("Drøfta.", "leader", NOW);

        assertThatThrownBy(() -> systemCase.close(SystemCaseAction.ROUTINE_CHANGED, " ", "leader", NOW))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.properties()).containsEntry("field", "actionTaken"));
        assertThat(systemCase.asSystemCase().status()).isEqualTo(LeadershipItem.Status.FOLLOWED_UP);
    }

    @Test
    void refusesTextThatIdentifiesAChildInEveryField() {
        assertThatThrownBy(() -> LeadershipItem.registerSystemCase("1547", "c", SystemCaseCategory.CAPACITY, null, "Ventetid PPT 01020312345", "x", NOW))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.properties()).containsEntry("field", "title"));
        assertThatThrownBy(() -> LeadershipItem.registerSystemCase("1547", "c", SystemCaseCategory.CAPACITY, null, "Ventetid PPT", "Gjeld barn fødd 1.2.2015", NOW))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.properties()).containsEntry("field", "description"));
        LeadershipItem systemCase = noArenaFor16To18();
        assertThatThrownBy(() -> systemCase.followUp("Sjå 010203 12345", "leader", NOW))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.properties()).containsEntry("field", "note"));
        assertThat(systemCase.asSystemCase().followUps()).isEmpty();
    }
}
