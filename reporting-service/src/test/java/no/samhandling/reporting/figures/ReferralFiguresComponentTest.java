package no.samhandling.reporting.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import no.samhandling.events.GoldenFixtures;
import no.samhandling.events.referral.ReferralSubmitted;
import no.samhandling.platform.events.CloudEventCodec;
import no.samhandling.platform.test.HttpApi;
import no.samhandling.platform.test.TestProducer;
import no.samhandling.platform.test.TestTokens;

/** The projection fed through the real broker, read back through the leaders' API. */
abstract class ReferralFiguresComponentTest {

    @LocalServerPort
    int port;

    @Autowired
    KafkaConnectionDetails kafka;

    @Autowired
    CloudEventCodec codec;

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
    void countsTheGoldenFixtureOfReferralSubmitted() {
        ReferralSubmitted fixture = GoldenFixtures.event(ReferralSubmitted.class);
        String year = String.valueOf(fixture.occurredAt().atZone(java.time.ZoneId.of("Europe/Oslo")).getYear());
        for (int i = 0; i < 5; i++) {
            producer.send(codec.toRecord(copy(fixture, "1511", UUID.randomUUID())));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(cell("1511", year, fixture.arenaId()).get("value").asInt()).isEqualTo(5));
    }

    @Test
    void countsARedeliveredEventOnce() {
        ReferralSubmitted first = submitted("1512", "arena-redelivery", UUID.randomUUID());
        for (int i = 0; i < 4; i++) {
            producer.send(codec.toRecord(submitted("1512", "arena-redelivery", UUID.randomUUID())));
        }
        producer.send(codec.toRecord(first));
        producer.send(codec.toRecord(first));
        ReferralSubmitted last = submitted("1512", "arena-redelivery", UUID.randomUUID());
        producer.send(codec.toRecord(last));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(cell("1512", thisYear(), "arena-redelivery").get("value").asInt()).isEqualTo(6));
    }

    @Test
    void suppressesCountsBelowTheThreshold() {
        for (int i = 0; i < 4; i++) {
            producer.send(codec.toRecord(submitted("1513", "arena-small", UUID.randomUUID())));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode cell = cell("1513", thisYear(), "arena-small");
            assertThat(cell.get("flag").asString()).isEqualTo("SUPPRESSED");
            assertThat(cell.has("value") && !cell.get("value").isNull()).isFalse();
        });
    }

    @Test
    void onlyLeadersReadFiguresAndOnlyTheirOwnMunicipality() {
        for (int i = 0; i < 5; i++) {
            producer.send(codec.toRecord(submitted(TestTokens.AUKRA, "arena-tenant", UUID.randomUUID())));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> cell(TestTokens.AUKRA, thisYear(), "arena-tenant") != null);

        assertThat(HttpApi.at(port).as(TestTokens.forRole("REFERRER")).get("/reports/referrals").status()).isEqualTo(403);
        JsonNode melhus = HttpApi.at(port).as(TestTokens.token("l", TestTokens.MELHUS, "LEADER")).get("/reports/referrals").json();
        assertThat(melhus.get("cells").findValuesAsString("arenaId")).doesNotContain("arena-tenant");
    }

    /** The first listed cell of the arena; each test has a municipality of its own, so that no other test's cells join its tables. */
    private JsonNode cell(String municipality, String year, String arenaId) {
        JsonNode report = HttpApi.at(port).as(TestTokens.token("leader", municipality, "LEADER")).get("/reports/referrals?year=" + year).json();
        for (JsonNode cell : report.get("cells")) {
            if (cell.get("arenaId").asString().equals(arenaId)) {
                return cell;
            }
        }
        return null;
    }

    private static String thisYear() {
        return String.valueOf(Instant.now().atZone(java.time.ZoneId.of("Europe/Oslo")).getYear());
    }

    private static ReferralSubmitted submitted(String municipality, String arenaId, UUID eventId) {
        return new ReferralSubmitted(eventId, Instant.now(), municipality, UUID.randomUUID().toString(), arenaId,
                no.samhandling.events.referral.DiscussionBasis.ANONYMOUS, null, null, "6-12", "SCHOOL", List.of("ABSENCE"),
                no.samhandling.events.referral.PreventionLevel.GREEN, no.samhandling.events.referral.IntakePath.STAFF, false);
    }

    private static ReferralSubmitted copy(ReferralSubmitted e, String municipality, UUID eventId) {
        return new ReferralSubmitted(eventId, e.occurredAt(), municipality, UUID.randomUUID().toString(), e.arenaId(), e.basis(),
                e.subjectId(), e.consentId(), e.ageBand(), e.referrerUnitType(), e.themes(), e.preventionLevel(), e.path(), e.guardiansAttend());
    }
}
