package no.samhandling.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Spring Boot applications the local system runs, each from its module's {@code *-exec.jar}, on a fixed port.
 * The authorization server starts first; the gateway, the people's one address, starts with the services.
 */
public enum Service {

    AUTH_SERVER("auth-server", "infra/auth-server", 9000),
    ARENA("arena-service", "arena-service", 8081),
    REFERRAL("referral-service", "referral-service", 8082),
    CONSENT("consent-service", "consent-service", 8083),
    NOTIFICATION("notification-service", "notification-service", 8084),
    REPORTING("reporting-service", "reporting-service", 8085),
    GATEWAY("gateway", "infra/gateway", 8080);

    private final String artifactId;
    private final String moduleDir;
    private final int port;

    Service(String artifactId, String moduleDir, int port) {
        this.artifactId = artifactId;
        this.moduleDir = moduleDir;
        this.port = port;
    }

    /** The artifact id, also the process name, the log file name and the service's MongoDB database name. */
    public String artifactId() {
        return artifactId;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** As a person's browser is told to open it: {@code localhost}, the host the sign-in's redirect URIs name. */
    public String browserUrl() {
        return "http://localhost:" + port;
    }

    public String healthUrl() {
        return baseUrl() + "/actuator/health";
    }

    String expectedJar() {
        return moduleDir + "/target/" + artifactId + "-<version>-exec.jar";
    }

    /** The newest {@code <artifact>-<version>-exec.jar}, so that a version bump needs no change here. */
    Optional<Path> findJar(Path repoDir) {
        Path target = repoDir.resolve(moduleDir).resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files
                    .filter(file -> {
                        String name = file.getFileName().toString();
                        return name.startsWith(artifactId + "-") && name.endsWith("-exec.jar");
                    })
                    .max(Comparator.comparing(Service::lastModified));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
