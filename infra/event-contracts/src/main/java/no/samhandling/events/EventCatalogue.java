package no.samhandling.events;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.samhandling.events.arena.AgendaPublished;
import no.samhandling.events.arena.ArenaRegistered;
import no.samhandling.events.arena.ArenaRetired;
import no.samhandling.events.arena.ArenaUpdated;
import no.samhandling.events.arena.MeetingCancelled;
import no.samhandling.events.arena.MeetingRescheduled;
import no.samhandling.events.arena.MeetingScheduled;
import no.samhandling.events.arena.MemberJoined;
import no.samhandling.events.arena.MemberLeft;
import no.samhandling.events.arena.MinutesRecorded;
import no.samhandling.events.consent.ConsentExpired;
import no.samhandling.events.consent.ConsentGranted;
import no.samhandling.events.consent.ConsentLimited;
import no.samhandling.events.consent.ConsentWithdrawn;
import no.samhandling.events.consent.SubjectErased;
import no.samhandling.events.leadership.LeadershipItemClosed;
import no.samhandling.events.leadership.LeadershipItemFollowedUp;
import no.samhandling.events.leadership.LeadershipItemRecategorised;
import no.samhandling.events.leadership.LeadershipItemRegistered;
import no.samhandling.events.notification.NotificationFailed;
import no.samhandling.events.notification.NotificationSent;
import no.samhandling.events.referral.DeviationClosed;
import no.samhandling.events.referral.DeviationFollowedUp;
import no.samhandling.events.referral.DeviationRecategorised;
import no.samhandling.events.referral.DeviationReported;
import no.samhandling.events.referral.ReferralAccepted;
import no.samhandling.events.referral.ReferralAnonymised;
import no.samhandling.events.referral.ReferralClosed;
import no.samhandling.events.referral.ReferralDiscussed;
import no.samhandling.events.referral.ReferralEscalated;
import no.samhandling.events.referral.ReferralReturned;
import no.samhandling.events.referral.ReferralScheduled;
import no.samhandling.events.referral.ReferralSubmitted;
import no.samhandling.events.referral.ReferralWithdrawn;
import no.samhandling.events.referral.SystemCaseClosed;
import no.samhandling.events.referral.SystemCaseFollowedUp;
import no.samhandling.events.referral.SystemCaseRegistered;

/**
 * Every event type the platform knows, with the topic it travels on. The catalogue is the single
 * place that maps a logical type name to a Java record, so that consumers never see class names.
 */
public final class EventCatalogue {

    private static final Map<String, EventDefinition> BY_TYPE = new LinkedHashMap<>();
    private static final Map<Class<?>, EventDefinition> BY_CLASS = new LinkedHashMap<>();

    static {
        register(Topics.ARENA_EVENTS, List.of(
                ArenaRegistered.class,
                ArenaUpdated.class,
                ArenaRetired.class,
                MemberJoined.class,
                MemberLeft.class,
                MeetingScheduled.class,
                MeetingRescheduled.class,
                MeetingCancelled.class,
                AgendaPublished.class,
                MinutesRecorded.class));
        register(Topics.REFERRAL_EVENTS, List.of(
                ReferralSubmitted.class,
                ReferralAccepted.class,
                ReferralReturned.class,
                ReferralScheduled.class,
                ReferralDiscussed.class,
                ReferralEscalated.class,
                ReferralClosed.class,
                ReferralWithdrawn.class,
                ReferralAnonymised.class,
                SystemCaseRegistered.class,
                DeviationReported.class,
                SystemCaseFollowedUp.class,
                SystemCaseClosed.class,
                DeviationRecategorised.class,
                DeviationFollowedUp.class,
                DeviationClosed.class));
        register(Topics.CONSENT_EVENTS, List.of(
                ConsentGranted.class,
                ConsentLimited.class,
                ConsentWithdrawn.class,
                ConsentExpired.class,
                SubjectErased.class));
        register(Topics.NOTIFICATION_EVENTS, List.of(
                NotificationSent.class,
                NotificationFailed.class));
        register(Topics.LEADERSHIP_EVENTS, List.of(
                LeadershipItemRegistered.class,
                LeadershipItemRecategorised.class,
                LeadershipItemFollowedUp.class,
                LeadershipItemClosed.class));
    }

    private static void register(String topic, List<Class<? extends DomainEvent>> types) {
        for (Class<? extends DomainEvent> javaType : types) {
            EventType annotation = javaType.getAnnotation(EventType.class);
            if (annotation == null) {
                throw new IllegalStateException(javaType.getSimpleName() + " lacks @EventType");
            }
            EventDefinition definition = new EventDefinition(annotation.value(), topic, javaType);
            if (BY_TYPE.putIfAbsent(definition.type(), definition) != null) {
                throw new IllegalStateException("Duplicate event type " + definition.type());
            }
            BY_CLASS.put(javaType, definition);
        }
    }

    public static Collection<EventDefinition> all() {
        return BY_TYPE.values();
    }

    public static Optional<EventDefinition> byType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    public static EventDefinition of(Class<? extends DomainEvent> javaType) {
        EventDefinition definition = BY_CLASS.get(javaType);
        if (definition == null) {
            throw new IllegalArgumentException(javaType.getName() + " is not in the event catalogue");
        }
        return definition;
    }

    public static EventDefinition of(DomainEvent event) {
        return of(event.getClass());
    }

    private EventCatalogue() {
    }
}
