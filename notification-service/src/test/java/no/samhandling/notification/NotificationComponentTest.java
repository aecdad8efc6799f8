package no.samhandling.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import no.samhandling.events.DomainEvent;
import no.samhandling.events.Topics;
import no.samhandling.events.arena.AgendaPublished;
import no.samhandling.events.arena.ArenaLevel;
import no.samhandling.events.arena.ArenaRegistered;
import no.samhandling.events.arena.DiscussionMode;
import no.samhandling.events.arena.MeetingCancelled;
import no.samhandling.events.arena.MeetingRescheduled;
import no.samhandling.events.arena.MeetingScheduled;
import no.samhandling.events.arena.MemberJoined;
import no.samhandling.events.arena.MemberRole;
import no.samhandling.events.arena.MinutesItem;
import no.samhandling.events.arena.MinutesRecorded;
import no.samhandling.events.notification.NotificationFailed;
import no.samhandling.events.notification.NotificationSent;
import no.samhandling.events.referral.DiscussionBasis;
import no.samhandling.events.referral.IntakePath;
import no.samhandling.events.referral.PreventionLevel;
import no.samhandling.events.referral.ReferralAccepted;
import no.samhandling.events.referral.ReferralReturned;
import no.samhandling.events.referral.ReferralSubmitted;
import no.samhandling.notification.support.Calendars;
import no.samhandling.notification.support.ContactSourcesStub;
import no.samhandling.notification.support.ContactSourcesStub.GuardianContact;
import no.samhandling.notification.support.ContactSourcesStub.MemberContact;
import no.samhandling.notification.support.Mailbox;
import no.samhandling.notification.support.SmsGatewayStub;
import no.samhandling.platform.access.ArenaRoster;
import no.samhandling.platform.events.CloudEventCodec;
import no.samhandling.platform.test.HttpApi;
import no.samhandling.platform.test.TestProducer;
import no.samhandling.platform.test.TestTokens;
import no.samhandling.platform.test.TopicProbe;
import tools.jackson.databind.JsonNode;

/**
 * notification-service through its real topics and API: a real SMTP server (GreenMail), a real HTTP server as
 * the SMS gateway, and a real HTTP server for the contact sources (token endpoint, arena-service,
 * consent-service).
 */
abstract class NotificationComponentTest {

    static final String AUKRA = TestTokens.AUKRA;
    static final Instant START = Instant.parse("2027-03-02T08:00:00Z");
    static final Instant END = Instant.parse("2027-03-02T09:30:00Z");

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    static final SmsGatewayStub gateway = new SmsGatewayStub();
    static final ContactSourcesStub sources = new ContactSourcesStub();

    @DynamicPropertySource
    static void providersAndSources(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
        registry.add("samhandling.notification.sms.base-url", gateway::baseUrl);
        registry.add("samhandling.notification.sms.api-key", () -> SmsGatewayStub.API_KEY);
        registry.add("samhandling.service-identity.token-uri", () -> sources.baseUrl() + "/oauth2/token");
        registry.add("samhandling.service-identity.client-secret", () -> ContactSourcesStub.CLIENT_SECRET);
        registry.add("samhandling.clients.arena.base-url", sources::baseUrl);
        registry.add("samhandling.clients.consent.base-url", sources::baseUrl);
        registry.add("samhandling.notification.app-url", () -> "https://samhandling.aukra.example");
        registry.add("samhandling.notification.dispatch.poll-interval", () -> "100ms");
        registry.add("samhandling.notification.dispatch.backoff-initial", () -> "200ms");
        registry.add("samhandling.notification.dispatch.backoff-max", () -> "1s");
        registry.add("samhandling.notification.contact-retry.poll-interval", () -> "100ms");
        registry.add("samhandling.notification.contact-retry.backoff-initial", () -> "200ms");
        registry.add("samhandling.notification.contact-retry.backoff-max", () -> "1s");
        registry.add("resilience4j.retry.configs.default.max-attempts", () -> "2");
        registry.add("resilience4j.retry.configs.default.wait-duration", () -> "50ms");
        registry.add("resilience4j.circuitbreaker.configs.default.sliding-window-size", () -> "4");
        registry.add("resilience4j.circuitbreaker.configs.default.minimum-number-of-calls", () -> "4");
        registry.add("resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state", () -> "1s");
        registry.add("resilience4j.ratelimiter.instances.sms.limit-for-period", () -> "3");
        registry.add("resilience4j.ratelimiter.instances.sms.limit-refresh-period", () -> "1s");
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaConnectionDetails kafka;

    @Autowired
    CloudEventCodec codec;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ArenaRoster roster;

    @Autowired
    MeterRegistry meters;

    @Autowired
    CircuitBreakerRegistry breakers;

    @Test
    void invitesEachParticipantWithACalendarEntryThatRescheduleAndCancellationUpdate() {
        String coordinator = email("coordinator");
        String member = email("member");
        String arenaId = arena("Skoleteam", false,
                staff("coordinator-" + coordinator, "COORDINATOR", coordinator, "+4740000011", "EMAIL", "SMS", "nb"),
                staff("member-" + member, "MEMBER", member, null, "EMAIL", null, "nn"));
        String meetingId = UUID.randomUUID().toString();
        List<String> participants = List.of("coordinator-" + coordinator, "member-" + member, "guest-without-membership");
        MeetingScheduled scheduled = new MeetingScheduled(UUID.randomUUID(), Instant.now(), AUKRA, meetingId, arenaId, START, END,
                "Aukra rådhus, møterom 2", participants, 0);

        publish(scheduled);

        List<Mailbox.Mail> invitations = awaitMails(member, 1);
        Mailbox.Mail invitation = invitations.getFirst();
        assertThat(invitation.subject()).isEqualTo("Innkalling til møte i Skoleteam");
        assertThat(invitation.text()).contains("Du er kalla inn", "tysdag 2. mars 2027 kl. 09:00", "Aukra rådhus, møterom 2",
                "https://samhandling.aukra.example/moter/" + meetingId);
        assertThat(invitation.calendarContentType()).contains("text/calendar").contains("method=REQUEST");
        Calendars.Invitation entry = Calendars.parse(invitation.calendar());
        assertThat(entry.method()).isEqualTo("REQUEST");
        assertThat(entry.uid()).isEqualTo("meeting-" + meetingId + "@samhandling.no");
        assertThat(entry.sequence()).isZero();
        assertThat(entry.dtStart()).isEqualTo("20270302T080000Z");
        assertThat(awaitMails(coordinator, 1).getFirst().text()).contains("Du er innkalt", "tirsdag 2. mars 2027 kl. 09:00");
        await().atMost(Duration.ofSeconds(30)).until(() -> gateway.deliveredTo("4740000011").size() == 1);
        assertThat(gateway.deliveredTo("4740000011").getFirst().text()).contains("møte i Skoleteam", "kl. 09:00");

        publish(new MeetingRescheduled(UUID.randomUUID(), Instant.now(), AUKRA, meetingId, arenaId, START.plus(Duration.ofDays(7)),
                END.plus(Duration.ofDays(7)), "Gossen skule", participants, 1));
        Calendars.Invitation moved = Calendars.parse(awaitMails(member, 2).get(1).calendar());
        assertThat(moved.uid()).isEqualTo(entry.uid());
        assertThat(moved.sequence()).isEqualTo(1);
        assertThat(moved.method()).isEqualTo("REQUEST");
        assertThat(moved.dtStart()).isEqualTo("20270309T080000Z");
        assertThat(moved.location()).isEqualTo("Gossen skule");

        publish(new MeetingCancelled(UUID.randomUUID(), Instant.now(), AUKRA, meetingId, arenaId, START.plus(Duration.ofDays(7)),
                "COORDINATOR_ABSENT", false, participants, 2));
        Mailbox.Mail cancellation = awaitMails(member, 3).get(2);
        Calendars.Invitation cancelled = Calendars.parse(cancellation.calendar());
        assertThat(cancellation.calendarContentType()).contains("method=CANCEL");
        assertThat(cancelled.uid()).isEqualTo(entry.uid());
        assertThat(cancelled.method()).isEqualTo("CANCEL");
        assertThat(cancelled.status()).isEqualTo("CANCELLED");
        assertThat(cancelled.sequence()).isEqualTo(2);
        assertThat(cancellation.subject()).isEqualTo("Avlyst møte i Skoleteam");
    }

    @Test
    void whenOnlyWhoIsInvitedChangesOnlyTheNewcomerIsInvitedAndTheOthersAreLeftAlone() {
        String coordinator = email("coordinator");
        String member = email("member");
        String arenaId = arena("Skoleteam", false,
                staff("coordinator-" + coordinator, "COORDINATOR", coordinator, null, "EMAIL", null, "nb"),
                staff("member-" + member, "MEMBER", member, null, "EMAIL", null, "nn"));
        String meetingId = UUID.randomUUID().toString();
        publish(new MeetingScheduled(UUID.randomUUID(), Instant.now(), AUKRA, meetingId, arenaId, START, END, "Aukra rådhus",
                List.of("coordinator-" + coordinator), 0));
        awaitMails(coordinator, 1);

        publish(new MeetingRescheduled(UUID.randomUUID(), Instant.now(), AUKRA, meetingId, arenaId, START, END, "Aukra rådhus",
                List.of("coordinator-" + coordinator, "member-" + member), 1));

        Mailbox.Mail invitation = awaitMails(member, 1).getFirst();
        assertThat(invitation.subject()).isEqualTo("Innkalling til møte i Skoleteam");
        assertThat(Calendars.parse(invitation.calendar()).sequence()).isEqualTo(1);
        publish(new MeetingRescheduled(UUID.randomUUID(), Instant.now(), AUKRA, meetingId, arenaId, START, END, "Aukra rådhus",
                List.of("member-" + member), 2));
        Mailbox.Mail cancellation = awaitMails(coordinator, 2).get(1);
        assertThat(Calendars.parse(cancellation.calendar()).method()).isEqualTo("CANCEL");
        // Neither heard of the other's change: the coordinator the join, the member the leave.
        assertThat(Mailbox.to(mail, coordinator)).hasSize(2);
        assertThat(Mailbox.to(mail, member)).hasSize(1);
    }

    @Test
    void reportsEachDeliveryOnTheTopicAndThroughTheApiWithoutAddresses() {
        String coordinator = email("coordinator");
        String userId = "coordinator-" + UUID.randomUUID();
        String arenaId = arena("Skoleteam", false, staff(userId, "COORDINATOR", coordinator, "+4740000012", "EMAIL", "SMS", "nb"));
        MeetingScheduled scheduled = meeting(arenaId, userId);

        publish(scheduled);

        List<DomainEvent> sent = notificationEvents(2, event -> event instanceof NotificationSent s && s.sourceEventId().equals(scheduled.eventId()));
        assertThat(sent).allSatisfy(event -> {
            NotificationSent notice = (NotificationSent) event;
            assertThat(notice.recipientId()).isEqualTo(userId);
            assertThat(notice.templateCode()).isEqualTo("MEETING_INVITATION");
            assertThat(notice.attempts()).isEqualTo(1);
        });
        assertThat(sent).extracting(event -> ((NotificationSent) event).channel().name()).containsExactlyInAnyOrder("EMAIL", "SMS");

        HttpApi.Response status = coordinatorApi().get("/notifications?sourceEventId=" + scheduled.eventId());
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().size()).isEqualTo(2);
        assertThat(status.json().valueStream().map(n -> n.get("status").asString())).containsOnly("SENT");
        assertThat(status.body()).doesNotContain(coordinator).doesNotContain("4740000012").contains("+47******12");
        String id = status.json().get(0).get("id").asString();
        assertThat(coordinatorApi().get("/notifications/" + id).json().get("sourceEventId").asString())
                .isEqualTo(scheduled.eventId().toString());
        assertThat(HttpApi.at(port).as(TestTokens.forRole("MEMBER")).get("/notifications?sourceEventId=" + scheduled.eventId()).status())
                .isEqualTo(403);
        assertThat(HttpApi.at(port).as(TestTokens.token("melhus-coordinator", TestTokens.MELHUS, "COORDINATOR"))
                .get("/notifications/" + id).status()).isEqualTo(404);
        String metrics = HttpApi.at(port).as(TestTokens.metricsToken()).get("/actuator/prometheus").body();
        assertThat(metrics).contains("samhandling_notifications_sent_total").contains("resilience4j_circuitbreaker_state")
                .doesNotContain("aukra.example").doesNotContain("4740000012");
    }

    @Test
    void showsACoordinatorTheDeliveryOfTheirOwnArenasNoticesOnly() {
        String member = email("member");
        String userId = "member-" + UUID.randomUUID();
        String othersArena = arenaCoordinatedBy("another-coordinator", "Skoleteam", false,
                staff(userId, "MEMBER", member, null, "EMAIL", null, "nb"));
        MeetingScheduled scheduled = meeting(othersArena, userId);
        publish(scheduled);
        HttpApi admin = HttpApi.at(port).as(TestTokens.forRole("ADMIN"));
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.get("/notifications?sourceEventId=" + scheduled.eventId()).json().size() == 1);
        String id = admin.get("/notifications?sourceEventId=" + scheduled.eventId()).json().get(0).get("id").asString();

        assertThat(coordinatorApi().get("/notifications?sourceEventId=" + scheduled.eventId()).json()).isEmpty();
        assertThat(coordinatorApi().get("/notifications/" + id).status()).isEqualTo(404);
        HttpApi theirs = HttpApi.at(port).as(TestTokens.token("another-coordinator", AUKRA, "COORDINATOR"));
        assertThat(theirs.get("/notifications?sourceEventId=" + scheduled.eventId()).json().size()).isEqualTo(1);
        assertThat(theirs.get("/notifications/" + id).json().get("arenaId").asString()).isEqualTo(othersArena);
        assertThat(HttpApi.at(port).get("/notifications/" + id).status()).isEqualTo(401);
        assertThat(HttpApi.at(port).as(TestTokens.token("another-coordinator", TestTokens.MELHUS, "COORDINATOR"))
                .get("/notifications/" + id).status()).isEqualTo(404);
    }

    @Test
    void sendsNothingTwiceWhenAnEventIsDeliveredAgainOrReplayed() {
        String member = email("member");
        String arenaId = arena("Skoleteam", false, staff("member-" + member, "MEMBER", member, "+4740000013", "EMAIL", "SMS", "nb"));
        MeetingScheduled scheduled = meeting(arenaId, "member-" + member);
        double duplicatesBefore = counter("samhandling.notifications.duplicates");

        publish(scheduled);
        publish(scheduled);
        awaitMails(member, 1);
        // A replay the consumer's own deduplication does not catch: the intents are refused by their key.
        mongo.remove(Query.query(Criteria.where("_id").regex(scheduled.eventId().toString())), "consumer_recent_events");
        publish(scheduled);

        await().atMost(Duration.ofSeconds(30)).until(() -> counter("samhandling.notifications.duplicates") >= duplicatesBefore + 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() ->
                Mailbox.to(mail, member).size() == 1 && gateway.deliveredTo("4740000013").size() == 1);
    }

    @Test
    void keepsSmsNoticesWhileTheGatewayIsDownAndSendsEachOnceWhenItIsBack() {
        List<MemberContact> members = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            members.add(staff("sms-" + i + "-" + UUID.randomUUID(), "MEMBER", null, "+474000002" + i, "SMS", null, "nb"));
        }
        String arenaId = arena("Skoleteam", false, members.toArray(MemberContact[]::new));
        MeetingScheduled scheduled = meeting(arenaId, members.stream().map(MemberContact::userId).toArray(String[]::new));
        CircuitBreaker breaker = breakers.circuitBreaker("sms");

        gateway.goDown();
        try {
            publish(scheduled);
            await().atMost(Duration.ofSeconds(30)).until(() -> breaker.getState() == CircuitBreaker.State.OPEN);
            JsonNode waiting = coordinatorApi().get("/notifications?sourceEventId=" + scheduled.eventId()).json();
            assertThat(waiting.size()).isEqualTo(4);
            assertThat(waiting.valueStream().map(n -> n.get("status").asString())).containsOnly("PENDING");
            assertThat(gateway.callsWhileDown()).isPositive();
        } finally {
            gateway.comeBack();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> coordinatorApi().get("/notifications?sourceEventId=" + scheduled.eventId())
                .json().valueStream().allMatch(n -> "SENT".equals(n.get("status").asString())));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> members.stream()
                .allMatch(member -> gateway.deliveredTo(member.phone().substring(1)).size() == 1));
        assertThat(coordinatorApi().get("/notifications?sourceEventId=" + scheduled.eventId()).json().valueStream()
                .mapToInt(n -> n.get("attempts").asInt()).sum()).isGreaterThan(4);
    }

    @Test
    void recordsANumberTheGatewayRefusesAsFailedAndEmitsNotificationFailed() {
        String userId = "refused-" + UUID.randomUUID();
        String arenaId = arena("Skoleteam", false, staff(userId, "MEMBER", null, "+4740000099", "SMS", null, "nb"));
        MeetingScheduled scheduled = meeting(arenaId, userId);

        publish(scheduled);

        NotificationFailed failed = (NotificationFailed) notificationEvents(1, event -> event instanceof NotificationFailed f
                && f.sourceEventId().equals(scheduled.eventId())).getFirst();
        assertThat(failed.failureReasonCode()).isEqualTo("RECIPIENT_UNREACHABLE");
        assertThat(failed.recipientId()).isEqualTo(userId);
        assertThat(failed.attempts()).isEqualTo(1);
        JsonNode status = coordinatorApi().get("/notifications?sourceEventId=" + scheduled.eventId()).json().get(0);
        assertThat(status.get("status").asString()).isEqualTo("FAILED");
        assertThat(status.get("failureReasonCode").asString()).isEqualTo("RECIPIENT_UNREACHABLE");
    }

    @Test
    void holdsToTheGatewaysRateLimitAndStillSendsEveryNotice() {
        List<MemberContact> members = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            members.add(staff("rate-" + i + "-" + UUID.randomUUID(), "MEMBER", null, "+474000003" + i, "SMS", null, "nb"));
        }
        String arenaId = arena("Skoleteam", false, members.toArray(MemberContact[]::new));
        double limitedBefore = counter("samhandling.notifications.postponed", "reason", "RATE_LIMITED");

        publish(meeting(arenaId, members.stream().map(MemberContact::userId).toArray(String[]::new)));

        await().atMost(Duration.ofSeconds(30)).until(() -> members.stream()
                .allMatch(member -> gateway.deliveredTo(member.phone().substring(1)).size() == 1));
        List<Instant> arrivals = members.stream()
                .map(member -> gateway.deliveredTo(member.phone().substring(1)).getFirst().at()).sorted().toList();
        // Three per second: seven messages need three rate periods, so the last comes more than a second after the first.
        assertThat(Duration.between(arrivals.getFirst(), arrivals.getLast())).isGreaterThan(Duration.ofMillis(900));
        assertThat(counter("samhandling.notifications.postponed", "reason", "RATE_LIMITED")).isGreaterThan(limitedBefore);
    }

    @Test
    void tellsTheCoordinatorOfANewReferralAndTheReferrerWhetherItWasAcceptedOrReturned() {
        String coordinator = email("coordinator");
        String referrer = email("referrer");
        String arenaId = arena("Skoleteam", false,
                staff("coordinator-" + coordinator, "COORDINATOR", coordinator, null, "EMAIL", null, "nb"));
        // The referrer is staff of another arena: arena-service knows their contact details from that membership.
        arena("Barnehageteam", false, staff("referrer-" + referrer, "MEMBER", referrer, null, "EMAIL", null, "nn"));
        ReferralSubmitted first = referral(arenaId, "referrer-" + referrer, null, false);
        ReferralSubmitted second = referral(arenaId, "referrer-" + referrer, null, false);

        publish(first);
        publish(second);
        assertThat(awaitMails(coordinator, 2)).allSatisfy(mail -> assertThat(mail.subject()).isEqualTo("Ny sak til Skoleteam"))
                .anySatisfy(mail -> assertThat(mail.text()).contains("https://samhandling.aukra.example/saker/" + first.aggregateId()));
        publish(new ReferralAccepted(UUID.randomUUID(), Instant.now(), AUKRA, first.aggregateId(), arenaId, "coordinator"));
        publish(new ReferralReturned(UUID.randomUUID(), Instant.now(), AUKRA, second.aggregateId(), arenaId, "MEASURES_NOT_TRIED",
                "coordinator"));

        List<Mailbox.Mail> outcomes = awaitMails(referrer, 2);
        assertThat(outcomes).extracting(Mailbox.Mail::subject)
                .containsExactlyInAnyOrder("Saka di er teken imot", "Saka di er send tilbake");
        assertThat(outcomes).allSatisfy(mail -> assertThat(mail.all()).doesNotContain("MEASURES_NOT_TRIED"));
        // Each links to the case's page on the gateway.
        assertThat(outcomes).anySatisfy(mail -> assertThat(mail.text()).contains("https://samhandling.aukra.example/saker/" + second.aggregateId()));
    }

    @Test
    void tellsNobodyOfACaseOfThePastRecordedAfterwards() {
        String coordinator = email("coordinator");
        String arenaId = arena("Skoleteam", false, staff("coordinator-" + coordinator, "COORDINATOR", coordinator, null, "EMAIL", null, "nb"));
        ReferralSubmitted news = referral(arenaId, "referrer", null, false);
        ReferralSubmitted past = historic(referral(arenaId, "referrer", null, false));

        publish(past);
        publish(news);
        awaitMails(coordinator, 1);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                mongo.exists(Query.query(Criteria.where("_id").regex(past.eventId().toString())), "consumer_recent_events"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> Mailbox.to(mail, coordinator).size() == 1);
        assertThat(Mailbox.to(mail, coordinator).getFirst().text()).contains("/saker/" + news.aggregateId()).doesNotContain(past.aggregateId());
    }

    @Test
    void keepsNoticesWhoseRecipientsCannotBeLookedUpAndRecordsEachOnceWhenTheContactSourcesAreBack() {
        String coordinator = email("coordinator");
        String referrer = email("referrer");
        String arenaId = arena("Skoleteam", false,
                staff("coordinator-" + coordinator, "COORDINATOR", coordinator, null, "EMAIL", null, "nb"),
                staff("referrer-" + referrer, "MEMBER", referrer, null, "EMAIL", null, "nb"));
        ReferralSubmitted submitted = referral(arenaId, "referrer-" + referrer, null, false);
        ReferralAccepted accepted = new ReferralAccepted(UUID.randomUUID(), Instant.now(), AUKRA, submitted.aggregateId(), arenaId,
                "coordinator");
        double deadLetteredBefore = deadLettered();

        sources.goDown();
        try {
            publish(submitted);
            publish(accepted);
            await().atMost(Duration.ofSeconds(20)).until(() -> pendingTriggers(submitted.aggregateId()) == 2);
            // Longer than the consumer's own retries (about 10 s), after which such an event used to be dead-lettered.
            await().during(Duration.ofSeconds(12)).atMost(Duration.ofSeconds(20))
                    .until(() -> Mailbox.to(mail, coordinator).isEmpty() && Mailbox.to(mail, referrer).isEmpty());
            assertThat(sources.callsWhileDown()).as("tried again with backoff while down").isGreaterThan(3);
        } finally {
            sources.comeBack();
        }

        assertThat(awaitMails(coordinator, 1)).singleElement()
                .satisfies(notice -> assertThat(notice.subject()).isEqualTo("Ny sak til Skoleteam"));
        awaitMails(referrer, 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> Mailbox.to(mail, coordinator).size() == 1 && Mailbox.to(mail, referrer).size() == 1);
        assertThat(pendingTriggers(submitted.aggregateId())).isZero();
        assertThat(deadLettered()).as("nothing dead-lettered").isEqualTo(deadLetteredBefore);
    }

    long pendingTriggers(String aggregateId) {
        return mongo.count(Query.query(Criteria.where("aggregateId").is(aggregateId)), "pending_triggers");
    }

    double deadLettered() {
        return meters.find("samhandling.events.dead.lettered").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    @Test
    void tellsGuardiansOnlyOfNamedCasesTheyAttendAndOnlyThoseConsentServiceNames() {
        String member = email("member");
        String guardian = email("guardian");
        String arenaId = arena("Skoleteam", false, staff("member-" + member, "MEMBER", member, null, "EMAIL", null, "nb"));
        ReferralSubmitted attending = referral(arenaId, "referrer", "subject-" + UUID.randomUUID(), true);
        ReferralSubmitted notAttending = referral(arenaId, "referrer", "subject-" + UUID.randomUUID(), false);
        ReferralSubmitted withoutConsent = referral(arenaId, "referrer", "subject-" + UUID.randomUUID(), true);
        ReferralSubmitted anonymous = referral(arenaId, "referrer", null, true);
        sources.guardians(attending.subjectId(), arenaId, new GuardianContact("guardian-" + guardian, guardian, null, "nn"));
        sources.guardians(notAttending.subjectId(), arenaId, new GuardianContact("other-guardian", email("other"), null, "nb"));
        for (ReferralSubmitted referral : List.of(attending, notAttending, withoutConsent, anonymous)) {
            publish(referral);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.count(Query.query(Criteria.where("arenaId").is(arenaId)),
                "referral_directory") == 4);
        MeetingScheduled meeting = meeting(arenaId, "member-" + member);
        publish(meeting);

        publish(new AgendaPublished(UUID.randomUUID(), Instant.now(), AUKRA, meeting.aggregateId(), arenaId,
                List.of(attending.aggregateId(), notAttending.aggregateId(), withoutConsent.aggregateId(), anonymous.aggregateId())));

        Mailbox.Mail guardianMail = awaitMails(guardian, 1).getFirst();
        assertThat(guardianMail.subject()).isEqualTo("Invitasjon til samarbeidsmøte");
        assertThat(guardianMail.text()).contains("De er inviterte", "tysdag 2. mars 2027 kl. 09:00", "https://samhandling.aukra.example/mitt-barn")
                .doesNotContain("Skoleteam");
        assertThat(awaitMails(member, 2)).extracting(Mailbox.Mail::subject).contains("Sakliste for møte i Skoleteam");
        assertThat(sources.guardianQueries()).contains(attending.subjectId() + "|" + arenaId, withoutConsent.subjectId() + "|" + arenaId)
                .doesNotContain(notAttending.subjectId() + "|" + arenaId);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> Mailbox.to(mail, guardian).size() == 1);
    }

    @Test
    void erasingTheChildCancelsTheNoticeWaitingForItsGuardianAndWipesTheAddress() {
        String member = email("member");
        String arenaId = arena("Skoleteam", false, staff("member-" + member, "MEMBER", member, null, "EMAIL", null, "nb"));
        ReferralSubmitted attending = referral(arenaId, "referrer", "subject-" + UUID.randomUUID(), true);
        String guardianId = "guardian-" + UUID.randomUUID();
        sources.guardians(attending.subjectId(), arenaId, new GuardianContact(guardianId, null, "+4740000077", "nb"));
        publish(attending);
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.count(Query.query(Criteria.where("_id").is(attending.aggregateId())),
                "referral_directory") == 1);
        MeetingScheduled meeting = meeting(arenaId, "member-" + member);
        publish(meeting);
        AgendaPublished agenda = new AgendaPublished(UUID.randomUUID(), Instant.now(), AUKRA, meeting.aggregateId(), arenaId,
                List.of(attending.aggregateId()));

        gateway.goDown();
        try {
            publish(agenda);
            await().atMost(Duration.ofSeconds(30)).until(() -> mongo.count(Query.query(Criteria.where("sourceEventId")
                    .is(agenda.eventId().toString()).and("recipientId").is(guardianId)), "notifications") == 1);
            // Waiting, the address is written only sealed under the child's key: the oplog never had it in plain words.
            assertThat(mongo.getCollection("notifications").find(com.mongodb.client.model.Filters.and(
                    com.mongodb.client.model.Filters.eq("sourceEventId", agenda.eventId().toString()),
                    com.mongodb.client.model.Filters.eq("recipientId", guardianId))).first().toJson())
                    .doesNotContain("40000077").contains("sealed.v1.notice-address.");

            publish(new no.samhandling.events.consent.SubjectErased(UUID.randomUUID(), Instant.now(), AUKRA, attending.subjectId()));

            await().atMost(Duration.ofSeconds(30)).until(() -> mongo.count(Query.query(Criteria.where("sourceEventId")
                    .is(agenda.eventId().toString()).and("status").is("CANCELLED")), "notifications") == 1);
        } finally {
            gateway.comeBack();
        }
        String stored = mongo.getCollection("notifications")
                .find(com.mongodb.client.model.Filters.eq("sourceEventId", agenda.eventId().toString())).into(new ArrayList<>()).toString();
        assertThat(stored).doesNotContain("40000077").doesNotContain(guardianId).doesNotContain(attending.subjectId()).contains("CANCELLED");
        assertThat(mongo.getCollection("referral_directory").find(com.mongodb.client.model.Filters.eq("_id", attending.aggregateId()))
                .first().toJson()).doesNotContain(attending.subjectId());
        org.bson.Document tombstone = mongo.getCollection("subject_keys").find(com.mongodb.client.model.Filters.eq("_id", attending.subjectId()))
                .first();
        // The child's key is destroyed, so whatever was sealed under it is unreadable.
        assertThat(tombstone.getBoolean("erased")).isTrue();
        assertThat(tombstone.containsKey("wrappedKey")).isFalse();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> gateway.deliveredTo("4740000077").isEmpty());
    }

    /** Two children of one guardian, both on the agenda of a meeting not yet published; the guardian is told by SMS. */
    record SiblingsOnAnAgenda(GuardianContact parent, ReferralSubmitted erased, AgendaPublished agenda) {
    }

    private SiblingsOnAnAgenda siblingsOnAnAgenda(String phone) {
        String member = email("member");
        String arenaId = arena("Skoleteam", false, staff("member-" + member, "MEMBER", member, null, "EMAIL", null, "nb"));
        ReferralSubmitted erased = referral(arenaId, "referrer", "subject-" + UUID.randomUUID(), true);
        ReferralSubmitted sibling = referral(arenaId, "referrer", "subject-" + UUID.randomUUID(), true);
        GuardianContact parent = new GuardianContact("guardian-" + UUID.randomUUID(), null, phone, "nb");
        sources.guardians(erased.subjectId(), arenaId, parent);
        sources.guardians(sibling.subjectId(), arenaId, parent);
        publish(erased);
        publish(sibling);
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.count(Query.query(Criteria.where("_id")
                .in(erased.aggregateId(), sibling.aggregateId())), "referral_directory") == 2);
        MeetingScheduled meeting = meeting(arenaId, "member-" + member);
        publish(meeting);
        AgendaPublished agenda = new AgendaPublished(UUID.randomUUID(), Instant.now(), AUKRA, meeting.aggregateId(), arenaId,
                List.of(erased.aggregateId(), sibling.aggregateId()));
        return new SiblingsOnAnAgenda(parent, erased, agenda);
    }

    /** Erases the child as consent-service's event does, and waits until this service has destroyed its key. */
    private void eraseAndAwaitItsKey(String subjectId, Duration within) {
        publish(new no.samhandling.events.consent.SubjectErased(UUID.randomUUID(), Instant.now(), AUKRA, subjectId));
        await().atMost(within).until(() -> mongo.getCollection("subject_keys").countDocuments(com.mongodb.client.model.Filters
                .and(com.mongodb.client.model.Filters.eq("_id", subjectId), com.mongodb.client.model.Filters.eq("erased", true))) == 1);
    }

    @Test
    void aNoticeAboutASiblingTooStillReachesTheGuardianAfterTheOtherChildIsErased() {
        SiblingsOnAnAgenda siblings = siblingsOnAnAgenda("+4740000088");
        GuardianContact parent = siblings.parent();
        ReferralSubmitted erased = siblings.erased();
        AgendaPublished agenda = siblings.agenda();

        gateway.goDown();
        try {
            publish(agenda);
            await().atMost(Duration.ofSeconds(30)).until(() -> mongo.count(Query.query(Criteria.where("sourceEventId")
                    .is(agenda.eventId().toString()).and("recipientId").is(parent.guardianId())), "notifications") == 1);

            eraseAndAwaitItsKey(erased.subjectId(), Duration.ofSeconds(30));
        } finally {
            gateway.comeBack();
        }
        // Its address was sealed under the erased child's key; it moved under the sibling's before that key went.
        await().atMost(Duration.ofSeconds(30)).until(() -> !gateway.deliveredTo("4740000088").isEmpty());
        assertThat(mongo.getCollection("notifications").find(com.mongodb.client.model.Filters.eq("sourceEventId",
                agenda.eventId().toString())).first().toJson()).doesNotContain(erased.subjectId());
    }

    @Test
    void aNoticeSentWhileOneOfItsChildrenIsErasedIsRecordedSentAndNotSentAgain() {
        SiblingsOnAnAgenda siblings = siblingsOnAnAgenda("+4740000066");
        GuardianContact parent = siblings.parent();
        ReferralSubmitted erased = siblings.erased();
        AgendaPublished agenda = siblings.agenda();
        Query notice = Query.query(Criteria.where("sourceEventId").is(agenda.eventId().toString()).and("recipientId").is(parent.guardianId()));

        // The erasure re-seals the notice's address while the dispatcher, holding its claim, is sending it.
        int heldBefore = gateway.heldAnswers();
        gateway.holdAnswers();
        try {
            publish(agenda);
            await().atMost(Duration.ofSeconds(30)).until(() -> gateway.heldAnswers() > heldBefore);
            eraseAndAwaitItsKey(erased.subjectId(), Duration.ofSeconds(7));
        } finally {
            gateway.releaseAnswers();
        }

        // Recorded as sent at once, not left claimed until its lease runs out and then sent a second time.
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(mongo.findOne(notice, org.bson.Document.class, "notifications")
                .getString("status")));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> gateway.deliveredTo("4740000066").size() == 1);
    }

    @Test
    void sendsTheMinutesToThoseWithAnAssignmentOnly() {
        String responsible = email("responsible");
        String bystander = email("bystander");
        String arenaId = arena("Skoleteam", false,
                staff("responsible-" + responsible, "MEMBER", responsible, null, "EMAIL", null, "nb"),
                staff("bystander-" + bystander, "MEMBER", bystander, null, "EMAIL", null, "nb"));
        MeetingScheduled meeting = meeting(arenaId, "responsible-" + responsible, "bystander-" + bystander);
        publish(meeting);
        awaitMails(bystander, 1);

        publish(new MinutesRecorded(UUID.randomUUID(), Instant.now(), AUKRA, meeting.aggregateId(), arenaId, List.of(
                new MinutesItem(UUID.randomUUID().toString(), "RESPONSIBILITY_ASSIGNED", true, "responsible-" + responsible, "PPT",
                        LocalDate.of(2027, 4, 1), LocalDate.of(2027, 5, 1)),
                new MinutesItem(null, "FOLLOW_UP_LATER", false, null, null, null, null)), 1));

        assertThat(awaitMails(responsible, 2).get(1).subject()).isEqualTo("Referat fra møte i Skoleteam");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> Mailbox.to(mail, bystander).size() == 1);
    }

    /**
     * Every trigger, with events full of what a notice must never say: the sensitive arena's name, themes, subject
     * and consent ids, reason and outcome codes, age band and unit type. None of it may reach an email or SMS.
     */
    @Test
    void neverNamesTheChildTheCaseOrASensitiveArenaInAnyNotice() {
        String coordinator = email("coordinator");
        String guardian = email("guardian");
        String arenaId = arena("Rusteam for ungdom", true,
                staff("coordinator-" + coordinator, "COORDINATOR", coordinator, "+4740000041", "EMAIL", "SMS", "nn"));
        String subjectId = "subject-" + UUID.randomUUID();
        ReferralSubmitted referral = referral(arenaId, "coordinator-" + coordinator, subjectId, true);
        sources.guardians(subjectId, arenaId, new GuardianContact("guardian-" + guardian, guardian, "+4740000042", "nb"));
        MeetingScheduled meeting = meeting(arenaId, "coordinator-" + coordinator);
        List<DomainEvent> triggers = List.of(
                meeting,
                new MeetingRescheduled(UUID.randomUUID(), Instant.now(), AUKRA, meeting.aggregateId(), arenaId, START.plusSeconds(3600),
                        END.plusSeconds(3600), "Rom 4", meeting.participantUserIds(), 1),
                new AgendaPublished(UUID.randomUUID(), Instant.now(), AUKRA, meeting.aggregateId(), arenaId, List.of(referral.aggregateId())),
                new MinutesRecorded(UUID.randomUUID(), Instant.now(), AUKRA, meeting.aggregateId(), arenaId, List.of(new MinutesItem(
                        referral.aggregateId(), "ESCALATE", true, "coordinator-" + coordinator, "CHILD_WELFARE", null, null)), 0),
                new MeetingCancelled(UUID.randomUUID(), Instant.now(), AUKRA, meeting.aggregateId(), arenaId, START.plusSeconds(3600),
                        "NO_CASES_REGISTERED", true, meeting.participantUserIds(), 2),
                new ReferralAccepted(UUID.randomUUID(), Instant.now(), AUKRA, referral.aggregateId(), arenaId, "coordinator"),
                new ReferralReturned(UUID.randomUUID(), Instant.now(), AUKRA, referral.aggregateId(), arenaId, "WRONG_ARENA", "coordinator"));

        publish(referral);
        awaitMails(coordinator, 1);
        for (DomainEvent trigger : triggers) {
            publish(trigger);
        }

        List<String> sources = new ArrayList<>(List.of(referral.eventId().toString()));
        triggers.forEach(trigger -> sources.add(trigger.eventId().toString()));
        Supplier<Set<String>> templatesUsed = () -> sources.stream()
                .flatMap(source -> coordinatorApi().get("/notifications?sourceEventId=" + source).json().valueStream())
                .filter(notice -> "SENT".equals(notice.get("status").asString()))
                .map(notice -> notice.get("templateCode").asString()).collect(Collectors.toSet());
        await().atMost(Duration.ofSeconds(30)).until(() -> templatesUsed.get().containsAll(Set.of("REFERRAL_SUBMITTED",
                "MEETING_INVITATION", "MEETING_RESCHEDULED", "AGENDA_PUBLISHED", "GUARDIAN_MEETING_NOTICE", "MINUTES_RECORDED",
                "MEETING_CANCELLED", "REFERRAL_ACCEPTED", "REFERRAL_RETURNED")));
        // Eight notices to the coordinator and one to the guardian, each by email and SMS.
        Supplier<List<String>> received = () -> {
            List<String> all = new ArrayList<>();
            Mailbox.to(mail, coordinator).forEach(m -> all.add(m.all()));
            Mailbox.to(mail, guardian).forEach(m -> all.add(m.all()));
            gateway.deliveredTo("4740000041").forEach(m -> all.add(m.text()));
            gateway.deliveredTo("4740000042").forEach(m -> all.add(m.text()));
            return all;
        };
        await().atMost(Duration.ofSeconds(30)).until(() -> received.get().size() >= 18);
        List<String> everything = received.get();
        assertThat(everything).hasSizeGreaterThanOrEqualTo(18);
        List<String> forbidden = List.of("Rusteam", "ungdom", "SUBSTANCE_ABUSE", "SCHOOL_ABSENCE", subjectId, referral.consentId(),
                "13-15", "KINDERGARTEN", "ESCALATE", "CHILD_WELFARE", "WRONG_ARENA", "NO_CASES_REGISTERED", "YELLOW");
        assertThat(everything).allSatisfy(notice -> assertThat(notice).doesNotContain(forbidden));
    }

    // ---- helpers

    HttpApi coordinatorApi() {
        return HttpApi.at(port).as(TestTokens.forRole("COORDINATOR"));
    }

    static String email(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@aukra.example";
    }

    static MemberContact staff(String userId, String role, String email, String phone, String channel, String otherChannel,
            String language) {
        List<String> channels = otherChannel == null ? List.of(channel) : List.of(channel, otherChannel);
        return new MemberContact(userId, "SCHOOL", role, email, phone, channels, language);
    }

    /**
     * Registers an arena on arena.events, coordinated by the user of {@link #coordinatorApi()}, with its members'
     * contacts at the stand-in arena-service, and waits until it is known.
     */
    String arena(String title, boolean sensitive, MemberContact... members) {
        return arenaCoordinatedBy("coordinator", title, sensitive, members);
    }

    String arenaCoordinatedBy(String coordinatorUserId, String title, boolean sensitive, MemberContact... members) {
        String arenaId = UUID.randomUUID().toString();
        sources.members(arenaId, members);
        publish(new ArenaRegistered(UUID.randomUUID(), Instant.now(), AUKRA, arenaId, title, ArenaLevel.INDIVIDUAL, 6, 18,
                List.of("SCHOOL", "PPT"), DiscussionMode.ANONYMOUS_OR_CONSENT, null, sensitive, null, List.of(), false));
        publish(new MemberJoined(UUID.randomUUID(), Instant.now(), AUKRA, arenaId, coordinatorUserId, "SCHOOL", MemberRole.COORDINATOR));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(Query.query(Criteria.where("_id").is(arenaId)), "arena_directory")
                && roster.roleOf(AUKRA, arenaId, coordinatorUserId).isPresent());
        return arenaId;
    }

    static MeetingScheduled meeting(String arenaId, String... participants) {
        return new MeetingScheduled(UUID.randomUUID(), Instant.now(), AUKRA, UUID.randomUUID().toString(), arenaId, START, END,
                "Aukra rådhus, møterom 2", List.of(participants), 0);
    }

    static ReferralSubmitted referral(String arenaId, String referrerUserId, String subjectId, boolean guardiansAttend) {
        boolean named = subjectId != null;
        return new ReferralSubmitted(UUID.randomUUID(), Instant.now(), AUKRA, UUID.randomUUID().toString(), arenaId,
                named ? DiscussionBasis.NAMED : DiscussionBasis.ANONYMOUS, subjectId, named ? "consent-" + UUID.randomUUID() : null,
                "13-15", "KINDERGARTEN", List.of("SUBSTANCE_ABUSE", "SCHOOL_ABSENCE"), PreventionLevel.YELLOW, IntakePath.STAFF,
                guardiansAttend, referrerUserId);
    }

    /** The same case, as the demo data's history records it: dated in the past, after the fact. */
    static ReferralSubmitted historic(ReferralSubmitted event) {
        return new ReferralSubmitted(event.eventId(), event.occurredAt().minus(Duration.ofDays(90)), event.municipality(), event.aggregateId(),
                event.arenaId(), event.basis(), event.subjectId(), event.consentId(), event.ageBand(), event.referrerUnitType(), event.themes(),
                event.preventionLevel(), event.path(), event.guardiansAttend(), event.referrerUserId(), event.escalatedFrom(), true);
    }

    void publish(DomainEvent event) {
        try (TestProducer producer = new TestProducer(String.join(",", kafka.getBootstrapServers()))) {
            producer.send(codec.toRecord(event));
        }
    }

    List<Mailbox.Mail> awaitMails(String address, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> Mailbox.to(mail, address).size() >= count);
        return Mailbox.to(mail, address);
    }

    List<DomainEvent> notificationEvents(int count, java.util.function.Predicate<DomainEvent> match) {
        try (TopicProbe probe = new TopicProbe(String.join(",", kafka.getBootstrapServers()), Topics.NOTIFICATION_EVENTS)) {
            List<DomainEvent> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                found.clear();
                for (ConsumerRecord<String, byte[]> record : probe.drain(Duration.ofMillis(300))) {
                    DomainEvent event = CloudEventCodec.decode(record.headers(), record.value());
                    if (match.test(event)) {
                        found.add(event);
                    }
                }
                return found.size() >= count;
            });
            return List.copyOf(found);
        }
    }

    double counter(String name, String... tags) {
        Collection<io.micrometer.core.instrument.Counter> counters = meters.find(name).tags(tags).counters();
        return counters.stream().mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }
}
