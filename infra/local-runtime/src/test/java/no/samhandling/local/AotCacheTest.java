package no.samhandling.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotCacheTest {

    private static final String JDK = "25.0.3+9-LTS";

    @TempDir
    Path target;

    @Test
    void aTrainedCacheIsUsedByTheJdkThatTrainedIt() throws IOException {
        AotCache cache = trained(jar("a"));

        AotCache.Check check = cache.check(25, JDK);

        assertThat(check.usable()).hasValueSatisfying(usable -> {
            assertThat(usable.kind()).isEqualTo(ServiceJvm.CacheKind.AOT_CACHE);
            assertThat(usable.cacheFile()).isEqualTo(target.resolve("aot/app-exec.aot"));
            assertThat(usable.applicationJar()).isEqualTo(target.resolve("aot/app-exec.jar"));
        });
    }

    @Test
    void noCacheBeforeTraining() throws IOException {
        AotCache.Check check = AotCache.of(jar("a")).check(25, JDK);

        assertThat(check.usable()).isEmpty();
        assertThat(check.reason()).contains("no cache").contains("./mvnw package");
    }

    @Test
    void anotherJdkFallsBackSayingWhich() throws IOException {
        AotCache cache = trained(jar("a"));

        AotCache.Check check = cache.check(25, "25.0.4+7-LTS");

        assertThat(check.usable()).isEmpty();
        assertThat(check.reason()).isEqualTo("trained on another JDK (" + JDK + ", running 25.0.4+7-LTS)");
    }

    @Test
    void aJdkOlderThan25LooksForItsCdsArchiveNotTheAotCache() throws IOException {
        AotCache cache = trained(jar("a"));

        assertThat(cache.check(21, JDK).usable()).isEmpty();
    }

    @Test
    void aChangedJarFallsBackButARebuildOfTheSameContentDoesNot() throws IOException {
        AotCache cache = trained(jar("a"));

        Files.setLastModifiedTime(jar("a"), FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(cache.check(25, JDK).usable()).isPresent();

        jar("b");
        AotCache.Check check = cache.check(25, JDK);
        assertThat(check.usable()).isEmpty();
        assertThat(check.reason()).contains("changed since training");
    }

    private AotCache trained(Path execJar) throws IOException {
        AotCache cache = AotCache.of(execJar);
        Files.createDirectories(cache.dir());
        Files.writeString(cache.applicationJar(), "extracted");
        Files.writeString(cache.cacheFile(ServiceJvm.CacheKind.AOT_CACHE), "cache");
        cache.stamp(JDK);
        return cache;
    }

    /** An executable jar whose one class has the given content; the entry's time is always now, as a rebuild's is. */
    private Path jar(String content) throws IOException {
        Path jar = target.resolve("app-exec.jar");
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("BOOT-INF/classes/App.class"));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return jar;
    }
}
