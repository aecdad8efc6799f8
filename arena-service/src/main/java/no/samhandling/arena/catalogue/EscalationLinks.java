package no.samhandling.arena.catalogue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The escalation links of one municipality's active arenas, by external key, as they would be after a write.
 * A case escalated along the links must reach an arena that takes it, so a link must point at an active arena
 * of the same municipality and must never lead back to where it started.
 */
final class EscalationLinks {

    /** Why a link is refused; the message key names the problem for the client. */
    enum Fault {
        UNKNOWN("arena.escalation.unknown"),
        SELF("arena.escalation.self"),
        CYCLE("arena.escalation.cycle");

        final String messageKey;

        Fault(String messageKey) {
            this.messageKey = messageKey;
        }
    }

    private final Map<String, String> targetByKey = new HashMap<>();
    private final Set<String> activeKeys = new HashSet<>();

    /** Adds or replaces an active arena and its link (null when it escalates nowhere). */
    EscalationLinks put(String key, String escalatesTo) {
        activeKeys.add(key);
        if (escalatesTo == null) {
            targetByKey.remove(key);
        } else {
            targetByKey.put(key, escalatesTo);
        }
        return this;
    }

    /** The fault of the link leaving {@code key}, or null when it is sound or absent. */
    Fault faultOf(String key) {
        String target = targetByKey.get(key);
        if (target == null) {
            return null;
        }
        if (target.equals(key)) {
            return Fault.SELF;
        }
        if (!activeKeys.contains(target)) {
            return Fault.UNKNOWN;
        }
        Set<String> seen = new HashSet<>();
        for (String next = target; next != null && seen.add(next); next = targetByKey.get(next)) {
            if (next.equals(key)) {
                return Fault.CYCLE;
            }
        }
        return null;
    }
}
