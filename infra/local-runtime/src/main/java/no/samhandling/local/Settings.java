package no.samhandling.local;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to start and where.
 *
 * @param repoDir            the repository root; the service jars are read from its modules' target folders
 * @param dataDir            everything that must survive a restart: Kafka log dir, Mongo file, auth key, logs
 * @param demoData           load the Aukra arenas and demo referrals once
 * @param infrastructureOnly start Kafka and MongoDB only, for running services from an IDE and for tests
 */
public record Settings(Path repoDir, Path dataDir, boolean demoData, boolean infrastructureOnly, Instances instances) {

    static final String USAGE = """
            Usage: java -jar infra/local-runtime/target/local-runtime.jar [options]
              --data-dir DIR   where Kafka, MongoDB, the auth key and logs are kept (default: ./.local)
              --repo-dir DIR   repository root holding the built service jars (default: .)
              --no-demo-data   do not load the Aukra arenas and demo referrals
              --infra-only     start Kafka and MongoDB only
              --instances S=N,...  run N copies of service S (1 to 5), e.g. referral-service=2,notification-service=2;
                               copy n listens on the service's port + 100 * (n - 1)
              --benchmark-startup  start the system twice in .local-benchmark/, cold and then warm, and print the time to
                               ready, each service's time to healthy, and each process's memory and CPU time
              --help           show this text""";

    public Settings {
        repoDir = Objects.requireNonNull(repoDir, "repoDir").toAbsolutePath().normalize();
        dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath().normalize();
        instances = Objects.requireNonNull(instances, "instances");
    }

    /** The repository root is the working directory, data goes to {@code .local} below it. */
    public static Settings defaults() {
        Path workingDir = Path.of("").toAbsolutePath();
        return new Settings(workingDir, workingDir.resolve(".local"), true, false, Instances.one());
    }

    public Settings withRepoDir(Path dir) {
        return new Settings(dir, dataDir, demoData, infrastructureOnly, instances);
    }

    public Settings withDataDir(Path dir) {
        return new Settings(repoDir, dir, demoData, infrastructureOnly, instances);
    }

    public Settings withDemoData(boolean load) {
        return new Settings(repoDir, dataDir, load, infrastructureOnly, instances);
    }

    public Settings withInfrastructureOnly(boolean only) {
        return new Settings(repoDir, dataDir, demoData, only, instances);
    }

    public Settings withInstances(Instances copies) {
        return new Settings(repoDir, dataDir, demoData, infrastructureOnly, copies);
    }

    static Settings parse(String... args) {
        Settings settings = defaults();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data-dir" -> settings = settings.withDataDir(Path.of(valueOf(args, ++i, "--data-dir")));
                case "--repo-dir" -> settings = settings.withRepoDir(Path.of(valueOf(args, ++i, "--repo-dir")));
                case "--no-demo-data" -> settings = settings.withDemoData(false);
                case "--infra-only" -> settings = settings.withInfrastructureOnly(true);
                case "--instances" -> settings = settings.withInstances(Instances.parse(valueOf(args, ++i, "--instances")));
                default -> throw new IllegalArgumentException("Unknown option: " + args[i]);
            }
        }
        return settings;
    }

    private static String valueOf(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException(option + (option.equals("--instances") ? " needs service=count" : " needs a directory"));
        }
        return args[index];
    }
}
