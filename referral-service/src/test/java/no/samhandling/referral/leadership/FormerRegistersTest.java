package no.samhandling.referral.leadership;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.Filters;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventJson;
import no.samhandling.events.Topics;
import no.samhandling.events.leadership.LeadershipItemFollowedUp;
import no.samhandling.events.leadership.LeadershipItemKind;
import no.samhandling.events.referral.DeviationReported;
import no.samhandling.platform.events.CloudEventCodec;
import no.samhandling.platform.test.HttpApi;
import no.samhandling.platform.test.ServiceTest;
import no.samhandling.platform.test.TestTokens;
import no.samhandling.platform.test.TopicProbe;

/**
 * Items the former registers stored ({@code deviations}, {@code system_cases}, in their own shapes)
 * still load after the move into {@code leadership_items}: the same data through the same API and
 * access rules, the former register's unsent events still go out on {@code referral.events}, and the
 * item goes on with its new events on {@code leadership.events} under the same id.
 */
@ServiceTest
class FormerRegistersTest {

    static final Instant REPORTED_AT = Instant.parse("2026-11-20T08:15:00Z");

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    KafkaConnectionDetails kafka;

    @Test
    void aFormerDeviationLoadsSendsItsUnsentEventOnTheOldTopicAndGoesOnOnTheNewOne() {
        String id = UUID.randomUUID().toString();
        DeviationReported unsent = new DeviationReported(UUID.randomUUID(), REPORTED_AT, TestTokens.AUKRA, id, "MISSED_FOLLOW_UP", "SCHOOL");
        mongo.getCollection(FormerRegisters.DEVIATIONS).insertOne(new Document("_id", id)
                .append("municipality", TestTokens.AUKRA)
                .append("category", "MISSED_FOLLOW_UP")
                .append("unitType", "SCHOOL")
                .append("whatHappened", "Avtalt oppfølging vart ikkje gjort.")
                .append("occurredOn", mongo.getConverter().convertToMongoType(LocalDate.of(2026, 11, 19)))
                .append("reportedBy", "referrer")
                .append("reportedAt", Date.from(REPORTED_AT))
                .append("status", "REPORTED")
                .append("followUps", List.of())
                .append("_class", "no.samhandling.referral.deviations.Deviation")
                .append("outboxShard", 3)
                .append("version", 0L)
                .append("outbox", List.of(outboxEntry(unsent))));

        FormerRegisters.moveInto(mongo, "leadership_items");
        FormerRegisters.moveInto(mongo, "leadership_items");

        HttpApi.Response reporter = HttpApi.at(port).as(TestTokens.token("referrer", TestTokens.AUKRA, "REFERRER")).get("/deviations/" + id);
        assertThat(reporter.status()).isEqualTo(200);
        assertThat(reporter.json().get("whatHappened").asString()).isEqualTo("Avtalt oppfølging vart ikkje gjort.");
        assertThat(reporter.json().get("occurredOn").asString()).isEqualTo("2026-11-19");
        assertThat(reporter.json().get("reportedBy").asString()).isEqualTo("referrer");
        assertThat(reporter.json().get("reportedAt").asString()).isEqualTo("2026-11-20T08:15:00Z");
        assertThat(reporter.json().get("status").asString()).isEqualTo("REPORTED");
        assertThat(HttpApi.at(port).as(TestTokens.token("other-referrer", TestTokens.AUKRA, "REFERRER")).get("/deviations/" + id).status())
                .isEqualTo(404);
        assertThat(leader().get("/deviations?status=REPORTED&category=MISSED_FOLLOW_UP").json().findValuesAsString("id")).contains(id);
        assertThat(leader().get("/system-cases/" + id).status()).isEqualTo(404);
        assertThat(mongo.getCollection(FormerRegisters.DEVIATIONS).countDocuments(Filters.eq("_id", id))).isZero();
        assertThat(mongo.getCollection("leadership_items").countDocuments(Filters.eq("_id", id))).isOne();

        assertThat(leader().post("/deviations/" + id + "/follow-ups", "{\"note\": \"Teamleiar minna om rutinen.\"}").status()).isEqualTo(200);

        ConsumerRecord<String, byte[]> history = awaitRecord(Topics.REFERRAL_EVENTS, id);
        assertThat(CloudEventCodec.decode(history.headers(), history.value())).isEqualTo(unsent);
        ConsumerRecord<String, byte[]> next = awaitRecord(Topics.LEADERSHIP_EVENTS, id);
        DomainEvent followedUp = CloudEventCodec.decode(next.headers(), next.value());
        assertThat(followedUp).isInstanceOfSatisfying(LeadershipItemFollowedUp.class, event -> {
            assertThat(event.kind()).isEqualTo(LeadershipItemKind.DEVIATION);
            assertThat(event.categoryCode()).isEqualTo("MISSED_FOLLOW_UP");
            assertThat(event.unitType()).isEqualTo("SCHOOL");
            assertThat(event.followUpNumber()).isEqualTo(1);
        });
    }

    @Test
    void aFormerSystemCaseLoadsWithItsFollowUpsAndAccessRule() {
        String id = UUID.randomUUID().toString();
        mongo.getCollection(FormerRegisters.SYSTEM_CASES).insertOne(new Document("_id", id)
                .append("municipality", TestTokens.AUKRA)
                .append("category", "CAPACITY")
                .append("title", "Ventetid til PPT")
                .append("description", "Over fire månader før PPT kan starte.")
                .append("registeredBy", "coordinator")
                .append("registeredAt", Date.from(REPORTED_AT))
                .append("status", "FOLLOWED_UP")
                .append("followUps", List.of(new Document("note", "Drøfta.").append("byUserId", "leader").append("at", Date.from(REPORTED_AT))))
                .append("outboxShard", 5)
                .append("version", 2L)
                .append("outbox", List.of()));

        FormerRegisters.moveInto(mongo, "leadership_items");

        HttpApi.Response shown = HttpApi.at(port).as(TestTokens.token("coordinator", TestTokens.AUKRA, "COORDINATOR")).get("/system-cases/" + id);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json().get("title").asString()).isEqualTo("Ventetid til PPT");
        assertThat(shown.json().get("status").asString()).isEqualTo("FOLLOWED_UP");
        assertThat(shown.json().get("followUps").findValuesAsString("note")).containsExactly("Drøfta.");
        assertThat(HttpApi.at(port).as(TestTokens.token("other-coordinator", TestTokens.AUKRA, "COORDINATOR")).get("/system-cases/" + id).status())
                .isEqualTo(404);
        assertThat(leader().get("/deviations/" + id).status()).isEqualTo(404);
        HttpApi.Response closed = leader().post("/system-cases/" + id + "/close",
                "{\"actionCode\": \"RESOURCES_ALLOCATED\", \"actionTaken\": \"Ein ekstra stilling i PPT.\"}");
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
    }

    private HttpApi leader() {
        return HttpApi.at(port).as(TestTokens.forRole("LEADER"));
    }

    /** An unsent event as the former register's document held it. */
    private static Document outboxEntry(DomainEvent event) {
        return new Document("eventId", event.eventId().toString())
                .append("type", "referral.deviation-reported.v1")
                .append("topic", Topics.REFERRAL_EVENTS)
                .append("key", event.aggregateId())
                .append("time", Date.from(event.occurredAt()))
                .append("municipality", event.municipality())
                .append("payload", EventJson.writeString(event));
    }

    private ConsumerRecord<String, byte[]> awaitRecord(String topic, String id) {
        try (TopicProbe probe = new TopicProbe(String.join(",", kafka.getBootstrapServers()), topic)) {
            return probe.awaitRecord(record -> id.equals(record.key()), Duration.ofSeconds(30)).stream()
                    .filter(record -> id.equals(record.key())).findFirst().orElseThrow();
        }
    }
}
