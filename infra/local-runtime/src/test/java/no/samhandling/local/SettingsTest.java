package no.samhandling.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void defaultsToTheWorkingDirectoryWithDataInDotLocal() {
        Settings settings = Settings.parse();

        Path workingDir = Path.of("").toAbsolutePath();
        assertThat(settings.repoDir()).isEqualTo(workingDir);
        assertThat(settings.dataDir()).isEqualTo(workingDir.resolve(".local"));
        assertThat(settings.demoData()).isTrue();
        assertThat(settings.infrastructureOnly()).isFalse();
    }

    @Test
    void readsEveryOption() {
        Settings settings = Settings.parse("--data-dir", "/tmp/d", "--repo-dir", "/tmp/r", "--no-demo-data", "--infra-only");

        assertThat(settings.dataDir()).isEqualTo(Path.of("/tmp/d"));
        assertThat(settings.repoDir()).isEqualTo(Path.of("/tmp/r"));
        assertThat(settings.demoData()).isFalse();
        assertThat(settings.infrastructureOnly()).isTrue();
    }

    @Test
    void rejectsAnUnknownOptionAndAMissingDirectory() {
        assertThatThrownBy(() -> Settings.parse("--verbose")).hasMessageContaining("--verbose");
        assertThatThrownBy(() -> Settings.parse("--data-dir")).hasMessageContaining("--data-dir needs a directory");
        assertThatThrownBy(() -> Settings.parse("--data-dir", "--no-demo-data")).hasMessageContaining("--data-dir");
    }

    @Test
    void runsTheNamedCopiesOfAServiceEachOnItsOwnPort() {
        Settings settings = Settings.parse("--instances", "referral-service=2,notification-service=3");
        Instances instances = settings.instances();

        assertThat(instances.instancesOf(Service.REFERRAL)).extracting(ServiceInstance::name, ServiceInstance::port)
                .containsExactly(tuple("referral-service", 8082),
                        tuple("referral-service-2", 8182));
        assertThat(instances.instancesOf(Service.NOTIFICATION)).extracting(ServiceInstance::port).containsExactly(8084, 8184, 8284);
        assertThat(instances.instancesOf(Service.ARENA)).extracting(ServiceInstance::port).containsExactly(8081);
        assertThat(Settings.parse().instances().of(Service.REFERRAL)).isEqualTo(1);
    }

    @Test
    void rejectsAnUnknownServiceOrACountOutOfRange() {
        assertThatThrownBy(() -> Settings.parse("--instances", "billing-service=2")).hasMessageContaining("unknown service billing-service");
        assertThatThrownBy(() -> Settings.parse("--instances", "referral-service=0")).hasMessageContaining("1 to 5");
        assertThatThrownBy(() -> Settings.parse("--instances", "referral-service")).hasMessageContaining("service=count");
        assertThatThrownBy(() -> Settings.parse("--instances")).hasMessageContaining("--instances needs service=count");
    }
}
