package no.samhandling.events;

import java.util.Objects;
import java.util.regex.Pattern;

/** Invariants every event record checks in its compact constructor. */
public final class Events {

    private static final Pattern KOMMUNENUMMER = Pattern.compile("\\d{4}");

    public static void requireEnvelope(Object eventId, Object occurredAt, String municipality, String aggregateId) {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(municipality, "municipality");
        if (!KOMMUNENUMMER.matcher(municipality).matches()) {
            throw new IllegalArgumentException("municipality must be a four-digit kommunenummer");
        }
        if (aggregateId == null || aggregateId.isBlank()) {
            throw new IllegalArgumentException("aggregateId must not be blank");
        }
    }

    private Events() {
    }
}
