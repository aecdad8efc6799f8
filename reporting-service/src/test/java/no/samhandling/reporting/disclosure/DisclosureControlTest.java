package no.samhandling.reporting.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisclosureControlTest {

    private final DisclosureControl control = new DisclosureControl(5);

    @Test
    void aCountFromOneToFourIsTooSmallButZeroAndFiveAreNot() {
        assertThat(control.tooSmall(0)).isFalse();
        assertThat(control.tooSmall(1)).isTrue();
        assertThat(control.tooSmall(4)).isTrue();
        assertThat(control.tooSmall(5)).isFalse();
    }

    @Test
    void aShareIsHiddenWhenEitherPartIsSmallAndMissingWithoutADenominator() {
        assertThat(control.rate(3, 100).flag()).isEqualTo(Flag.SUPPRESSED);
        assertThat(control.rate(97, 100).flag()).isEqualTo(Flag.SUPPRESSED);
        assertThat(control.rate(10, 100)).isEqualTo(Cell.shown(0.1));
        assertThat(control.rate(0, 0).flag()).isEqualTo(Flag.MISSING);
    }

    @Test
    void aStatisticOfFewerObservationsThanTheThresholdIsHidden() {
        assertThat(control.statistic(12.0, 4).flag()).isEqualTo(Flag.SUPPRESSED);
        assertThat(control.statistic(12.0, 5)).isEqualTo(Cell.shown(12.0));
        assertThat(control.statistic(null, 0).flag()).isEqualTo(Flag.MISSING);
    }
}
