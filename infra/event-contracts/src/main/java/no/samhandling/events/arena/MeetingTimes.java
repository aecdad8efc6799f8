package no.samhandling.events.arena;

import java.time.Instant;
import java.util.Objects;

/** Rules shared by the meeting events. */
final class MeetingTimes {

    static void check(Instant startsAt, Instant endsAt) {
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("a meeting must end after it starts");
        }
    }

    /** The calendar SEQUENCE: 0 when scheduled, raised by every later change so calendars replace the invitation. */
    static void checkSequence(int sequence, int minimum) {
        if (sequence < minimum) {
            throw new IllegalArgumentException("sequence must be at least " + minimum);
        }
    }

    private MeetingTimes() {
    }
}
