package no.samhandling.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ScheduleTest {

    @Test
    void spacesTheRequestsEvenlyAtTheRateForTheWholeDuration() {
        Schedule schedule = new Schedule(100, Duration.ofSeconds(60));

        assertThat(schedule.count()).isEqualTo(6000);
        assertThat(schedule.dueNanos(0)).isZero();
        assertThat(schedule.dueNanos(1)).isEqualTo(10_000_000);
        assertThat(schedule.dueNanos(5999)).isEqualTo(59_990_000_000L);
    }

    @Test
    void dueTimesDoNotDriftAtARateThatDoesNotDivideASecond() {
        Schedule schedule = new Schedule(3, Duration.ofSeconds(10));

        assertThat(schedule.count()).isEqualTo(30);
        assertThat(schedule.dueNanos(1)).isEqualTo(333_333_333);
        assertThat(schedule.dueNanos(3)).isEqualTo(1_000_000_000);
        assertThat(schedule.dueNanos(29)).isEqualTo(9_666_666_667L);
    }

    @Test
    void refusesANonPositiveRateOrDuration() {
        assertThatThrownBy(() -> new Schedule(0, Duration.ofSeconds(1))).hasMessageContaining("--rate");
        assertThatThrownBy(() -> new Schedule(Double.NaN, Duration.ofSeconds(1))).hasMessageContaining("--rate");
        assertThatThrownBy(() -> new Schedule(10, Duration.ZERO)).hasMessageContaining("--duration");
    }
}
