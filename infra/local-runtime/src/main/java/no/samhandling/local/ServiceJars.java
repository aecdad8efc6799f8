package no.samhandling.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The executable jar of every Spring Boot application, and its trained class cache where one fits the running JDK.
 *
 * @param jars   each application's newest {@code *-exec.jar}
 * @param caches each application's usable cache, absent where {@link #withoutCache} says why
 */
record ServiceJars(Map<Service, Path> jars, Map<Service, AotCache.Check> caches) {

    /** Finds every jar below the repository root, or fails naming the missing ones and the build command. */
    static ServiceJars find(Path repoDir) {
        Map<Service, Path> jars = new EnumMap<>(Service.class);
        Map<Service, AotCache.Check> caches = new EnumMap<>(Service.class);
        List<String> missing = new ArrayList<>();
        int feature = Runtime.version().feature();
        String vmVersion = System.getProperty("java.vm.version");
        for (Service service : Service.values()) {
            service.findJar(repoDir).ifPresentOrElse(
                    jar -> {
                        jars.put(service, jar);
                        caches.put(service, AotCache.of(jar).check(feature, vmVersion));
                    },
                    () -> missing.add(service.expectedJar()));
        }
        if (!missing.isEmpty()) {
            throw new LocalSystemException("Missing service jars below " + repoDir + ":\n  "
                    + String.join("\n  ", missing)
                    + "\nBuild them first, from the repository root: ./mvnw -q package -DskipTests"
                    + "\n(or point --repo-dir at the repository root)");
        }
        return new ServiceJars(jars, caches);
    }

    static ServiceJars none() {
        return new ServiceJars(Map.of(), Map.of());
    }

    Path jar(Service service) {
        return jars.get(service);
    }

    Optional<AotCache.Usable> cache(Service service) {
        return Optional.ofNullable(caches.get(service)).flatMap(AotCache.Check::usable);
    }

    /**
     * One line for the console naming the applications that start without a cache, grouped by reason; empty when every
     * application has one.
     */
    Optional<String> withoutCache() {
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        caches.forEach((service, check) -> {
            if (check.usable().isEmpty()) {
                byReason.computeIfAbsent(check.reason(), reason -> new ArrayList<>()).add(service.artifactId());
            }
        });
        if (byReason.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Starting without a class cache, so more slowly: " + byReason.entrySet().stream()
                .map(entry -> String.join(", ", entry.getValue()) + ": " + entry.getKey())
                .collect(Collectors.joining("; ")));
    }
}
