package no.samhandling.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** What the run command prints once everything is up: where people start, then every service. */
class SummaryTest {

    @Test
    void peopleStartAtTheGatewayAndEveryApplicationIsListed() {
        Settings settings = Settings.defaults().withDataDir(Path.of("/tmp/samhandling-summary"));

        String summary = LocalSystem.summary(settings, new RunningSystem(settings.dataDir()));

        assertThat(summary).contains("Start here, in a browser: http://localhost:8080");
        for (Service service : Service.values()) {
            if (service != Service.AUTH_SERVER) {
                assertThat(summary).contains(service.artifactId() + " ").contains(service.baseUrl());
            }
        }
        assertThat(summary.indexOf("Start here")).isLessThan(summary.indexOf("arena-service"));
    }

    @Test
    void tellsHowAnotherSystemReadsKafkaWithTheReadOnlyUser() {
        Settings settings = Settings.defaults().withDataDir(Path.of("/tmp/samhandling-summary"));

        String summary = LocalSystem.summary(settings, new RunningSystem(settings.dataDir()));

        assertThat(summary).contains("-X security.protocol=SASL_PLAINTEXT -X sasl.mechanisms=SCRAM-SHA-512")
                .contains("-X sasl.username=external-reader -X sasl.password=$(cat /tmp/samhandling-summary/keys/kafka/external-reader)");
    }
}
