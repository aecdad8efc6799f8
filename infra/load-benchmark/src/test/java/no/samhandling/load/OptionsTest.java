package no.samhandling.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void defaultsToTheTargetOfAHundredPerSecondForAMinute() {
        Options options = Options.parse();

        assertThat(options.schedule()).isEqualTo(new Schedule(100, Duration.ofSeconds(60)));
        assertThat(options.drain()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.dataDir()).isEqualTo(Path.of(".local"));
        assertThat(options.bareLimits()).isTrue();
    }

    @Test
    void readsEveryOptionAndEverySpellingOfATime() {
        Options options = Options.parse("--rate", "20", "--duration", "2m", "--drain", "PT30S", "--data-dir", "/tmp/x", "--no-bare");

        assertThat(options.schedule()).isEqualTo(new Schedule(20, Duration.ofMinutes(2)));
        assertThat(options.drain()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(options.bareLimits()).isFalse();
        assertThat(Options.duration("--drain", "90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Options.duration("--drain", "500ms")).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        assertThatThrownBy(() -> Options.parse("--verbose")).hasMessageContaining("Unknown option --verbose");
        assertThatThrownBy(() -> Options.parse("--rate")).hasMessageContaining("--rate needs a value");
        assertThatThrownBy(() -> Options.parse("--rate", "fast")).hasMessageContaining("--rate takes a number");
        assertThatThrownBy(() -> Options.parse("--duration", "soon")).hasMessageContaining("--duration takes a time");
    }
}
