package no.samhandling.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;

import no.samhandling.consent.arenas.ArenaParties;
import no.samhandling.events.DomainEvent;
import no.samhandling.events.Topics;
import no.samhandling.events.consent.ConsentExpired;
import no.samhandling.events.consent.ConsentGranted;
import no.samhandling.platform.events.CloudEventCodec;
import no.samhandling.platform.test.HttpApi;
import no.samhandling.platform.test.MutableClock;
import no.samhandling.platform.test.ServiceTest;
import no.samhandling.platform.test.TestTokens;
import no.samhandling.platform.test.TopicProbe;
import tools.jackson.databind.JsonNode;

/** Consents end by themselves after their last day: the scheduled job on the service's clock, moved by the test. */
@ServiceTest
@TestPropertySource(properties = {"samhandling.consent.expiry-initial-delay=PT0S", "samhandling.consent.expiry-interval=PT0.2S"})
class ConsentExpiryEmbeddedTest {

    static final MutableClock CLOCK = MutableClock.at(Instant.now());

    @TestConfiguration
    static class Clocks {

        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaConnectionDetails kafka;

    @Autowired
    CloudEventCodec codec;

    @Autowired
    ArenaParties arenas;

    @Test
    void aConsentEndsTheDayAfterItsLastDayAndThatIsPublished() {
        HttpApi staff = HttpApi.at(port).as(TestTokens.forRole("COORDINATOR"));
        HttpApi notifications = HttpApi.at(port).as(TestTokens.serviceToken("notification-service", "contacts"));
        new KnownArenas(String.join(",", kafka.getBootstrapServers()), codec, arenas).ensure("arena-1", List.of("SCHOOL"));
        Family family = Family.withChildAged(staff, 9);
        LocalDate lastDay = LocalDate.ofInstant(CLOCK.instant(), ZoneId.of("Europe/Oslo")).plusDays(1);
        JsonNode granted = staff.post("/subjects/" + family.subjectId + "/consents", Family.consent("EDUCATION",
                family.guardians(family.motherId, family.fatherId), "arena-1", lastDay.toString())).json();
        JsonNode pending = staff.post("/subjects/" + family.subjectId + "/consents", Family.consent("HEALTH",
                family.guardians(family.motherId), "arena-1", lastDay.toString())).json();
        String consentId = granted.get("id").asString();
        assertThat(granted.get("status").asString()).isEqualTo("GRANTED");
        // Outside consent-service the child goes by its topic id.
        String topicId = ((ConsentGranted) eventsOf(consentId, 1).getFirst()).subjectId();

        CLOCK.advance(Duration.ofDays(1));
        assertThat(staff.get("/consents/" + consentId).json().get("status").asString()).isEqualTo("GRANTED");
        assertThat(notifications.get("/subjects/" + topicId + "/guardian-contacts?arenaId=arena-1").json()).hasSize(2);

        CLOCK.advance(Duration.ofDays(1));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> staff.get("/consents/" + consentId).json().get("status").asString().equals("EXPIRED"));

        assertThat(staff.get("/consents/" + pending.get("id").asString()).json().get("status").asString()).isEqualTo("EXPIRED");
        assertThat(notifications.get("/subjects/" + topicId + "/guardian-contacts?arenaId=arena-1").json()).isEmpty();
        List<DomainEvent> events = eventsOf(consentId, 2);
        assertThat(events.get(0)).isInstanceOf(ConsentGranted.class);
        assertThat(events.get(1)).isInstanceOfSatisfying(ConsentExpired.class, expired -> {
            assertThat(expired.validTo()).isEqualTo(lastDay);
            assertThat(expired.subjectId()).isEqualTo(topicId);
        });
        assertThat(eventsOf(pending.get("id").asString(), 0)).isEmpty();
    }

    private List<DomainEvent> eventsOf(String key, int count) {
        try (TopicProbe probe = new TopicProbe(String.join(",", kafka.getBootstrapServers()), Topics.CONSENT_EVENTS)) {
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    probe.drain(Duration.ofMillis(300)).stream().filter(r -> key.equals(r.key())).count() >= count);
            return probe.drain(Duration.ofMillis(500)).stream().filter(r -> key.equals(r.key()))
                    .map(r -> CloudEventCodec.decode(r.headers(), r.value())).toList();
        }
    }
}
