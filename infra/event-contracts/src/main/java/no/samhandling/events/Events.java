package no.samhandling.events;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** Invariants every event record checks in its compact constructor. */
public final class Events {

    private static final Pattern KOMMUNENUMMER = Pattern.compile("\\d{4}");

    /**
     * Codes are upper snake case. Enforcing the shape keeps free text, and with it personal data,
     * out of fields whose value set is open (reason codes, services, unit types).
     */
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

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

    /** A required code: present and upper snake case. */
    public static String requireCode(String code, String field) {
        Objects.requireNonNull(code, field);
        return checkCode(code, field);
    }

    /** An optional code: absent, or upper snake case. */
    public static String optionalCode(String code, String field) {
        return code == null ? null : checkCode(code, field);
    }

    /** An immutable copy of a list of codes, empty when absent. */
    public static List<String> copyCodes(List<String> codes, String field) {
        List<String> copy = codes == null ? List.of() : List.copyOf(codes);
        copy.forEach(code -> checkCode(code, field));
        return copy;
    }

    private static String checkCode(String code, String field) {
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException(field + " must be an upper snake case code");
        }
        return code;
    }

    private Events() {
    }
}
