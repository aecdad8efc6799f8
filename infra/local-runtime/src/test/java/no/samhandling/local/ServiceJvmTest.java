package no.samhandling.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ServiceJvmTest {

    private static final Path EXEC_JAR = Path.of("/repo/arena-service/target/arena-service-1-exec.jar");
    private static final Path APPLICATION_JAR = Path.of("/repo/arena-service/target/aot/arena-service-1-exec.jar");

    @Test
    void jdk25AndLaterUseTheAotCacheAndOlderJdksADynamicCdsArchive() {
        assertThat(ServiceJvm.cacheKind(21)).isEqualTo(ServiceJvm.CacheKind.CDS_ARCHIVE);
        assertThat(ServiceJvm.cacheKind(24)).isEqualTo(ServiceJvm.CacheKind.CDS_ARCHIVE);
        assertThat(ServiceJvm.cacheKind(25)).isEqualTo(ServiceJvm.CacheKind.AOT_CACHE);
        assertThat(ServiceJvm.cacheKind(26)).isEqualTo(ServiceJvm.CacheKind.AOT_CACHE);
    }

    @Test
    void compactObjectHeadersOnlyWhereTheJdkHasThemAsAProductOption() {
        assertThat(ServiceJvm.options(21)).contains("-XX:+UseSerialGC").doesNotContain("-XX:+UseCompactObjectHeaders");
        assertThat(ServiceJvm.options(24)).doesNotContain("-XX:+UseCompactObjectHeaders");
        assertThat(ServiceJvm.options(25)).contains("-XX:+UseSerialGC", "-XX:+UseCompactObjectHeaders");
    }

    @Test
    void theNativeHeapIsTrimmedOnlyWhereTheJdkHasItAsAProductOption() {
        assertThat(ServiceJvm.runOptions(Service.ARENA, 21)).contains("-XX:TieredStopAtLevel=1")
                .noneMatch(option -> option.startsWith("-XX:TrimNativeHeapInterval"));
        assertThat(ServiceJvm.runOptions(Service.ARENA, 22)).contains("-XX:TrimNativeHeapInterval=5000");
        assertThat(ServiceJvm.runOptions(Service.ARENA, 25)).contains("-XX:TieredStopAtLevel=1", "-XX:TrimNativeHeapInterval=5000");
        assertThat(ServiceJvm.runOptions(Service.REPORTING, 25)).contains("-XX:TrimNativeHeapInterval=5000")
                .noneMatch(option -> option.startsWith("-XX:TieredStopAtLevel"));
    }

    @Test
    void everyServiceRunsWithASmallHeapAndUnloadsCompiledCodeSeldomButIsNotTrainedSo() {
        for (Service service : List.of(Service.ARENA, Service.REPORTING)) {
            assertThat(ServiceJvm.runOptions(service, 21)).containsSequence(ServiceJvm.HEAP_OPTIONS).containsAll(ServiceJvm.CODE_CACHE_OPTIONS);
        }
        assertThat(ServiceJvm.options(25)).doesNotContainAnyElementsOf(ServiceJvm.HEAP_OPTIONS)
                .doesNotContainAnyElementsOf(ServiceJvm.CODE_CACHE_OPTIONS);
    }

    @Test
    void trimmingIsNotPartOfTheOptionsACacheIsTrainedWith() {
        assertThat(ServiceJvm.options(25)).noneMatch(option -> option.startsWith("-XX:TrimNativeHeapInterval"));
    }

    @Test
    void eachKindIsTrainedAndUsedWithItsOwnOption() {
        Path file = Path.of("/c/app.x");

        assertThat(ServiceJvm.CacheKind.AOT_CACHE.trainOption(file)).isEqualTo("-XX:AOTCacheOutput=/c/app.x");
        assertThat(ServiceJvm.CacheKind.AOT_CACHE.useOption(file)).isEqualTo("-XX:AOTCache=/c/app.x");
        assertThat(ServiceJvm.CacheKind.CDS_ARCHIVE.trainOption(file)).isEqualTo("-XX:ArchiveClassesAtExit=/c/app.x");
        assertThat(ServiceJvm.CacheKind.CDS_ARCHIVE.useOption(file)).isEqualTo("-XX:SharedArchiveFile=/c/app.x");
    }

    @Test
    void aUsableCacheRunsTheExtractedJarWithIt() {
        Path cache = Path.of("/repo/arena-service/target/aot/arena-service-1-exec.aot");
        List<String> command = ServiceJvm.command("java", Service.ARENA, EXEC_JAR,
                Optional.of(new AotCache.Usable(ServiceJvm.CacheKind.AOT_CACHE, cache, APPLICATION_JAR)));

        assertThat(command).startsWith("java").containsSequence(ServiceJvm.OPTIONS).contains("-XX:TieredStopAtLevel=1")
                .endsWith("-XX:AOTCache=" + cache, "-jar", APPLICATION_JAR.toString());
    }

    @Test
    void withoutACacheTheExecutableJarRunsAsBuilt() {
        List<String> command = ServiceJvm.command("java", Service.ARENA, EXEC_JAR, Optional.empty());

        assertThat(command).containsSequence(ServiceJvm.OPTIONS).endsWith("-jar", EXEC_JAR.toString());
        assertThat(command).noneMatch(option -> option.startsWith("-XX:AOTCache") || option.startsWith("-XX:SharedArchiveFile"));
    }

    @Test
    void reportingServiceKeepsC2ForTheSolverThatProtectsItsReleases() {
        assertThat(ServiceJvm.command("java", Service.REPORTING, EXEC_JAR, Optional.empty()))
                .noneMatch(option -> option.startsWith("-XX:TieredStopAtLevel"));
        assertThat(ServiceJvm.command("java", Service.REFERRAL, EXEC_JAR, Optional.empty())).contains("-XX:TieredStopAtLevel=1");
    }
}
