package no.samhandling.events.leadership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The one rule both registers share on the wire: a deviation names its unit type, a system case has none. */
class LeadershipItemEventsTest {

    private static final Instant NOW = Instant.parse("2027-03-02T09:14:05Z");

    @Test
    void aDeviationNamesTheKindOfUnitThatReportedIt() {
        assertThatThrownBy(() -> registered(LeadershipItemKind.DEVIATION, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("unitType");
        assertThat(registered(LeadershipItemKind.DEVIATION, "SCHOOL").unitType()).isEqualTo("SCHOOL");
    }

    @Test
    void aSystemCaseHasNoUnitType() {
        assertThatThrownBy(() -> registered(LeadershipItemKind.SYSTEM_CASE, "SCHOOL"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unitType");
        assertThat(registered(LeadershipItemKind.SYSTEM_CASE, null).kind()).isEqualTo(LeadershipItemKind.SYSTEM_CASE);
    }

    @Test
    void everyEventNamesItsKind() {
        assertThatThrownBy(() -> new LeadershipItemClosed(UUID.randomUUID(), NOW, "1547", "item-1", null,
                "ROUTINES", null, null, "ROUTINE_CLARIFIED"))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("kind");
    }

    private static LeadershipItemRegistered registered(LeadershipItemKind kind, String unitType) {
        return new LeadershipItemRegistered(UUID.randomUUID(), NOW, "1547", "item-1", kind, "MISSED_FOLLOW_UP", unitType, null);
    }
}
