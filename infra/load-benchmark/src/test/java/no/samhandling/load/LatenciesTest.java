package no.samhandling.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void nearestRankPercentilesOfAHundredValues() {
        Latencies latencies = new Latencies();
        // Added out of order, from 1 to 100 ms.
        IntStream.rangeClosed(1, 100).map(i -> 101 - i).forEach(ms -> latencies.add(ms * 1_000_000L));

        Latencies.Summary summary = latencies.summary();

        assertThat(summary.count()).isEqualTo(100);
        assertThat(summary.p50Nanos()).isEqualTo(50_000_000);
        assertThat(summary.p95Nanos()).isEqualTo(95_000_000);
        assertThat(summary.p99Nanos()).isEqualTo(99_000_000);
        assertThat(summary.maxNanos()).isEqualTo(100_000_000);
    }

    @Test
    void aFewSlowValuesShowInTheTailNotTheMedian() {
        Latencies latencies = new Latencies();
        IntStream.range(0, 990).forEach(i -> latencies.add(5_000_000));
        IntStream.range(0, 10).forEach(i -> latencies.add(2_000_000_000));

        Latencies.Summary summary = latencies.summary();

        assertThat(summary.p50Nanos()).isEqualTo(5_000_000);
        assertThat(summary.p99Nanos()).isEqualTo(5_000_000);
        assertThat(Latencies.percentile(new long[] {1, 2}, 99)).isEqualTo(2);
        assertThat(summary.maxNanos()).isEqualTo(2_000_000_000);
        assertThat(summary.format()).isEqualTo("p50 5.0 ms  p95 5.0 ms  p99 5.0 ms  max 2000 ms  (n=1000)");
    }

    @Test
    void nothingMeasuredSaysSo() {
        assertThat(new Latencies().summary().format()).isEqualTo("none measured");
    }

    @Test
    void growsPastItsFirstCapacityFromManyThreads() {
        Latencies latencies = new Latencies();
        IntStream.range(0, 10_000).parallel().forEach(i -> latencies.add(i));

        assertThat(latencies.summary().count()).isEqualTo(10_000);
        assertThat(latencies.summary().maxNanos()).isEqualTo(9_999);
    }
}
