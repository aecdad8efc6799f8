package no.samhandling.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventCatalogue;
import no.samhandling.events.Topics;
import no.samhandling.events.leadership.LeadershipItemKind;
import no.samhandling.events.leadership.LeadershipItemRegistered;
import no.samhandling.events.arena.MinutesRecorded;
import no.samhandling.events.consent.ConsentGranted;
import no.samhandling.events.referral.ReferralDiscussed;
import no.samhandling.events.referral.ReferralSubmitted;
import no.samhandling.platform.events.CloudEventCodec;
import no.samhandling.platform.test.HttpApi;
import no.samhandling.platform.test.TestProducer;
import no.samhandling.platform.test.TestTokens;
import no.samhandling.platform.test.TopicProbe;
import no.samhandling.reporting.testdata.EventMother;
import no.samhandling.reporting.testdata.LeadershipTransition;

/** The projections fed through the real broker from all five topics, read back from the counters and through the released figures, and rebuilt. */
@ExtendWith(OutputCaptureExtension.class)
abstract class ProjectionComponentTest {

    private static final int YEAR = 2025;

    @LocalServerPort
    int port;

    @Autowired
    KafkaConnectionDetails kafka;

    @Autowired
    CloudEventCodec codec;

    @Autowired
    ProjectionConsumers runner;

    @Autowired
    Generations generations;

    TestProducer producer;

    @BeforeEach
    void producer() {
        producer = new TestProducer(bootstrapServers());
    }

    @AfterEach
    void close() {
        producer.close();
    }

    @Test
    void projectsEventsFromAllFiveTopicsIntoFiguresAndCountsARedeliveryOnce() {
        String municipality = "1505";
        List<DomainEvent> events = EventMother.year(municipality, YEAR, 240, 5, 7L);
        events.forEach(this::send);
        // Redeliveries of the same events change nothing.
        events.subList(0, 40).forEach(this::send);
        List<DomainEvent> markers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            markers.add(EventMother.submitted(municipality, "arena-marker", UUID.randomUUID().toString(), EventMother.at(YEAR, 11, 30)));
        }
        markers.forEach(this::send);
        List<DomainEvent> all = new ArrayList<>(events);
        all.addAll(markers);
        // Every counter as the events project them, notifications included, and no redelivery counted twice.
        ProjectedCounters.awaitProjected(runner, generations, all);

        HttpApi leader = HttpApi.at(port).as(TestTokens.token("leader", municipality, "LEADER"));
        JsonNode report = leader.get("/reports/figures?year=" + YEAR).json();
        // An escalation's submission in the arena above is the same case, not a new one.
        long submitted = events.stream().filter(ReferralSubmitted.class::isInstance).map(ReferralSubmitted.class::cast)
                .filter(referral -> referral.escalatedFrom() == null).count() + 5;
        assertThat(total(report, "referralsByArena")).isEqualTo(submitted);
        assertThat(total(report, "referralsByBasis")).isEqualTo(submitted);
        assertThat(total(report, "referralsByAgeBand")).isEqualTo(submitted);
        // Other totals are shown, or hidden when joint protection needs them: never shown wrong.
        assertShownAs(table(report, "meetingsHeldByArena").get("totals").get("total"), events.stream().filter(MinutesRecorded.class::isInstance).count());
        assertShownAs(row(report, "consents", "GRANTED").get("total"), events.stream().filter(ConsentGranted.class::isInstance).count());
        assertThat(report.get("leadTime").get("median").get("value").asDouble()).isEqualTo(medianLeadTime(events));
        assertThat(report.get("leadTime").get("median").get("flag").asString()).isEqualTo("SHOWN");
        assertNoSmallValueIsShown(report, 5);
    }

    @Test
    void countsLeadershipItemsOnceAcrossTheTransitionAsIfTheyHadAlwaysBeenOnLeadershipEvents() {
        String acrossTheTransition = "1509";
        String leadershipEventsOnly = "1510";
        List<DomainEvent> truth = LeadershipTransition.items(acrossTheTransition, YEAR, 60, 13L);
        // Before the cut-over referral-service wrote the former types to referral.events; from it on, leadership.events.
        Instant cutOver = EventMother.at(YEAR, 7, 1);
        List<DomainEvent> published = LeadershipTransition.acrossCutOver(truth, cutOver);
        assertThat(published).filteredOn(event -> EventCatalogue.of(event).topic().equals(Topics.REFERRAL_EVENTS)).hasSizeGreaterThan(20);
        assertThat(published).filteredOn(event -> EventCatalogue.of(event).topic().equals(Topics.LEADERSHIP_EVENTS)).hasSizeGreaterThan(20);
        published.forEach(this::send);
        // Redeliveries on either topic change nothing.
        published.subList(0, 15).forEach(this::send);
        published.subList(published.size() - 15, published.size()).forEach(this::send);
        // So does a copy of the history replayed into leadership.events (README, "Leadership items").
        truth.stream().filter(event -> event.occurredAt().isBefore(cutOver)).forEach(this::send);
        List<DomainEvent> singleTopic = LeadershipTransition.items(leadershipEventsOnly, YEAR, 60, 13L);
        singleTopic.forEach(this::send);
        List<DomainEvent> both = new ArrayList<>(truth);
        both.addAll(singleTopic);
        ProjectedCounters.awaitProjected(runner, generations, both);

        // Exactly the single-topic truth's counters: no item counted twice, none missed.
        assertThat(countersOf(acrossTheTransition)).isEqualTo(ProjectedCounters.of(truth));
        // And the leaders' figures are those of a municipality whose items were only ever on leadership.events.
        JsonNode across = HttpApi.at(port).as(TestTokens.token("leader", acrossTheTransition, "LEADER")).get("/reports/figures?year=" + YEAR).json();
        JsonNode single = HttpApi.at(port).as(TestTokens.token("leader", leadershipEventsOnly, "LEADER")).get("/reports/figures?year=" + YEAR).json();
        for (String tableId : List.of("deviationsByCategory", "systemCasesByCategory")) {
            assertThat(table(across, tableId)).as(tableId).isEqualTo(table(single, tableId));
        }
        assertShownAs(table(across, "deviationsByCategory").get("totals").get("total"), truth.stream()
                .filter(event -> event instanceof LeadershipItemRegistered item && item.kind() == LeadershipItemKind.DEVIATION).count());
    }

    @Test
    void rebuildsIdenticalFiguresIntoANewGenerationAndSwitchesReadersToIt() {
        String municipality = "1506";
        List<DomainEvent> events = EventMother.year(municipality, YEAR, 120, 4, 11L);
        events.forEach(this::send);
        ProjectedCounters.awaitProjected(runner, generations, events);
        HttpApi leader = HttpApi.at(port).as(TestTokens.token("leader", municipality, "LEADER"));
        JsonNode live = leader.get("/reports/figures?year=" + YEAR).json();
        Generation before = generations.current();
        Map<String, Object> liveContents = runner.contents(before);

        HttpApi admin = HttpApi.at(port).as(TestTokens.forRole("ADMIN"));
        HttpApi.Response started = admin.post("/reports/rebuild", "{}");
        assertThat(started.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(90)).until(() -> admin.get("/reports/rebuild").json().get("currentGeneration").asInt() > before.number());

        Generation after = generations.current();
        assertThat(runner.contents(after)).isEqualTo(liveContents);
        // The releases were published once and are served unchanged whatever generation the counters are in.
        assertThat(leader.get("/reports/figures?year=" + YEAR).json()).isEqualTo(live);

        // The rebuilt generation is live from now on.
        List<DomainEvent> later = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            later.add(EventMother.submitted(municipality, "arena-after-rebuild", UUID.randomUUID().toString(), EventMother.at(YEAR, 12, 2)));
        }
        later.forEach(this::send);
        List<DomainEvent> all = new ArrayList<>(events);
        all.addAll(later);
        ProjectedCounters.awaitProjected(runner, generations, all);
        assertThat(generations.current()).isEqualTo(after);
    }

    @Test
    void sendsInvalidRecordsToTheDeadLetterTopicLoggingOneLineEachAndGoesOn(CapturedOutput output) {
        String municipality = "1507";
        List<String> broken = List.of("broken-1", "broken-2", "broken-3");
        broken.forEach(key -> producer.send(new ProducerRecord<>(Topics.REFERRAL_EVENTS, key, "not an event".getBytes())));
        List<DomainEvent> after = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            after.add(EventMother.submitted(municipality, "arena-after-poison", UUID.randomUUID().toString(), EventMother.at(YEAR, 3, 3)));
        }
        after.forEach(this::send);

        String deadLetters = Topics.deadLetterTopic(Topics.REFERRAL_EVENTS, "reporting-service");
        try (TopicProbe probe = new TopicProbe(bootstrapServers(), deadLetters)) {
            probe.awaitRecord(record -> "broken-3".equals(record.key()), Duration.ofSeconds(30));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> output.getAll().lines()
                .filter(line -> line.contains("dead-lettered to " + deadLetters)).count() >= broken.size());
        // One line per dead-lettered record, and no stack traces from the container's retries.
        assertThat(output.getAll().lines().filter(line -> line.contains("dead-lettered to " + deadLetters))).hasSize(broken.size())
                .allMatch(line -> line.contains("InvalidEventException: Not a CloudEvents binary-mode record"));
        assertThat(output.getAll().lines()).noneMatch(line -> line.contains("\tat org.springframework.kafka"));
        // The administrators see them, without their payload.
        HttpApi.Response listed = HttpApi.at(port).as(TestTokens.forRole("ADMIN")).get("/admin/dead-letters?topic=" + deadLetters);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).doesNotContain("not an event");
        assertThat(listed.json().get("deadLetters").valueStream().map(entry -> entry.get("cause").asString()))
                .anyMatch(cause -> cause.startsWith("InvalidEventException"));
        ProjectedCounters.awaitProjected(runner, generations, after);
    }

    @Test
    void skipsAnEventOfATypeItsContractsDoNotKnowInsteadOfDeadLetteringIt() {
        String municipality = "1508";
        ProducerRecord<String, byte[]> newer = codec.toRecord(EventMother.submitted(municipality, "arena-newer",
                UUID.randomUUID().toString(), EventMother.at(YEAR, 4, 4)));
        newer.headers().remove("ce_type");
        newer.headers().add("ce_type", "referral.something-new.v1".getBytes());
        producer.send(newer);
        List<DomainEvent> after = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            after.add(EventMother.submitted(municipality, "arena-after-newer", UUID.randomUUID().toString(), EventMother.at(YEAR, 4, 4)));
        }
        after.forEach(this::send);

        ProjectedCounters.awaitProjected(runner, generations, after);
        assertThat(runner.contents(generations.current()).keySet()).noneMatch(id -> id.contains("arena-newer"));
        try (TopicProbe probe = new TopicProbe(bootstrapServers(), Topics.deadLetterTopic(Topics.REFERRAL_EVENTS, "reporting-service"))) {
            assertThat(probe.drain(Duration.ofSeconds(2))).noneMatch(record -> newer.key().equals(record.key()));
        }
    }

    @Test
    void onlyLeadersReadFiguresAndOnlyAdministratorsRebuild() {
        assertThat(HttpApi.at(port).as(TestTokens.forRole("COORDINATOR")).get("/reports/figures").status()).isEqualTo(403);
        assertThat(HttpApi.at(port).as(TestTokens.forRole("LEADER")).post("/reports/rebuild", "{}").status()).isEqualTo(403);
        assertThat(HttpApi.at(port).get("/reports/figures").status()).isEqualTo(401);
        HttpApi.Response invalid = HttpApi.at(port).as(TestTokens.forRole("LEADER")).get("/reports/figures?half=SUMMER");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("half");
    }

    private void send(DomainEvent event) {
        producer.send(codec.toRecord(event));
    }

    /** The live generation's counters of one municipality, as {@link ProjectedCounters#of} gives them. */
    private Map<String, Long> countersOf(String municipality) {
        Map<String, Long> counters = new HashMap<>();
        runner.contents(generations.current()).forEach((id, count) -> {
            if (id.startsWith(municipality + "|") && count instanceof Long value && value != 0) {
                counters.put(id, value);
            }
        });
        return counters;
    }

    private String bootstrapServers() {
        return String.join(",", kafka.getBootstrapServers());
    }

    static JsonNode table(JsonNode report, String id) {
        for (JsonNode table : report.get("tables")) {
            if (table.get("id").asString().equals(id)) {
                return table;
            }
        }
        throw new AssertionError("no table " + id);
    }

    static JsonNode row(JsonNode report, String tableId, String key) {
        for (JsonNode row : table(report, tableId).get("rows")) {
            if (row.get("key").asString().equals(key)) {
                return row;
            }
        }
        return null;
    }

    private static long total(JsonNode report, String tableId) {
        return table(report, tableId).get("totals").get("total").get("value").asLong();
    }

    private static void assertShownAs(JsonNode cell, long expected) {
        if (cell.get("flag").asString().equals("SHOWN")) {
            assertThat(cell.get("value").asLong()).isEqualTo(expected);
        } else {
            assertThat(cell.get("flag").asString()).isEqualTo("SUPPRESSED");
        }
    }

    private static double medianLeadTime(List<DomainEvent> events) {
        Map<String, ReferralSubmitted> submitted = new HashMap<>();
        List<Long> days = new ArrayList<>();
        for (DomainEvent event : events) {
            if (event instanceof ReferralSubmitted s) {
                submitted.put(s.aggregateId(), s);
            } else if (event instanceof ReferralDiscussed d) {
                ReferralSubmitted s = submitted.get(d.aggregateId());
                days.add(ChronoUnit.DAYS.between(s.occurredAt().atZone(EventMother.OSLO).toLocalDate(),
                        d.occurredAt().atZone(EventMother.OSLO).toLocalDate()));
            }
        }
        days.sort(Long::compare);
        return days.get((int) Math.ceil(0.5 * days.size()) - 1);
    }

    /** Every shown count in every table is zero or at least the threshold. */
    static void assertNoSmallValueIsShown(JsonNode report, int threshold) {
        List<JsonNode> cells = new ArrayList<>();
        for (JsonNode table : report.get("tables")) {
            for (JsonNode row : table.get("rows")) {
                row.get("cells").forEach(cells::add);
                cells.add(row.get("total"));
            }
            if (table.get("totals") != null && !table.get("totals").isNull()) {
                table.get("totals").get("cells").forEach(cells::add);
                cells.add(table.get("totals").get("total"));
            }
        }
        for (JsonNode cell : cells) {
            if (cell != null && !cell.isNull() && cell.get("flag").asString().equals("SHOWN")) {
                long value = cell.get("value").asLong();
                assertThat(value == 0 || value >= threshold).as("shown cell %s", cell).isTrue();
            } else if (cell != null && !cell.isNull()) {
                assertThat(cell.get("value") == null || cell.get("value").isNull()).isTrue();
            }
        }
    }

}
