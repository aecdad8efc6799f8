package no.samhandling.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * Trains the class cache ({@link AotCache}) of every Spring Boot application the local system runs, so that each
 * starts in about a third of the CPU time. Run by {@code ./mvnw package} (module {@code infra/aot-training}) once the
 * jars are built; by hand: {@code java -cp infra/local-runtime/target/local-runtime.jar no.samhandling.local.AotTraining}.
 *
 * <p>A training run starts the application up to a refreshed context and exits ({@code spring.context.exit=onRefresh},
 * Spring Boot's AOT cache documentation): every bean is created, no port is bound and nothing is consumed. The beans
 * that build MongoDB indexes need a server, so the runs get an empty in-memory one of their own; Kafka and the
 * authorization server are not reached before the lifecycle starts and are given an address where nothing listens.
 * Nothing a running local system holds is touched.
 */
public final class AotTraining {

    private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(5);

    private final Path repoDir;
    private final int javaFeatureVersion = Runtime.version().feature();
    private final String javaVmVersion = System.getProperty("java.vm.version");

    AotTraining(Path repoDir) {
        this.repoDir = repoDir.toAbsolutePath().normalize();
    }

    public static void main(String[] args) {
        // The in-memory server's notes on indexes it does not build are noise in a build's output.
        System.setProperty("org.slf4j.simpleLogger.log.de.bwaldvogel", "error");
        Path repoDir = args.length == 2 && args[0].equals("--repo-dir") ? Path.of(args[1]) : Path.of("");
        try {
            new AotTraining(repoDir).trainAll();
        } catch (LocalSystemException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    /** Trains, two at a time, the caches that are missing or stale; a failed training fails the build, naming its log. */
    void trainAll() {
        List<AotCache> stale = new ArrayList<>();
        List<Service> services = new ArrayList<>();
        for (Service service : Service.values()) {
            Optional<Path> jar = service.findJar(repoDir);
            if (jar.isEmpty()) {
                System.out.println("AOT training: " + service.artifactId() + " has no jar (not built), skipped");
                continue;
            }
            AotCache cache = AotCache.of(jar.get());
            if (cache.check(javaFeatureVersion, javaVmVersion).usable().isPresent()) {
                System.out.println("AOT training: " + service.artifactId() + " is up to date");
                continue;
            }
            stale.add(cache);
            services.add(service);
        }
        if (stale.isEmpty()) {
            return;
        }
        Path scratch = createScratch();
        MongoServer mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress mongoAddress = mongo.bind();
        int parallel = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            DataLayout layout = new DataLayout(scratch);
            layout.create();
            String mongoUri = "mongodb://" + mongoAddress.getHostString() + ":" + mongoAddress.getPort();
            String nowhere = "127.0.0.1:" + unusedPort();
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < stale.size(); i++) {
                AotCache cache = stale.get(i);
                ServiceInstance instance = new ServiceInstance(services.get(i), 1);
                runs.add(pool.submit(() -> train(instance, cache, layout, mongoUri, nowhere)));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalSystemException("AOT training interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof LocalSystemException failure ? failure
                    : new LocalSystemException("AOT training failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            mongo.shutdownNow();
            deleteRecursively(scratch);
        }
    }

    private void train(ServiceInstance instance, AotCache cache, DataLayout layout, String mongoUri, String nowhere) {
        long startedAt = System.nanoTime();
        String name = instance.name();
        extract(cache, layout, name);
        ServiceJvm.CacheKind kind = ServiceJvm.cacheKind(javaFeatureVersion);
        Path cacheFile = cache.cacheFile(kind);
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.javaBinary());
        command.addAll(ServiceJvm.OPTIONS);
        command.add(kind.trainOption(cacheFile));
        command.add("-Dspring.context.exit=onRefresh");
        command.add("-jar");
        command.add(cache.applicationJar().toString());
        Map<String, String> environment = new LinkedHashMap<>(ServiceProcess.environment(instance, layout));
        environment.put("SERVER_PORT", "0");
        environment.put("SPRING_MONGODB_URI", mongoUri + "/" + instance.service().artifactId());
        environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", nowhere);
        environment.put("SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS", nowhere);
        ChildProcess run = ChildProcess.start(name + "-training", command, environment, layout);
        int exit = run.awaitExit(TRAINING_TIMEOUT);
        if (exit != 0 || !Files.isRegularFile(cacheFile)) {
            throw new LocalSystemException("AOT training of " + name + " failed (exit " + exit + ")\n" + run.tail());
        }
        try {
            cache.stamp(javaVmVersion);
            System.out.printf("AOT training: %s trained in %.1f s (%s, %d MiB)%n", name, (System.nanoTime() - startedAt) / 1e9,
                    cacheFile.getFileName(), Files.size(cacheFile) >> 20);
        } catch (IOException e) {
            throw new LocalSystemException("Cannot write " + cache.stampFile() + ": " + e.getMessage(), e);
        }
    }

    /** Spring Boot's own tool unpacks the jar into an application jar and its libraries, the layout a cache needs. */
    private static void extract(AotCache cache, DataLayout layout, String name) {
        deleteRecursively(cache.dir());
        List<String> command = List.of(ChildProcess.javaBinary(), "-Djarmode=tools", "-jar", cache.execJar().toString(),
                "extract", "--destination", cache.dir().toString());
        ChildProcess extract = ChildProcess.start(name + "-extract", command, Map.of(), layout);
        int exit = extract.awaitExit(TRAINING_TIMEOUT);
        if (exit != 0 || !Files.isRegularFile(cache.applicationJar())) {
            throw new LocalSystemException("Extracting " + cache.execJar() + " failed (exit " + exit + ")\n" + extract.tail());
        }
    }

    private static Path createScratch() {
        try {
            return Files.createTempDirectory("samhandling-aot-training-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port nothing listens on: bound for a moment by us, then released. */
    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
