package no.samhandling.referral.leadership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.leadership.LeadershipItemClosed;
import no.samhandling.events.leadership.LeadershipItemFollowedUp;
import no.samhandling.events.leadership.LeadershipItemKind;
import no.samhandling.events.leadership.LeadershipItemRecategorised;
import no.samhandling.events.leadership.LeadershipItemRegistered;
import no.samhandling.platform.web.ProblemException;

class DeviationTest {

    /** 23:30 in Oslo on 23 November, already 24 November there. */
    static final Instant LATE_EVENING = Instant.parse("2026-11-23T23:30:00Z");

    static LeadershipItem meetingWithoutMinutes() {
        return LeadershipItem.reportDeviation("1547", "member", DeviationCategory.MEETING_WITHOUT_MINUTES, "SCHOOL", null,
                "Møtet i lokalt team vart halde utan referat.", LocalDate.of(2026, 11, 20), LATE_EVENING);
    }

    @Test
    void reportsWithCategoryAndUnitTypeInTheEventButNotTheText() {
        LeadershipItem deviation = meetingWithoutMinutes();

        assertThat(deviation.asDeviation().status()).isEqualTo(DeviationStatus.REPORTED);
        assertThat(deviation.pendingEvents()).singleElement().isInstanceOfSatisfying(LeadershipItemRegistered.class, event -> {
            assertThat(event.kind()).isEqualTo(LeadershipItemKind.DEVIATION);
            assertThat(event.categoryCode()).isEqualTo("MEETING_WITHOUT_MINUTES");
            assertThat(event.unitType()).isEqualTo("SCHOOL");
        });
    }

    @Test
    void incidentDateIsAnOsloDayNotAfterToday() {
        LeadershipItem today = LeadershipItem.reportDeviation("1547", "m", DeviationCategory.OTHER, "SCHOOL", null, "x", LocalDate.of(2026, 11, 24), LATE_EVENING);

        assertThat(today.asDeviation().occurredOn()).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThatThrownBy(() -> LeadershipItem.reportDeviation("1547", "m", DeviationCategory.OTHER, "SCHOOL", null, "x", LocalDate.of(2026, 11, 25), LATE_EVENING))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.properties()).containsEntry("field", "occurredOn"));
    }

    @Test
    void leadersRecategoriseAndTheEventNamesBothCategories() {
        LeadershipItem deviation = meetingWithoutMinutes();

        deviation.recategorise(DeviationCategory.RESPONSIBILITY_NOT_ASSIGNED, LATE_EVENING);
        deviation.recategorise(DeviationCategory.RESPONSIBILITY_NOT_ASSIGNED, LATE_EVENING);

        assertThat(deviation.asDeviation().category()).isEqualTo(DeviationCategory.RESPONSIBILITY_NOT_ASSIGNED);
        assertThat(deviation.pendingEvents()).filteredOn(LeadershipItemRecategorised.class::isInstance).singleElement()
                .isInstanceOfSatisfying(LeadershipItemRecategorised.class, event -> {
                    assertThat(event.previousCategoryCode()).isEqualTo("MEETING_WITHOUT_MINUTES");
                    assertThat(event.categoryCode()).isEqualTo("RESPONSIBILITY_NOT_ASSIGNED");
                });
    }

    @Test
    void goesFromReportedThroughFollowUpsToClosedWithTheActionTaken() {
        LeadershipItem deviation = meetingWithoutMinutes();

        deviation.followUp("Tatt opp med rektor.", "leader", LATE_EVENING);
        deviation.followUp("Referatmal sendt ut.", "leader", LATE_EVENING.plusSeconds(60));
        deviation.close(DeviationAction.ROUTINE_CLARIFIED, "Rutinen for referat er gjort kjend for alle møteleiarar.", "leader", LATE_EVENING);

        DeviationView view = deviation.asDeviation();
        assertThat(view.status()).isEqualTo(DeviationStatus.CLOSED);
        assertThat(view.followUps()).extracting(FollowUp::note).containsExactly("Tatt opp med rektor.", "Referatmal sendt ut.");
        assertThat(view.actionCode()).isEqualTo(DeviationAction.ROUTINE_CLARIFIED);
        assertThat(deviation.pendingEvents()).extracting(DomainEvent::getClass).containsExactly(
                LeadershipItemRegistered.class, LeadershipItemFollowedUp.class, LeadershipItemFollowedUp.class, LeadershipItemClosed.class);
        assertThat(((LeadershipItemFollowedUp) deviation.pendingEvents().get(2)).followUpNumber()).isEqualTo(2);
        assertThat(((LeadershipItemClosed) deviation.pendingEvents().get(3)).actionCode()).isEqualTo("ROUTINE_CLARIFIED");
    }

    @Test
    void impossibleStepsNameTheCurrentStatus() {
        LeadershipItem deviation = meetingWithoutMinutes();

        assertThatThrownBy(() -> deviation.close(DeviationAction.NO_ACTION_NEEDED, "x", "leader", LATE_EVENING))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.properties()).containsEntry("currentStatus", "REPORTED"));
        deviation.followUp("Sjekka.", "leader", LATE_EVENING);
        deviation.close(DeviationAction.NO_ACTION_NEEDED, "Ikkje eit avvik.", "leader", LATE_EVENING);
        assertThatThrownBy(() -> deviation.recategorise(DeviationCategory.OTHER, LATE_EVENING))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.properties()).containsEntry("currentStatus", "CLOSED"));
        assertThatThrownBy(() -> deviation.followUp("Meir", "leader", LATE_EVENING)).isInstanceOf(ProblemException.class);
    }

    @Test
    void refusesTextThatIdentifiesAChild() {
        assertThatThrownBy(() -> LeadershipItem.reportDeviation("1547", "m", DeviationCategory.OTHER, "SCHOOL", null, "Eleven 01020312345", LocalDate.of(2026, 11, 20), LATE_EVENING))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.properties()).containsEntry("field", "whatHappened"));
        LeadershipItem deviation = meetingWithoutMinutes();
        deviation.followUp("Sjekka.", "leader", LATE_EVENING);
        assertThatThrownBy(() -> deviation.close(DeviationAction.ROUTINE_CLARIFIED, "Gjeld barn fødd 01.02.15", "leader", LATE_EVENING))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.properties()).containsEntry("field", "actionTaken"));
        assertThat(deviation.asDeviation().status()).isEqualTo(DeviationStatus.FOLLOWED_UP);
    }
}
