package no.samhandling.platform.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import no.samhandling.events.Topics;
import no.samhandling.events.referral.DiscussionBasis;
import no.samhandling.events.referral.IntakePath;
import no.samhandling.events.referral.PreventionLevel;
import no.samhandling.events.referral.ReferralSubmitted;
import no.samhandling.platform.events.CloudEventCodec;
import no.samhandling.platform.test.HttpApi;
import no.samhandling.platform.test.ServiceTest;
import no.samhandling.platform.test.TestProducer;
import no.samhandling.platform.test.TestTokens;
import no.samhandling.platform.test.TopicProbe;
import no.samhandling.platform.testapp.ReceivedEvents;
import no.samhandling.platform.testapp.TestApplication;
import tools.jackson.databind.JsonNode;

/** An administrator lists, inspects and replays the service's dead letters through the API, never seeing a payload. */
@ServiceTest
@ContextConfiguration(classes = TestApplication.class)
class DeadLetterAdministrationTest {

    static final String DEAD_LETTERS = "referral.events.platform-test.dlq";
    static final String PAYLOAD_TEXT = "Kari Nordmann fødd 01.02.2003";

    @LocalServerPort
    int port;

    @Autowired
    ReceivedEvents received;

    @Autowired
    CloudEventCodec codec;

    // The context's own broker: the bootstrap-servers property is JVM-wide and names the broker of the last context started.
    @Autowired
    KafkaConnectionDetails kafka;

    TestProducer producer;

    @BeforeEach
    void producer() {
        producer = new TestProducer(brokers());
        received.breakAgain();
    }

    @AfterEach
    void close() {
        received.fix();
        producer.close();
    }

    @Test
    void listsAndInspectsDeadLettersWithTheirCauseButNeverTheirPayload() {
        ProducerRecord<String, byte[]> garbage = new ProducerRecord<>(Topics.REFERRAL_EVENTS, "garbage-" + UUID.randomUUID(),
                ("{\"name\": \"" + PAYLOAD_TEXT + "\"").getBytes(StandardCharsets.UTF_8));
        String garbageId = UUID.randomUUID().toString();
        garbage.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        garbage.headers().add("ce_id", garbageId.getBytes(StandardCharsets.UTF_8));
        garbage.headers().add("ce_source", "/samhandling/referral-service".getBytes(StandardCharsets.UTF_8));
        garbage.headers().add("ce_type", "referral.submitted.v1".getBytes(StandardCharsets.UTF_8));
        garbage.headers().add("ce_municipality", TestTokens.AUKRA.getBytes(StandardCharsets.UTF_8));
        garbage.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        producer.send(garbage);
        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(garbageId);

        HttpApi.Response listed = admin().get("/admin/dead-letters?topic=" + DEAD_LETTERS + "&limit=1000");

        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).doesNotContain("Kari").doesNotContain("2003");
        JsonNode entry = entry(listed.json(), garbageId);
        assertThat(entry.get("deadLetterTopic").asString()).isEqualTo(DEAD_LETTERS);
        assertThat(entry.get("offset").asLong()).isEqualTo(dead.offset());
        assertThat(entry.get("originalTopic").asString()).isEqualTo(Topics.REFERRAL_EVENTS);
        assertThat(entry.get("eventType").asString()).isEqualTo("referral.submitted.v1");
        assertThat(entry.get("source").asString()).isEqualTo("/samhandling/referral-service");
        assertThat(entry.get("cause").asString()).startsWith("InvalidEventException: Payload is not a valid referral.submitted.v1");
        assertThat(entry.get("deadLetteredAt").asString()).isNotBlank();
        assertThat(entry.get("replayed").asBoolean()).isFalse();
        assertThat(listed.json().get("total").asInt()).isPositive();

        HttpApi.Response inspected = admin().get("/admin/dead-letters/" + DEAD_LETTERS + "/" + dead.partition() + "/" + dead.offset());

        assertThat(inspected.status()).isEqualTo(200);
        assertThat(inspected.body()).doesNotContain("Kari").doesNotContain("2003");
        assertThat(inspected.json().get("payloadBytes").asInt()).isEqualTo(dead.value().length);
        assertThat(inspected.json().get("headers").get("ce_id").asString()).isEqualTo(garbageId);
        assertThat(inspected.json().get("headers").get("kafka_dlt-original-offset").asString()).matches("[0-9]+");
        assertThat(inspected.json().get("deadLetter").get("cause").asString()).startsWith("InvalidEventException");
    }

    @Test
    void replaysADeadLetterIntoTheSameHandlersOnceAfterTheFix() {
        ReferralSubmitted event = submitted(ReceivedEvents.BROKEN_ARENA);
        producer.send(codec.toRecord(event));
        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(event.eventId().toString());
        String path = "/admin/dead-letters/" + DEAD_LETTERS + "/" + dead.partition() + "/" + dead.offset() + "/replay";

        HttpApi.Response stillBroken = admin().post(path, "");

        assertThat(stillBroken.status()).isEqualTo(409);
        assertThat(stillBroken.json().get("type").asString()).isEqualTo("urn:samhandling:problem:dead-letter-replay-failed");
        assertThat(stillBroken.json().get("cause").asString()).isEqualTo("IllegalStateException: a bug in the handler");
        assertThat(received.handled()).noneMatch(e -> e.eventId().equals(event.eventId()));

        received.fix();
        HttpApi.Response replayed = admin().post(path, "");
        HttpApi.Response again = admin().post(path, "");

        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.json().get("outcome").asString()).isEqualTo("APPLIED");
        assertThat(received.handled()).filteredOn(e -> e.eventId().equals(event.eventId())).hasSize(1);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).isEqualTo("urn:samhandling:problem:conflict");
        assertThat(entry(admin().get("/admin/dead-letters?topic=" + DEAD_LETTERS + "&limit=1000").json(), event.eventId().toString())
                .get("replayed").asBoolean()).isTrue();
    }

    @Test
    void replaysEveryDeadLetterOfATopicNotReplayedYetAndReportsWhatStillFails() {
        ReferralSubmitted first = submitted(ReceivedEvents.BROKEN_ARENA);
        ReferralSubmitted second = submitted(ReceivedEvents.BROKEN_ARENA);
        producer.send(codec.toRecord(first));
        producer.send(codec.toRecord(second));
        awaitDeadLetter(second.eventId().toString());
        received.fix();

        HttpApi.Response all = admin().post("/admin/dead-letters/" + DEAD_LETTERS + "/replay", "");

        assertThat(all.status()).isEqualTo(200);
        assertThat(received.handled()).filteredOn(e -> e.eventId().equals(first.eventId()) || e.eventId().equals(second.eventId()))
                .hasSize(2);
        assertThat(all.json().get("replayed").valueStream().map(r -> r.get("outcome").asString())).contains("APPLIED");
        // Records that never were valid events cannot be replayed; they are reported, and stay dead letters.
        assertThat(all.json().get("failed").valueStream().map(f -> f.get("cause").asString()))
                .allMatch(cause -> cause.contains("Exception"));

        HttpApi.Response secondTime = admin().post("/admin/dead-letters/" + DEAD_LETTERS + "/replay", "");
        assertThat(secondTime.json().get("replayed").valueStream().map(r -> r.get("id").asString()))
                .noneMatch(id -> all.json().get("replayed").valueStream().anyMatch(r -> r.get("id").asString().equals(id)));
    }

    @Test
    void answersBadInputWithAProblemNamingTheField() {
        assertThat(admin().get("/admin/dead-letters?limit=0").json().get("errors").get(0).get("field").asString()).isEqualTo("limit");
        assertThat(admin().get("/admin/dead-letters?limit=5000").status()).isEqualTo(400);
        HttpApi.Response unknownTopic = admin().get("/admin/dead-letters?topic=referral.events.someone-else.dlq");
        assertThat(unknownTopic.status()).isEqualTo(400);
        assertThat(unknownTopic.json().get("errors").get(0).get("field").asString()).isEqualTo("topic");
        HttpApi.Response notANumber = admin().get("/admin/dead-letters/" + DEAD_LETTERS + "/0/abc");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.json().get("errors").get(0).get("field").asString()).isEqualTo("offset");
        assertThat(admin().get("/admin/dead-letters/" + DEAD_LETTERS + "/0/999999").status()).isEqualTo(404);
        assertThat(admin().get("/admin/dead-letters/referral.events.someone-else.dlq/0/0").status()).isEqualTo(404);
        assertThat(admin().post("/admin/dead-letters/referral.events.someone-else.dlq/replay", "").status()).isEqualTo(404);
    }

    @Test
    void onlyAdministratorsOfTheRecordsMunicipalitySeeIt() {
        ReferralSubmitted event = submitted(ReceivedEvents.BROKEN_ARENA);
        producer.send(codec.toRecord(event));
        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(event.eventId().toString());
        String one = "/admin/dead-letters/" + DEAD_LETTERS + "/" + dead.partition() + "/" + dead.offset();

        assertThat(HttpApi.at(port).as(TestTokens.forRole("COORDINATOR")).get("/admin/dead-letters").status()).isEqualTo(403);
        assertThat(HttpApi.at(port).get("/admin/dead-letters").status()).isEqualTo(401);
        HttpApi melhus = HttpApi.at(port).as(TestTokens.token("melhus-admin", TestTokens.MELHUS, "ADMIN"));
        assertThat(melhus.get(one).status()).isEqualTo(404);
        assertThat(melhus.post(one + "/replay", "").status()).isEqualTo(404);
        assertThat(melhus.get("/admin/dead-letters?limit=1000").body()).doesNotContain(event.eventId().toString());
    }

    private HttpApi admin() {
        return HttpApi.at(port).as(TestTokens.forRole("ADMIN"));
    }

    private ConsumerRecord<String, byte[]> awaitDeadLetter(String eventId) {
        try (TopicProbe probe = new TopicProbe(brokers(), DEAD_LETTERS)) {
            ConsumerRecord<String, byte[]> dead = probe.awaitRecord(record -> eventId.equals(TopicProbe.header(record, "ce_id")),
                    Duration.ofSeconds(30)).stream().filter(record -> eventId.equals(TopicProbe.header(record, "ce_id"))).findFirst().orElseThrow();
            return dead;
        }
    }

    private static JsonNode entry(JsonNode listing, String eventId) {
        return listing.get("deadLetters").valueStream().filter(entry -> eventId.equals(entry.get("eventId").asString()))
                .findFirst().orElseThrow(() -> new AssertionError("no dead letter " + eventId + " in " + listing));
    }

    private static ReferralSubmitted submitted(String arenaId) {
        return new ReferralSubmitted(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, UUID.randomUUID().toString(), arenaId,
                DiscussionBasis.ANONYMOUS, null, null, "6-12", "SCHOOL", List.of("ABSENCE"), PreventionLevel.YELLOW, IntakePath.STAFF, false);
    }

    private String brokers() {
        return String.join(",", kafka.getBootstrapServers());
    }
}
