package no.samhandling.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import no.samhandling.events.arena.ArenaRegistered;
import no.samhandling.events.arena.MeetingCancelled;
import no.samhandling.events.arena.MeetingRescheduled;
import no.samhandling.events.arena.MeetingScheduled;
import no.samhandling.events.arena.MinutesItem;
import no.samhandling.events.arena.MinutesRecorded;
import no.samhandling.events.consent.ConsentGranted;
import no.samhandling.events.notification.NotificationFailed;
import no.samhandling.events.referral.DeviationFollowedUp;
import no.samhandling.events.referral.DeviationRecategorised;
import no.samhandling.events.referral.DiscussionBasis;
import no.samhandling.events.referral.ReferralEscalated;
import no.samhandling.events.referral.ReferralReturned;
import no.samhandling.events.referral.ReferralSubmitted;
import no.samhandling.events.referral.SystemCaseFollowedUp;

/** Every record guards its envelope and its own rules when constructed, whoever constructs it. */
class EventInvariantsTest {

    static Stream<String> types() {
        return EventCatalogue.all().stream().map(EventDefinition::type);
    }

    @ParameterizedTest
    @MethodSource("types")
    void recordRejectsAMalformedMunicipality(String type) {
        DomainEvent event = GoldenFixtures.event(type);

        assertThatThrownBy(() -> copy(event, "municipality", "154")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> copy(event, "municipality", "15470")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> copy(event, "municipality", "Aukra")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> copy(event, "municipality", null)).isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest
    @MethodSource("types")
    void recordRejectsABlankAggregateId(String type) {
        DomainEvent event = GoldenFixtures.event(type);

        assertThatThrownBy(() -> copy(event, "aggregateId", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> copy(event, "aggregateId", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> copy(event, "aggregateId", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @MethodSource("types")
    void recordAcceptsAnotherMunicipality(String type) throws Throwable {
        DomainEvent event = GoldenFixtures.event(type);

        assertThat(copy(event, "municipality", "5020").municipality()).isEqualTo("5020");
    }

    @ParameterizedTest
    @MethodSource("types")
    void recordListsAreImmutable(String type) throws Throwable {
        DomainEvent event = GoldenFixtures.event(type);
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            if (component.getType() == List.class) {
                List<?> list = (List<?>) component.getAccessor().invoke(event);
                assertThatThrownBy(list::clear).as(component.getName()).isInstanceOf(UnsupportedOperationException.class);
            }
        }
    }

    @Test
    void absentListIsEmpty() throws Throwable {
        MeetingScheduled scheduled = GoldenFixtures.event(MeetingScheduled.class);
        ArenaRegistered registered = GoldenFixtures.event(ArenaRegistered.class);

        assertThat(((MeetingScheduled) copy(scheduled, "participantUserIds", null)).participantUserIds()).isEmpty();
        assertThat(((ArenaRegistered) copy(registered, "parties", null)).parties()).isEmpty();
    }

    @Test
    void recordCopiesTheListItIsGiven() throws Throwable {
        MeetingScheduled scheduled = GoldenFixtures.event(MeetingScheduled.class);
        List<String> participants = new ArrayList<>(scheduled.participantUserIds());

        MeetingScheduled copy = (MeetingScheduled) copy(scheduled, "participantUserIds", participants);
        participants.add("someone-else");

        assertThat(copy.participantUserIds()).isEqualTo(scheduled.participantUserIds());
    }

    @Test
    void namedReferralNeedsASubjectAndAConsent() {
        ReferralSubmitted named = GoldenFixtures.event(ReferralSubmitted.class);

        assertThatThrownBy(() -> copy(named, "consentId", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> copy(named, "subjectId", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anonymousReferralCarriesNoSubject() throws Throwable {
        ReferralSubmitted named = GoldenFixtures.event(ReferralSubmitted.class);

        assertThatThrownBy(() -> copy(named, "basis", DiscussionBasis.ANONYMOUS)).isInstanceOf(IllegalArgumentException.class);
        Map<String, Object> anonymously = new HashMap<>();
        anonymously.put("basis", DiscussionBasis.ANONYMOUS);
        anonymously.put("subjectId", null);
        anonymously.put("consentId", null);
        assertThat(((ReferralSubmitted) copy(named, anonymously)).subjectId()).isNull();
    }

    @Test
    void codeFieldRejectsFreeText() {
        ReferralReturned returned = GoldenFixtures.event(ReferralReturned.class);

        assertThatThrownBy(() -> copy(returned, "reasonCode", "Foreldra vil ikkje")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> copy(returned, "reasonCode", "measures_not_tried")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> copy(returned, "reasonCode", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void meetingEndsAfterItStarts() {
        MeetingScheduled scheduled = GoldenFixtures.event(MeetingScheduled.class);

        assertThatThrownBy(() -> copy(scheduled, "endsAt", scheduled.startsAt())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void changedOrCancelledMeetingRaisesTheCalendarSequence() {
        MeetingRescheduled rescheduled = GoldenFixtures.event(MeetingRescheduled.class);
        MeetingCancelled cancelled = GoldenFixtures.event(MeetingCancelled.class);

        assertThatThrownBy(() -> copy(rescheduled, "sequence", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> copy(cancelled, "sequence", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void minutesCountOfItemsWithoutAssignmentMustMatchTheItems() {
        MinutesRecorded minutes = GoldenFixtures.event(MinutesRecorded.class);

        assertThat(minutes.itemsWithoutAssignment()).isEqualTo(2);
        assertThatThrownBy(() -> copy(minutes, "itemsWithoutAssignment", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void responsibilityAssignmentNamesWhoIsResponsible() {
        assertThatThrownBy(() -> new MinutesItem("r-1", "RESPONSIBILITY_ASSIGNED", true, null, null, LocalDate.of(2027, 1, 15), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new MinutesItem("r-1", "RESPONSIBILITY_ASSIGNED", true, null, "PPT", null, null).responsibleService())
                .isEqualTo("PPT");
    }

    @Test
    void referralIsEscalatedToAnotherArena() {
        ReferralEscalated escalated = GoldenFixtures.event(ReferralEscalated.class);

        assertThatThrownBy(() -> copy(escalated, "targetArenaId", escalated.arenaId())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recategorisedDeviationChangedItsCategory() {
        DeviationRecategorised recategorised = GoldenFixtures.event(DeviationRecategorised.class);

        assertThatThrownBy(() -> copy(recategorised, "previousCategoryCode", recategorised.categoryCode()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void followUpsAreCountedFromOne() {
        SystemCaseFollowedUp caseFollowedUp = GoldenFixtures.event(SystemCaseFollowedUp.class);
        DeviationFollowedUp deviationFollowedUp = GoldenFixtures.event(DeviationFollowedUp.class);

        assertThatThrownBy(() -> copy(caseFollowedUp, "followUpNumber", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> copy(deviationFollowedUp, "followUpNumber", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void consentCoversAtLeastOneArenaWithinItsPeriod() {
        ConsentGranted granted = GoldenFixtures.event(ConsentGranted.class);

        assertThatThrownBy(() -> copy(granted, "arenaIds", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> copy(granted, "validTo", granted.validFrom().minusDays(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void failedNotificationWasAttemptedAtLeastOnce() {
        NotificationFailed failed = GoldenFixtures.event(NotificationFailed.class);

        assertThatThrownBy(() -> copy(failed, "attempts", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static DomainEvent copy(DomainEvent event, String component, Object value) throws Throwable {
        Map<String, Object> replacement = new HashMap<>();
        replacement.put(component, value);
        return copy(event, replacement);
    }

    /** A copy of the record with some components replaced, through its canonical constructor. */
    private static DomainEvent copy(DomainEvent event, Map<String, Object> replacements) throws Throwable {
        RecordComponent[] components = event.getClass().getRecordComponents();
        assertThat(components).extracting(RecordComponent::getName).containsAll(replacements.keySet());
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            arguments[i] = replacements.containsKey(name) ? replacements.get(name) : components[i].getAccessor().invoke(event);
        }
        Class<?>[] parameterTypes = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            return (DomainEvent) event.getClass().getDeclaredConstructor(parameterTypes).newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
