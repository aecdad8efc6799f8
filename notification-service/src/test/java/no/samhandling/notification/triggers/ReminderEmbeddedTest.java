package no.samhandling.notification.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.arena.ArenaLevel;
import no.samhandling.events.arena.ArenaRegistered;
import no.samhandling.events.arena.DiscussionMode;
import no.samhandling.events.arena.MeetingCancelled;
import no.samhandling.events.arena.MeetingScheduled;
import no.samhandling.notification.support.ContactSourcesStub;
import no.samhandling.notification.support.Mailbox;
import no.samhandling.platform.test.MutableClock;
import no.samhandling.platform.events.CloudEventCodec;
import no.samhandling.platform.test.ServiceTest;
import no.samhandling.platform.test.TestProducer;
import no.samhandling.platform.test.TestTokens;

/** Reminders come from the service's clock: once, the configured time before a meeting that still takes place. */
@ServiceTest
class ReminderEmbeddedTest {

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    static final ContactSourcesStub sources = new ContactSourcesStub();

    @TestConfiguration
    static class Time {

        @Bean
        @Primary
        MutableClock clock() {
            return MutableClock.ticking();
        }
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
        registry.add("samhandling.service-identity.token-uri", () -> sources.baseUrl() + "/oauth2/token");
        registry.add("samhandling.service-identity.client-secret", () -> ContactSourcesStub.CLIENT_SECRET);
        registry.add("samhandling.clients.arena.base-url", sources::baseUrl);
        registry.add("samhandling.clients.consent.base-url", sources::baseUrl);
        registry.add("samhandling.notification.dispatch.poll-interval", () -> "100ms");
        registry.add("samhandling.notification.reminder.poll-interval", () -> "200ms");
        registry.add("samhandling.notification.reminder.lead-time", () -> "6h");
    }

    @Autowired
    MutableClock clock;

    @Autowired
    Clock serviceClock;

    @Autowired
    KafkaConnectionDetails kafka;

    @Autowired
    CloudEventCodec codec;

    @Autowired
    MongoTemplate mongo;

    @Test
    void remindsOnceTheConfiguredTimeBeforeAMeetingAndNeverOfACancelledOne() {
        assertThat(serviceClock).isSameAs(clock);
        String member = "member-" + UUID.randomUUID().toString().substring(0, 8) + "@aukra.example";
        String arenaId = UUID.randomUUID().toString();
        sources.members(arenaId, new ContactSourcesStub.MemberContact("member-1", "SCHOOL", "MEMBER", member, null,
                List.of("EMAIL"), "nb"));
        publish(new ArenaRegistered(UUID.randomUUID(), clock.instant(), TestTokens.AUKRA, arenaId, "Skoleteam", ArenaLevel.INDIVIDUAL,
                6, 18, List.of("SCHOOL"), DiscussionMode.ANONYMOUS_ONLY, null, false, null, List.of(), false));
        Instant start = clock.instant().plus(Duration.ofHours(48));
        MeetingScheduled held = new MeetingScheduled(UUID.randomUUID(), clock.instant(), TestTokens.AUKRA, UUID.randomUUID().toString(),
                arenaId, start, start.plus(Duration.ofMinutes(90)), "Rom 4", List.of("member-1"), 0);
        MeetingScheduled calledOff = new MeetingScheduled(UUID.randomUUID(), clock.instant(), TestTokens.AUKRA,
                UUID.randomUUID().toString(), arenaId, start, start.plus(Duration.ofMinutes(90)), "Rom 5", List.of("member-1"), 0);
        publish(held);
        publish(calledOff);
        publish(new MeetingCancelled(UUID.randomUUID(), clock.instant(), TestTokens.AUKRA, calledOff.aggregateId(), arenaId, start,
                "COORDINATOR_ABSENT", false, List.of("member-1"), 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> subjects(member).size() == 3);

        clock.advance(Duration.ofHours(25));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> subjects(member).size() == 3);

        clock.advance(Duration.ofHours(18));
        await().atMost(Duration.ofSeconds(30)).until(() -> subjects(member).size() == 4);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> subjects(member).size() == 4);

        assertThat(subjects(member).subList(0, 3)).containsExactlyInAnyOrder("Innkalling til møte i Skoleteam",
                "Innkalling til møte i Skoleteam", "Avlyst møte i Skoleteam");
        assertThat(subjects(member).get(3)).isEqualTo("Påminnelse: møte i Skoleteam");
        assertThat(Mailbox.to(mail, member).get(3).text()).contains("Rom 4").doesNotContain("Rom 5");
        assertThat(mongo.count(Query.query(Criteria.where("sourceType").is(NoticeTriggers.REMINDER_SOURCE)), "notifications")).isEqualTo(1);
    }

    private List<String> subjects(String address) {
        return Mailbox.to(mail, address).stream().map(Mailbox.Mail::subject).toList();
    }

    private void publish(DomainEvent event) {
        try (TestProducer producer = new TestProducer(String.join(",", kafka.getBootstrapServers()))) {
            producer.send(codec.toRecord(event));
        }
    }
}
