package no.samhandling.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class LauncherJvmTest {

    @Test
    void theCopyRunsTheLauncherWithItsOwnOptionsAndEveryArgument() {
        List<String> command = LauncherJvm.command("java", "/r/local-runtime.jar",
                new String[] {"--instances", "referral-service=2", "--benchmark-startup"});

        assertThat(command).startsWith("java").containsSequence(LauncherJvm.OPTIONS)
                .contains("-D" + LauncherJvm.RELAUNCHED + "=true")
                .endsWith("-cp", "/r/local-runtime.jar", LocalSystem.class.getName(),
                        "--instances", "referral-service=2", "--benchmark-startup");
    }

    @Test
    void theLaunchersNativeHeapIsTrimmedOnlyWhereTheJdkHasItAsAProductOption() {
        assertThat(LauncherJvm.options(21)).contains("-XX:+UseSerialGC")
                .noneMatch(option -> option.startsWith("-XX:TrimNativeHeapInterval"));
        assertThat(LauncherJvm.options(25)).contains("-XX:+UseSerialGC", "-XX:TrimNativeHeapInterval=5000");
    }

    @Test
    void aTestRunningTheLauncherInItsOwnJvmIsNotRelaunched() {
        assertThat(LauncherJvm.isRelaunched()).isFalse();
    }
}
