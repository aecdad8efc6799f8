package no.samhandling.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountedWatchTest {

    @Test
    void readsTheGenerationOfReportingsConsumerGroups() {
        assertThat(CountedWatch.generation("reporting-service.g1")).isEqualTo(1);
        assertThat(CountedWatch.generation("reporting-service.g12")).isEqualTo(12);
        assertThat(CountedWatch.generation("reporting-service")).isEqualTo(Integer.MAX_VALUE);
    }
}
