package no.samhandling.reporting.releases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import no.samhandling.events.DomainEvent;
import no.samhandling.reporting.testdata.EventMother;

class ProfileTmpTest {
    @Test
    void profile() {
        List<DomainEvent> events = new ArrayList<>(EventMother.year("1599", 2025, 12, 2, 5L));
        events.addAll(EventMother.year("1599", 2026, 25, 2, 6L));
        YearCounters counters = YearOfReleases.counters(events, "1599", 2026);
        ReleaseBuilder builder = new ReleaseBuilder(5, 10);
        List<ReleaseBuilder.Stored> published = new ArrayList<>();
        for (ReleasePeriod period : ReleasePeriod.ofYear(2026)) {
            long t = System.nanoTime();
            published.add(builder.build("1599", period, Instant.now(), counters, published, counters.openAtStart(), Map.of()));
            long hidden = published.get(published.size() - 1).release().tables().stream().flatMap(tb -> tb.rows().stream()).filter(r -> !r.cell().isShown()).count();
            System.out.printf("PROFILE %s %d ms, hidden rows %d%n", period.code(), (System.nanoTime() - t) / 1_000_000, hidden);
        }
    }
}
