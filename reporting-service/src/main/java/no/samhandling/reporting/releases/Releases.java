package no.samhandling.reporting.releases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import no.samhandling.platform.cluster.ClusterJobs;
import no.samhandling.reporting.projection.Counters;
import no.samhandling.reporting.projection.Generation;
import no.samhandling.reporting.projection.Generations;
import no.samhandling.reporting.projection.Metric;
import no.samhandling.reporting.projection.ProjectionConsumers;

/**
 * Publishes and serves releases. Figures leave the service only through them: a month is published
 * once it has closed (its last day over, and the delay passed, so that late events are in), a
 * half-year right after its last month, a year right after its autumn half. Each is computed once
 * from the current projection generation, once that has read everything on the topics, protected
 * with everything published earlier in the year, stored, and never made again. Publishing runs on a
 * schedule and, for a municipality, before any of its figures are read, always in publication order.
 */
@Service
@EnableScheduling
public class Releases {

    private static final Logger log = LoggerFactory.getLogger(Releases.class);

    private final Generations generations;
    private final CounterReader counters;
    private final ReleaseStore store;
    private final Clock clock;
    private final ReleaseBuilder builder;
    private final int threshold;
    private final Duration closeDelay;
    private final RunningMonth.Mode runningMode;
    private final long runningStep;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final ClusterJobs jobs;
    private final ProjectionConsumers projection;
    private final Duration publishEvery;

    Releases(Generations generations, ProjectionConsumers projection, CounterReader counters, ReleaseStore store, Clock clock,
            @Value("${samhandling.reporting.suppression-threshold:5}") int threshold,
            @Value("${samhandling.reporting.minimum-breakdown-total:10}") int minimumBreakdown,
            @Value("${samhandling.reporting.releases.month-close-delay:P5D}") Duration closeDelay,
            @Value("${samhandling.reporting.releases.running-month:COARSE}") RunningMonth.Mode runningMode,
            @Value("${samhandling.reporting.releases.running-month-step:10}") long runningStep, ClusterJobs jobs,
            @Value("${samhandling.reporting.releases.publish-every:PT15M}") Duration publishEvery) {
        this.generations = generations;
        this.projection = projection;
        this.counters = counters;
        this.store = store;
        this.clock = clock;
        this.threshold = threshold;
        this.builder = new ReleaseBuilder(threshold, minimumBreakdown);
        this.closeDelay = closeDelay;
        this.runningMode = runningMode;
        this.runningStep = runningStep;
        this.jobs = jobs;
        this.publishEvery = publishEvery;
    }

    public int threshold() {
        return threshold;
    }

    @Scheduled(initialDelayString = "${samhandling.reporting.releases.publish-every:PT15M}",
            fixedDelayString = "${samhandling.reporting.releases.publish-every:PT15M}")
    void publishEverythingDue() {
        // One instance at a time; should two still race on a release, the store keeps the first (see publishYear).
        jobs.runOnce("reporting-publish-releases", publishEvery, this::publishEverythingDueHere);
    }

    private void publishEverythingDueHere() {
        for (String municipality : counters.municipalities(generations.current())) {
            try {
                publishDue(municipality);
            } catch (RuntimeException e) {
                log.warn("Publishing the releases of municipality {} failed, will retry: {}", municipality, e.toString());
            }
        }
    }

    /** Publishes every release of the municipality that is due and not yet made, in publication order. */
    public void publishDue(String municipality) {
        synchronized (locks.computeIfAbsent(municipality, key -> new Object())) {
            Generation generation = generations.current();
            String first = counters.firstMonth(generation, municipality);
            if (first == null) {
                return;
            }
            Instant now = clock.instant();
            int firstYear = Integer.parseInt(first.substring(0, 4));
            int thisYear = now.atZone(Counters.OSLO).getYear();
            for (int year = firstYear; year <= thisYear; year++) {
                // Every closed month of a year with figures, also those before the first figure: a half-year is made of its months.
                List<ReleasePeriod> due = new ArrayList<>();
                for (ReleasePeriod period : ReleasePeriod.ofYear(year)) {
                    if (!period.closesAt(closeDelay).isAfter(now)) {
                        due.add(period);
                    }
                }
                if (due.isEmpty()) {
                    continue;
                }
                List<String> done = store.releases(municipality, year).stream().map(Release::period).toList();
                if (due.stream().allMatch(period -> done.contains(period.code()))) {
                    continue;
                }
                if (!projection.caughtUp()) {
                    log.info("Releases of municipality {} are due, but the figures are still catching up with the topics", municipality);
                    return;
                }
                publishYear(municipality, year, due, store.stored(municipality, year), generation, now);
            }
        }
    }

    private void publishYear(String municipality, int year, List<ReleasePeriod> due, List<ReleaseBuilder.Stored> published,
            Generation generation, Instant now) {
        YearCounters yearCounters = YearCounters.read(counters, generation, municipality, year);
        Map<String, Long> openAtStart = openAtStart(municipality, year, yearCounters);
        Map<Integer, Long> running = store.runningLowerBounds(municipality, year);
        List<ReleaseBuilder.Stored> earlier = new ArrayList<>(published);
        for (ReleasePeriod period : due) {
            if (earlier.stream().anyMatch(stored -> stored.release().period().equals(period.code()))) {
                continue;
            }
            long started = System.nanoTime();
            ReleaseBuilder.Stored made = builder.build(municipality, period, now, yearCounters, earlier, openAtStart, running);
            if (!store.insert(made)) {
                // Another instance published it first: build on theirs.
                earlier = new ArrayList<>(store.stored(municipality, year));
                continue;
            }
            earlier.add(made);
            log.info("Published the release {} of municipality {} in {} ms", period.code(), municipality,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** The backlog when the year began: as the previous year's autumn release counted it, or from the counters. */
    private Map<String, Long> openAtStart(String municipality, int year, YearCounters counts) {
        Map<String, Long> open = new LinkedHashMap<>(counts.openAtStart());
        List<ReleaseBuilder.Stored> previous = store.stored(municipality, year - 1);
        String autumn = ReleasePeriod.half(year - 1, 1).code();
        previous.stream().filter(stored -> stored.release().period().equals(autumn)).findFirst().ifPresent(stored -> {
            open.clear();
            String suffix = "|" + autumn;
            stored.cells().forEach((id, value) -> {
                String prefix = ReleaseTables.BACKLOG + "|";
                if (id.startsWith(prefix) && id.endsWith(suffix)) {
                    String arena = id.substring(prefix.length(), id.length() - suffix.length());
                    if (!arena.equals(ReleaseTables.TOTAL)) {
                        open.put(arena, value);
                    }
                }
            });
        });
        return open;
    }

    /** The published releases of a year, after publishing whatever is due. */
    public List<Release> ofYear(String municipality, int year) {
        publishDue(municipality);
        return store.releases(municipality, year);
    }

    public Optional<Release> release(String municipality, ReleasePeriod period) {
        publishDue(municipality);
        return store.release(municipality, period.code());
    }

    /** When a period's release is made. */
    public Instant publishedFrom(ReleasePeriod period) {
        return period.closesAt(closeDelay);
    }

    /** The running month as leaders see it: coarse and the same all day, or only when it will be published. */
    public RunningMonth runningMonth(String municipality) {
        // As precise as it is stored, so that the first read of the day and every later one are the same.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ReleasePeriod month = ReleasePeriod.monthOf(now);
        Instant publishedFrom = publishedFrom(month);
        if (runningMode == RunningMonth.Mode.HIDDEN) {
            return new RunningMonth(month.code(), now, null, null, publishedFrom);
        }
        LocalDate day = now.atZone(Counters.OSLO).toLocalDate();
        long cases = counters.monthly(generations.current(), municipality, Metric.REFERRALS_BY_ARENA, month.year()).values().stream()
                .mapToLong(counts -> counts[month.index()]).sum();
        long atLeast = cases / runningStep * runningStep;
        RunningMonth today = atLeast > 0 ? new RunningMonth(month.code(), now, atLeast, null, publishedFrom)
                : new RunningMonth(month.code(), now, null, runningStep, publishedFrom);
        return store.runningMonth(municipality, day.toString(), today);
    }
}
