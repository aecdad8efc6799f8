package no.samhandling.reporting.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import no.samhandling.events.DomainEvent;
import no.samhandling.platform.events.CloudEventCodec;
import no.samhandling.platform.test.HttpApi;
import no.samhandling.platform.test.TestProducer;
import no.samhandling.platform.test.TestTokens;
import no.samhandling.reporting.projection.Generations;
import no.samhandling.reporting.projection.ProjectedCounters;
import no.samhandling.reporting.projection.ProjectionConsumers;
import no.samhandling.reporting.testdata.EventMother;

/**
 * Releases through the real broker and the leaders' API: a closed month's figures are made once and
 * then served unchanged, so that reading around a new referral tells nothing about it.
 */
abstract class ReleasesComponentTest {

    private static final int CLOSED_YEAR = 2025;

    @LocalServerPort
    int port;

    @Autowired
    KafkaConnectionDetails kafka;

    @Autowired
    CloudEventCodec codec;

    @Autowired
    ProjectionConsumers consumers;

    @Autowired
    Generations generations;

    TestProducer producer;

    @BeforeEach
    void producer() {
        producer = new TestProducer(String.join(",", kafka.getBootstrapServers()));
    }

    @AfterEach
    void close() {
        producer.close();
    }

    @Test
    void twoReadsAroundANewReferralReturnTheSameRelease() {
        String municipality = "1511";
        List<DomainEvent> events = new ArrayList<>();
        events.add(EventMother.arena(municipality, "arena-a", "Oppvekstteam Aust"));
        events.add(EventMother.arena(municipality, "arena-b", "Oppvekstteam Vest"));
        events.addAll(referrals(municipality, "arena-a", 12, EventMother.at(CLOSED_YEAR, 3, 10)));
        events.addAll(referrals(municipality, "arena-b", 7, EventMother.at(CLOSED_YEAR, 3, 12)));
        send(events);
        HttpApi leader = HttpApi.at(port).as(TestTokens.token("leader", municipality, "LEADER"));
        String thisYear = String.valueOf(Instant.now().atZone(EventMother.OSLO).getYear());

        JsonNode month = leader.get("/reports/releases/" + CLOSED_YEAR + "-03").json();
        JsonNode year = leader.get("/reports/figures?year=" + CLOSED_YEAR).json();
        JsonNode running = leader.get("/reports/figures?year=" + thisYear).json();
        JsonNode releases = leader.get("/reports/releases?year=" + CLOSED_YEAR).json();
        assertThat(row(month, "referralsByArena", "arena-a").get("cell").get("value").asLong()).isEqualTo(12);
        assertThat(month.get("arenas").findValuesAsString("title")).containsExactly("Oppvekstteam Aust", "Oppvekstteam Vest");

        // A referral submitted now, one for the closed month that arrives late, and an arena renamed afterwards.
        List<DomainEvent> later = new ArrayList<>(events);
        List<DomainEvent> more = new ArrayList<>(referrals(municipality, "arena-a", 1, Instant.now()));
        more.addAll(referrals(municipality, "arena-b", 1, EventMother.at(CLOSED_YEAR, 3, 20)));
        more.add(EventMother.arena(municipality, "arena-b", "Eit nytt namn"));
        later.addAll(more);
        more.forEach(event -> producer.send(codec.toRecord(event)));
        ProjectedCounters.awaitProjected(consumers, generations, later);

        assertThat(leader.get("/reports/releases/" + CLOSED_YEAR + "-03").json()).isEqualTo(month);
        assertThat(leader.get("/reports/figures?year=" + CLOSED_YEAR).json()).isEqualTo(year);
        assertThat(leader.get("/reports/figures?year=" + thisYear).json()).isEqualTo(running);
        assertThat(leader.get("/reports/releases?year=" + CLOSED_YEAR).json()).isEqualTo(releases);
    }

    @Test
    void aReleaseIsNeverMadeFromCountersStillCatchingUpWithTheTopics() {
        String municipality = "1514";
        List<DomainEvent> first = referrals(municipality, "arena-catching-up", 10, EventMother.at(CLOSED_YEAR, 4, 3));
        send(first);
        List<DomainEvent> second = referrals(municipality, "arena-catching-up", 10, EventMother.at(CLOSED_YEAR, 4, 4));
        second.forEach(event -> producer.send(codec.toRecord(event)));
        HttpApi leader = HttpApi.at(port).as(TestTokens.token("leader", municipality, "LEADER"));

        // Read at once, while the second half is on its way: no release may be made from the first half alone.
        leader.get("/reports/releases?year=" + CLOSED_YEAR);
        List<DomainEvent> all = new ArrayList<>(first);
        all.addAll(second);
        ProjectedCounters.awaitProjected(consumers, generations, all);

        JsonNode april = leader.get("/reports/releases/" + CLOSED_YEAR + "-04").json();
        assertThat(row(april, "referralsByArena", "arena-catching-up").get("cell").get("value").asLong()).isEqualTo(20);
    }

    @Test
    void aCountBelowTheThresholdIsPublishedOnlyAsSuppressed() {
        String municipality = "1513";
        List<DomainEvent> events = new ArrayList<>(referrals(municipality, "arena-small", 4, EventMother.at(CLOSED_YEAR, 5, 6)));
        events.addAll(referrals(municipality, "arena-big", 16, EventMother.at(CLOSED_YEAR, 5, 7)));
        send(events);

        JsonNode month = HttpApi.at(port).as(TestTokens.token("leader", municipality, "LEADER"))
                .get("/reports/releases/" + CLOSED_YEAR + "-05").json();
        JsonNode small = row(month, "referralsByArena", "arena-small").get("cell");
        assertThat(small.get("flag").asString()).isEqualTo("SUPPRESSED");
        assertThat(small.has("value") && !small.get("value").isNull()).isFalse();
    }

    @Test
    void onlyLeadersReadReleasesAndOnlyTheirOwnMunicipalitysAfterTheyArePublished() {
        send(referrals(TestTokens.AUKRA, "arena-tenant", 6, EventMother.at(CLOSED_YEAR, 2, 2)));

        assertThat(HttpApi.at(port).as(TestTokens.forRole("REFERRER")).get("/reports/releases").status()).isEqualTo(403);
        JsonNode aukra = HttpApi.at(port).as(TestTokens.token("l", TestTokens.AUKRA, "LEADER")).get("/reports/releases?year=" + CLOSED_YEAR)
                .json();
        assertThat(aukra.findValuesAsString("key")).contains("arena-tenant");
        JsonNode melhus = HttpApi.at(port).as(TestTokens.token("l", TestTokens.MELHUS, "LEADER")).get("/reports/releases?year=" + CLOSED_YEAR)
                .json();
        assertThat(melhus.findValuesAsString("key")).doesNotContain("arena-tenant");

        HttpApi leader = HttpApi.at(port).as(TestTokens.token("l", TestTokens.AUKRA, "LEADER"));
        // The running month is never a release.
        assertThat(leader.get("/reports/releases/" + YearMonth.now(EventMother.OSLO)).status()).isEqualTo(404);
        HttpApi.Response invalid = leader.get("/reports/releases/2025-13");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("period");
    }

    private void send(List<DomainEvent> events) {
        events.forEach(event -> producer.send(codec.toRecord(event)));
        // A period's release is made at its first read after it closed: every event must be in before.
        ProjectedCounters.awaitProjected(consumers, generations, events);
    }

    private static List<DomainEvent> referrals(String municipality, String arenaId, int count, Instant at) {
        List<DomainEvent> referrals = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            referrals.add(EventMother.submitted(municipality, arenaId, UUID.randomUUID().toString(), at));
        }
        return referrals;
    }

    private static JsonNode row(JsonNode release, String tableId, String key) {
        for (JsonNode table : release.get("tables")) {
            if (table.get("id").asString().equals(tableId)) {
                for (JsonNode row : table.get("rows")) {
                    if (row.get("key").asString().equals(key)) {
                        return row;
                    }
                }
            }
        }
        throw new AssertionError("no row " + key + " in " + tableId);
    }
}
