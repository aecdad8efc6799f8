package no.samhandling.referral.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.Topics;
import no.samhandling.events.referral.ReferralClosed;
import no.samhandling.events.referral.ReferralSubmitted;
import no.samhandling.platform.events.CloudEventCodec;
import no.samhandling.platform.test.HttpApi;
import no.samhandling.platform.test.ServiceTest;
import no.samhandling.platform.test.TestTokens;
import no.samhandling.platform.test.TopicProbe;
import no.samhandling.platform.access.ArenaRoster;
import no.samhandling.referral.arenas.ArenaDirectory;

/**
 * The demo data's history: an administrator imports anonymous cases dated in the past, and their
 * events carry those dates, so the leaders' figures count them in their months. Anything that is not
 * history (a date to come, a named case, an arena that would refuse the case) is refused naming the
 * case's field, and then none of the import is stored.
 */
@ServiceTest
@TestPropertySource(properties = "samhandling.referral.demo-history.enabled=true")
class DemoHistoryTest {

    @LocalServerPort
    int port;

    @Autowired
    KafkaConnectionDetails kafka;

    @Autowired
    CloudEventCodec codec;

    @Autowired
    ArenaDirectory directory;

    @Autowired
    ArenaRoster members;

    @BeforeEach
    void arenaOne() {
        new KnownArenas(String.join(",", kafka.getBootstrapServers()), codec, directory, members).ensure("arena-1");
    }

    HttpApi api(String token) {
        return HttpApi.at(port).as(token);
    }

    static String referral(String description) {
        return IntakeComponentTest.referral(description);
    }

    static final Instant SUBMITTED = Instant.now().minus(70, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    static final Instant CLOSED = SUBMITTED.plus(30, ChronoUnit.DAYS);

    static String history(String... items) {
        return "{\"referrals\": [" + String.join(",", items) + "]}";
    }

    static String item(String referral, Instant submittedAt, Instant closedAt, String reason) {
        return "{\"referral\": " + referral + ", \"submittedAt\": \"" + submittedAt + "\""
                + (closedAt == null ? "" : ", \"closedAt\": \"" + closedAt + "\", \"closeReasonCode\": \"" + reason + "\"") + "}";
    }

    @Test
    void anAdministratorImportsCasesDatedInThePastAndTheirEventsCarryThoseDates() {
        HttpApi.Response imported = api(TestTokens.forRole("ADMIN")).post("/referrals/demo-history",
                history(item(referral("Historikk open"), SUBMITTED, null, null), item(referral("Historikk lukka"), SUBMITTED, CLOSED, "RESOLVED")));

        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("imported").asInt()).isEqualTo(2);
        try (TopicProbe probe = new TopicProbe(String.join(",", kafka.getBootstrapServers()), Topics.REFERRAL_EVENTS)) {
            List<DomainEvent> events = probe.awaitRecord(record -> decode(record) instanceof ReferralClosed closed
                    && closed.occurredAt().equals(CLOSED), Duration.ofSeconds(30)).stream().map(DemoHistoryTest::decode).toList();
            assertThat(events).filteredOn(ReferralSubmitted.class::isInstance).extracting(DomainEvent::occurredAt).contains(SUBMITTED, SUBMITTED);
            // History, not news: nobody is to be told of these cases (notification-service skips them).
            assertThat(events).filteredOn(event -> event instanceof ReferralSubmitted && event.occurredAt().equals(SUBMITTED)).isNotEmpty()
                    .allSatisfy(event -> assertThat(((ReferralSubmitted) event).historic()).isTrue());
            ReferralClosed closed = events.stream().filter(ReferralClosed.class::isInstance).map(ReferralClosed.class::cast)
                    .filter(event -> event.occurredAt().equals(CLOSED)).findFirst().orElseThrow();
            assertThat(closed.reasonCode()).isEqualTo("RESOLVED");
        }
    }

    @Test
    void refusesADateToComeAndStoresNoneOfTheImport() {
        String marker = "Skal ikkje lagrast";
        HttpApi.Response refused = api(TestTokens.forRole("ADMIN")).post("/referrals/demo-history",
                history(item(referral(marker), SUBMITTED, null, null), item(referral(marker), Instant.now().plus(1, ChronoUnit.DAYS), null, null)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("referrals[1].submittedAt");
        HttpApi.Response admins = api(TestTokens.forRole("REFERRER")).get("/referrals");
        assertThat(admins.body()).doesNotContain(marker);
    }

    @Test
    void refusesACaseTheArenaWouldRefuseNamingItsField() {
        HttpApi.Response refused = api(TestTokens.forRole("ADMIN")).post("/referrals/demo-history",
                history(item(referral("x").replace("\"arena-1\"", "\"no-such-arena\""), SUBMITTED, null, null)));
        HttpApi.Response closedTooEarly = api(TestTokens.forRole("ADMIN")).post("/referrals/demo-history",
                history(item(referral("x"), SUBMITTED, SUBMITTED.minusSeconds(60), "RESOLVED")));
        HttpApi.Response closedWithoutReason = api(TestTokens.forRole("ADMIN")).post("/referrals/demo-history",
                history(item(referral("x"), SUBMITTED, CLOSED, "BECAUSE")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("referrals[0].referral.arenaId");
        assertThat(closedTooEarly.json().get("errors").findValuesAsString("field")).containsExactly("referrals[0].closedAt");
        assertThat(closedWithoutReason.json().get("errors").findValuesAsString("field")).containsExactly("referrals[0].closeReasonCode");
    }

    @Test
    void onlyAnAdministratorImports() {
        HttpApi.Response staff = api(TestTokens.forRole("REFERRER")).post("/referrals/demo-history",
                history(item(referral("x"), SUBMITTED, null, null)));

        assertThat(staff.status()).isEqualTo(403);
    }

    private static DomainEvent decode(ConsumerRecord<String, byte[]> record) {
        return CloudEventCodec.decode(record.headers(), record.value());
    }
}
