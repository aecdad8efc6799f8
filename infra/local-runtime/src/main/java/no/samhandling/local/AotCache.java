package no.samhandling.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipFile;

/**
 * A Spring Boot application's trained class cache, kept beside its executable jar in {@code <module>/target/aot/}: the
 * jar extracted (a cache maps only classes loaded from plain jars on the class path, never from a jar nested in another)
 * and the cache a training run wrote for it ({@link AotTraining}, run by {@code ./mvnw package}).
 *
 * <p>A cache fits one executable jar and one JDK build exactly. The stamp written after training records both, so a
 * jar rebuilt without training, or a launcher started on another JDK, falls back to the plain jar instead of handing the
 * JVM a cache it would refuse. The JVM checks the cache again itself and starts without it if it still does not fit.
 *
 * @param dir     {@code <module>/target/aot}
 * @param execJar the executable jar the cache was (or is to be) trained from
 */
record AotCache(Path dir, Path execJar) {

    /** The directory beside the jars of the module; {@code mvn clean} removes it with them. */
    static AotCache of(Path execJar) {
        return new AotCache(execJar.toAbsolutePath().getParent().resolve("aot"), execJar.toAbsolutePath());
    }

    /** The extracted application jar; its manifest names the libraries in {@code lib/} beside it. */
    Path applicationJar() {
        return dir.resolve(execJar.getFileName().toString());
    }

    Path cacheFile(ServiceJvm.CacheKind kind) {
        return dir.resolve(baseName() + "." + kind.extension());
    }

    Path stampFile() {
        return dir.resolve(baseName() + ".stamp");
    }

    private String baseName() {
        return execJar.getFileName().toString().replaceFirst("\\.jar$", "");
    }

    /**
     * What the stamp must say for the cache to be used: the JDK build that trained it, the JVM options it was trained
     * with, and the content of the executable jar it was trained from.
     */
    String expectedStamp(String javaVmVersion) {
        return String.join("\n",
                "jdk=" + javaVmVersion,
                "options=" + String.join(" ", ServiceJvm.OPTIONS),
                "jar=" + execJar.getFileName() + " " + contentDigest(execJar))
                + "\n";
    }

    /**
     * A digest of every entry's name, size and CRC, read from the jar's directory alone (milliseconds for a fat jar). A
     * rebuild without changes gives the same digest (the build's jars are reproducible), while any changed class or
     * library changes it.
     */
    static String contentDigest(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            zip.stream().forEach(entry -> digest.update((entry.getName() + " " + entry.getSize() + " " + entry.getCrc() + "\n")
                    .getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            return "unreadable (" + e.getMessage() + ")";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The cache to start with, or why there is none: {@link Check#reason()} says it in a few words. */
    Check check(int javaFeatureVersion, String javaVmVersion) {
        ServiceJvm.CacheKind kind = ServiceJvm.cacheKind(javaFeatureVersion);
        Path cache = cacheFile(kind);
        if (!Files.isRegularFile(cache) || !Files.isRegularFile(stampFile()) || !Files.isRegularFile(applicationJar())) {
            return Check.none("no cache (build with ./mvnw package to make one)");
        }
        String stamp;
        try {
            stamp = Files.readString(stampFile());
        } catch (IOException e) {
            return Check.none("unreadable stamp " + stampFile());
        }
        List<String> lines = stamp.lines().toList();
        if (!lines.contains("jdk=" + javaVmVersion)) {
            return Check.none("trained on another JDK (" + lines.stream().filter(l -> l.startsWith("jdk=")).findFirst()
                    .map(l -> l.substring(4)).orElse("unknown") + ", running " + javaVmVersion + ")");
        }
        if (!stamp.equals(expectedStamp(javaVmVersion))) {
            return Check.none("the jar or the JVM options changed since training");
        }
        return new Check(Optional.of(new Usable(kind, cache, applicationJar())), "");
    }

    /** Writes the stamp once the training run has written the cache. */
    void stamp(String javaVmVersion) throws IOException {
        Files.writeString(stampFile(), expectedStamp(javaVmVersion));
    }

    /** A cache that fits the running JDK and the jar as built. */
    record Usable(ServiceJvm.CacheKind kind, Path cacheFile, Path applicationJar) {
    }

    /** @param reason why there is no usable cache; empty when there is one */
    record Check(Optional<Usable> usable, String reason) {

        static Check none(String reason) {
            return new Check(Optional.empty(), reason);
        }
    }
}
