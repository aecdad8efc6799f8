package no.samhandling.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
