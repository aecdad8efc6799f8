package no.samhandling.events.leadership;

import java.util.Objects;

import no.samhandling.events.Events;

/** The invariants every leadership event shares, kept in one place so the four cannot drift apart. */
final class LeadershipItems {

    /** A deviation always names the kind of unit that reported it; a system case never does. */
    static void requireItem(LeadershipItemKind kind, String categoryCode, String unitType) {
        Objects.requireNonNull(kind, "kind");
        Events.requireCode(categoryCode, "categoryCode");
        if (kind == LeadershipItemKind.DEVIATION) {
            Events.requireCode(unitType, "unitType");
        } else if (unitType != null) {
            throw new IllegalArgumentException("unitType belongs to deviations only");
        }
    }

    private LeadershipItems() {
    }
}
