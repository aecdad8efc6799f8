package no.samhandling.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import no.samhandling.events.Topics;
import no.samhandling.platform.test.HttpApi;
import no.samhandling.platform.test.ServiceTest;
import no.samhandling.platform.test.TestTokens;
import no.samhandling.platform.test.TopicProbe;
import no.samhandling.platform.testapp.TestApplication;

@ServiceTest
@ContextConfiguration(classes = TestApplication.class)
@ExtendWith(OutputCaptureExtension.class)
class TraceAndLogTest {

    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @LocalServerPort
    int port;

    // The context's own broker: the bootstrap-servers property is JVM-wide and names the broker of the last context started.
    @Autowired
    KafkaConnectionDetails kafka;

    @Test
    void carriesTheRequestsTraceContextOntoTheEvent() {
        String id = HttpApi.at(port).as(TestTokens.forRole("REFERRER"))
                .withHeader("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
                .post("/concerns", """
                        {"arenaId": "arena-traced", "ageBand": {"from": 6, "to": 12}}""")
                .json().get("id").asString();

        try (TopicProbe probe = new TopicProbe(brokers(), Topics.REFERRAL_EVENTS)) {
            ConsumerRecord<String, byte[]> record = probe.awaitRecord(r -> id.equals(r.key()), Duration.ofSeconds(30)).stream()
                    .filter(r -> id.equals(r.key())).findFirst().orElseThrow();
            assertThat(TopicProbe.header(record, "traceparent")).startsWith("00-" + TRACE_ID + "-");
        }
    }

    @Test
    void logsNeitherTokensNorRequestBodies(CapturedOutput output) {
        String token = TestTokens.forRole("REFERRER");
        HttpApi.at(port).as(token).post("/concerns", """
                {"arenaId": "Kari Nordmann 01020312345", "ageBand": {"from": "seks", "to": 12}}""");
        HttpApi.at(port).as(token).post("/concerns", "{\"arenaId\": \"Kari Nordmann 01020312345");
        HttpApi.at(port).as(token).post("/concerns", """
                {"arenaId": "Kari Nordmann 01020312345", "ageBand": {"from": 6, "to": 12}}""");

        assertThat(output.getAll()).doesNotContain("Kari Nordmann").doesNotContain("01020312345").doesNotContain(token);
    }

    private String brokers() {
        return String.join(",", kafka.getBootstrapServers());
    }
}
