package no.samhandling.events;

import java.util.List;
import java.util.Map;

/** One topic per aggregate kind, keyed by aggregate id so that each aggregate's events stay in order. */
public final class Topics {

    public static final String ARENA_EVENTS = "arena.events";
    public static final String REFERRAL_EVENTS = "referral.events";
    public static final String CONSENT_EVENTS = "consent.events";
    public static final String NOTIFICATION_EVENTS = "notification.events";
    /**
     * The leaders' registers (deviations and system cases) as one leadership-item model. Written by
     * referral-service; until the transition ends these items' older events still sit on
     * {@link #REFERRAL_EVENTS}, so consumers read both (README, "Leadership items").
     */
    public static final String LEADERSHIP_EVENTS = "leadership.events";

    public static final List<String> ALL = List.of(ARENA_EVENTS, REFERRAL_EVENTS, CONSENT_EVENTS, NOTIFICATION_EVENTS, LEADERSHIP_EVENTS);

    /**
     * The one service that writes each topic, through its outbox. Consumers refuse a record whose
     * {@code ce_source} is not {@link #source(String) the source} of its topic's owner, so that a
     * record written by anyone else (a forged {@code consent.subject-erased.v1}) changes nothing.
     */
    private static final Map<String, String> OWNERS = Map.of(
            ARENA_EVENTS, "arena-service",
            REFERRAL_EVENTS, "referral-service",
            CONSENT_EVENTS, "consent-service",
            NOTIFICATION_EVENTS, "notification-service",
            LEADERSHIP_EVENTS, "referral-service");

    /** The service that owns the topic: the only one that writes it. */
    public static String owner(String topic) {
        String owner = OWNERS.get(topic);
        if (owner == null) {
            throw new IllegalArgumentException("No event topic " + topic);
        }
        return owner;
    }

    /** The CloudEvents {@code ce_source} of a service's events: {@code /samhandling/<service>}. */
    public static String source(String service) {
        return "/samhandling/" + service;
    }

    /** The dead-letter topic for records a consumer group could not handle. */
    public static String deadLetterTopic(String topic, String group) {
        return topic + "." + group + ".dlq";
    }

    private Topics() {
    }
}
