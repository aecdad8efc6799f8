package no.samhandling.referral.deviations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.referral.DeviationClosed;
import no.samhandling.events.referral.DeviationFollowedUp;
import no.samhandling.events.referral.DeviationRecategorised;
import no.samhandling.events.referral.DeviationReported;
import no.samhandling.platform.web.ProblemException;

class DeviationTest {

    /** 23:30 in Oslo on 23 November, already 24 November there. */
    static final Instant LATE_EVENING = Instant.parse("2026-11-23T23:30:00Z");

    static Deviation meetingWithoutMinutes() {
        return Deviation.report("1547", "member", DeviationCategory.MEETING_WITHOUT_MINUTES, "SCHOOL", null,
                "Møtet i lokalt team vart halde utan referat.", LocalDate.of(2026, 11, 20), LATE_EVENING);
    }

    @Test
    void reportsWithCategoryAndUnitTypeInTheEventButNotTheText() {
        Deviation deviation = meetingWithoutMinutes();

        assertThat(deviation.view().status()).isEqualTo(Deviation.Status.REPORTED);
        assertThat(deviation.pendingEvents()).singleElement().isInstanceOfSatisfying(DeviationReported.class, event -> {
            assertThat(event.categoryCode()).isEqualTo("MEETING_WITHOUT_MINUTES");
            assertThat(event.unitType()).isEqualTo("SCHOOL");
        });
    }

    @Test
    void incidentDateIsAnOsloDayNotAfterToday() {
        Deviation today = Deviation.report("1547", "m", DeviationCategory.OTHER, "SCHOOL", null, "x", LocalDate.of(2026, 11, 24), LATE_EVENING);

        assertThat(today.view().occurredOn()).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThatThrownBy(() -> Deviation.report("1547", "m", DeviationCategory.OTHER, "SCHOOL", null, "x", LocalDate.of(2026, 11, 25), LATE_EVENING))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.properties()).containsEntry("field", "occurredOn"));
    }

    @Test
    void leadersRecategoriseAndTheEventNamesBothCategories() {
        Deviation deviation = meetingWithoutMinutes();

        deviation.recategorise(DeviationCategory.RESPONSIBILITY_NOT_ASSIGNED, LATE_EVENING);
        deviation.recategorise(DeviationCategory.RESPONSIBILITY_NOT_ASSIGNED, LATE_EVENING);

        assertThat(deviation.view().category()).isEqualTo(DeviationCategory.RESPONSIBILITY_NOT_ASSIGNED);
        assertThat(deviation.pendingEvents()).filteredOn(DeviationRecategorised.class::isInstance).singleElement()
                .isInstanceOfSatisfying(DeviationRecategorised.class, event -> {
                    assertThat(event.previousCategoryCode()).isEqualTo("MEETING_WITHOUT_MINUTES");
                    assertThat(event.categoryCode()).isEqualTo("RESPONSIBILITY_NOT_ASSIGNED");
                });
    }

    @Test
    void goesFromReportedThroughFollowUpsToClosedWithTheActionTaken() {
        Deviation deviation = meetingWithoutMinutes();

        deviation.followUp("Tatt opp med rektor.", "leader", LATE_EVENING);
        deviation.followUp("Referatmal sendt ut.", "leader", LATE_EVENING.plusSeconds(60));
        deviation.close(DeviationAction.ROUTINE_CLARIFIED, "Rutinen for referat er gjort kjend for alle møteleiarar.", "leader", LATE_EVENING);

        DeviationView view = deviation.view();
        assertThat(view.status()).isEqualTo(Deviation.Status.CLOSED);
        assertThat(view.followUps()).extracting(FollowUp::note).containsExactly("Tatt opp med rektor.", "Referatmal sendt ut.");
        assertThat(view.actionCode()).isEqualTo(DeviationAction.ROUTINE_CLARIFIED);
        assertThat(deviation.pendingEvents()).extracting(DomainEvent::getClass).containsExactly(
                DeviationReported.class, DeviationFollowedUp.class, DeviationFollowedUp.class, DeviationClosed.class);
        assertThat(((DeviationFollowedUp) deviation.pendingEvents().get(2)).followUpNumber()).isEqualTo(2);
        assertThat(((DeviationClosed) deviation.pendingEvents().get(3)).actionCode()).isEqualTo("ROUTINE_CLARIFIED");
    }

    @Test
    void impossibleStepsNameTheCurrentStatus() {
        Deviation deviation = meetingWithoutMinutes();

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
        assertThatThrownBy(() -> Deviation.report("1547", "m", DeviationCategory.OTHER, "SCHOOL", null, "Eleven 01020312345", LocalDate.of(2026, 11, 20), LATE_EVENING))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.properties()).containsEntry("field", "whatHappened"));
        Deviation deviation = meetingWithoutMinutes();
        deviation.followUp("Sjekka.", "leader", LATE_EVENING);
        assertThatThrownBy(() -> deviation.close(DeviationAction.ROUTINE_CLARIFIED, "Gjeld barn fødd 01.02.15", "leader", LATE_EVENING))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.properties()).containsEntry("field", "actionTaken"));
        assertThat(deviation.view().status()).isEqualTo(Deviation.Status.FOLLOWED_UP);
    }
}
