package no.samhandling.events;

import java.util.List;

/** One topic per aggregate kind, keyed by aggregate id so that each aggregate's events stay in order. */
public final class Topics {

    public static final String ARENA_EVENTS = "arena.events";
    public static final String REFERRAL_EVENTS = "referral.events";
    public static final String CONSENT_EVENTS = "consent.events";
    public static final String NOTIFICATION_EVENTS = "notification.events";

    public static final List<String> ALL = List.of(ARENA_EVENTS, REFERRAL_EVENTS, CONSENT_EVENTS, NOTIFICATION_EVENTS);

    /** The dead-letter topic for records a consumer group could not handle. */
    public static String deadLetterTopic(String topic, String group) {
        return topic + "." + group + ".dlq";
    }

    private Topics() {
    }
}
