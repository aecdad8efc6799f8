package no.samhandling.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JVM command line of a Spring Boot application in the local system: options sized for a laptop running eight JVMs
 * at once, and the application's trained class cache ({@link AotCache}) when there is a usable one.
 *
 * <p>What each option buys on the 2-core machine (README, Start-up benchmark): the Serial collector has no GC threads and
 * the smallest footprint; the heap limit holds every service's tests and demo data; a small code cache and metaspace cap
 * keep the non-heap part from growing with JIT activity; a 512 KiB thread stack is plenty for Tomcat's and Kafka's
 * threads.
 */
final class ServiceJvm {

    /**
     * Only when running, not in training, so the caches stay valid: C1 alone compiles what a service runs. Measured on
     * the 2-core machine to context refresh (referral-service, probe beside the start-up benchmark): 5.5-6.0 CPU seconds
     * and 205 MiB peak RSS against 8.5-9.1 s and 252-268 MiB with C2 as well. C1's code is slower at peak, so the load
     * benchmark (README) is the judge of whether a service under steady load misses C2; Kafka runs the same way. The
     * native heap is given back as well ({@link #trimNativeHeap}).
     */
    static final List<String> RUN_OPTIONS = List.of("-XX:TieredStopAtLevel=1");

    /** JDK 22 makes periodic trimming of the C heap a product option; JDK 21 has it only as an experimental one. */
    static final int TRIM_NATIVE_HEAP_SINCE = 22;

    /**
     * Every 5 s, glibc's malloc gives the memory it keeps after a free back to the system (JDK-8293114). Start-up frees a
     * lot of it (the JIT's arenas, parsing, class loading), which glibc otherwise keeps: on the 2-core machine a trim once
     * ready gave back 2-6 MiB of a service and 20 MiB of the launcher, and the whole system's RSS once ready went down by
     * 10-30 MiB (README, Start-up benchmark). Kafka and the launcher take it too. It does not touch the cache's validity.
     */
    static List<String> trimNativeHeap(int javaFeatureVersion) {
        return javaFeatureVersion >= TRIM_NATIVE_HEAP_SINCE ? List.of("-XX:TrimNativeHeapInterval=5000") : List.of();
    }

    /**
     * reporting-service keeps C2: it solves linear programs to protect each release (a CPU-bound minute of work for a
     * year of figures), and C1's code took several times as long for it. Its first read of the releases after a start
     * (the leader's {@code /tall}) took 18.6 s with C1 alone on the loaded 2-core machine; {@code ReleaseAttackTest}, the
     * same solver, 1,116 s against 192 s with C2.
     */
    static List<String> runOptions(Service service) {
        return runOptions(service, Runtime.version().feature());
    }

    /**
     * A heap that keeps little free room and a small young generation: a service's live data is 35-60 MiB, and the
     * collector's defaults (40-70 % free, a third of the heap young) let the committed heap grow to about 90 MiB. About
     * 95 MiB less for the whole system once ready (README, Start-up benchmark), for young collections that come more
     * often and each take a few milliseconds.
     */
    static final List<String> HEAP_OPTIONS = List.of("-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-XX:MaxNewSize=12m");

    /**
     * A collection to unload compiled code only after half the code cache was filled since the last one, not 15 %: with
     * the Serial collector that collection is a full one, and under the load benchmark it stopped referral-service and
     * arena-service for 150-330 ms while C1 was still compiling what the load runs (their GC logs, README).
     */
    static final List<String> CODE_CACHE_OPTIONS = List.of("-XX:SweeperThreshold=50");

    /** The options that only a running service takes, for a JVM of the given Java release. */
    static List<String> runOptions(Service service, int javaFeatureVersion) {
        List<String> options = new ArrayList<>(service == Service.REPORTING ? List.of() : RUN_OPTIONS);
        options.addAll(HEAP_OPTIONS);
        options.addAll(CODE_CACHE_OPTIONS);
        options.addAll(trimNativeHeap(javaFeatureVersion));
        return List.copyOf(options);
    }

    /** JDK 25 makes compact object headers (JEP 519) a product option; JDK 21 would refuse to start with it. */
    static final int COMPACT_HEADERS_SINCE = 25;

    /**
     * The same for training and for running: the JVM refuses a cache made with another collector or object header
     * layout. The children run on the launcher's own Java ({@link ChildProcess#javaBinary()}), so its version decides.
     */
    static final List<String> OPTIONS = options(Runtime.version().feature());

    /** The options for a JVM of the given Java release. */
    static List<String> options(int javaFeatureVersion) {
        List<String> options = new ArrayList<>(List.of(
                "-XX:+UseSerialGC",
                "-Xms32m",
                "-Xmx256m",
                "-Xss512k",
                "-XX:ReservedCodeCacheSize=64m",
                "-XX:MaxMetaspaceSize=192m"));
        options.addAll(compactHeaders(javaFeatureVersion));
        return List.copyOf(options);
    }

    /**
     * 8 instead of 12 bytes of header ahead of every object: a Spring Boot service's heap holds millions of small
     * objects, so its live data shrinks by about a tenth (README, Start-up benchmark). Kafka takes it too.
     */
    static List<String> compactHeaders(int javaFeatureVersion) {
        return javaFeatureVersion >= COMPACT_HEADERS_SINCE ? List.of("-XX:+UseCompactObjectHeaders") : List.of();
    }

    /** JDK 25 trains an AOT cache in one step (JEP 514) and keeps method profiles in it (JEP 515). */
    static final int AOT_CACHE_SINCE = 25;

    private ServiceJvm() {
    }

    /** What kind of class cache the given Java release uses. */
    static CacheKind cacheKind(int javaFeatureVersion) {
        return javaFeatureVersion >= AOT_CACHE_SINCE ? CacheKind.AOT_CACHE : CacheKind.CDS_ARCHIVE;
    }

    /**
     * The command that runs the application: from its extracted form with its cache when the cache is usable, or else
     * from the executable jar as built.
     */
    static List<String> command(String java, Service service, Path execJar, Optional<AotCache.Usable> cache) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(OPTIONS);
        command.addAll(runOptions(service));
        cache.ifPresentOrElse(
                usable -> {
                    command.add(usable.kind().useOption(usable.cacheFile()));
                    command.add("-jar");
                    command.add(usable.applicationJar().toString());
                },
                () -> {
                    command.add("-jar");
                    command.add(execJar.toString());
                });
        return command;
    }

    /** A cache of loaded (and, on JDK 25, linked and profiled) classes, written by a training run and mapped at start. */
    enum CacheKind {
        /** JDK 25 and later: {@code -XX:AOTCacheOutput} in the training run, {@code -XX:AOTCache} at start. */
        AOT_CACHE("aot"),
        /** JDK 21 to 24: a dynamic CDS archive, {@code -XX:ArchiveClassesAtExit} in the training run. */
        CDS_ARCHIVE("jsa");

        private final String extension;

        CacheKind(String extension) {
            this.extension = extension;
        }

        String extension() {
            return extension;
        }

        String trainOption(Path file) {
            return switch (this) {
                case AOT_CACHE -> "-XX:AOTCacheOutput=" + file;
                case CDS_ARCHIVE -> "-XX:ArchiveClassesAtExit=" + file;
            };
        }

        String useOption(Path file) {
            return switch (this) {
                case AOT_CACHE -> "-XX:AOTCache=" + file;
                case CDS_ARCHIVE -> "-XX:SharedArchiveFile=" + file;
            };
        }
    }
}
