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
public record Settings(Path repoDir, Path dataDir, boolean demoData, boolean infrastructureOnly) {

    static final String USAGE = """
            Usage: java -jar infra/local-runtime/target/local-runtime.jar [options]
              --data-dir DIR   where Kafka, MongoDB, the auth key and logs are kept (default: ./.local)
              --repo-dir DIR   repository root holding the built service jars (default: .)
              --no-demo-data   do not load the Aukra arenas and demo referrals
              --infra-only     start Kafka and MongoDB only
              --help           show this text""";

    public Settings {
        repoDir = Objects.requireNonNull(repoDir, "repoDir").toAbsolutePath().normalize();
        dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath().normalize();
    }

    /** The repository root is the working directory, data goes to {@code .local} below it. */
    public static Settings defaults() {
        Path workingDir = Path.of("").toAbsolutePath();
        return new Settings(workingDir, workingDir.resolve(".local"), true, false);
    }

    public Settings withRepoDir(Path dir) {
        return new Settings(dir, dataDir, demoData, infrastructureOnly);
    }

    public Settings withDataDir(Path dir) {
        return new Settings(repoDir, dir, demoData, infrastructureOnly);
    }

    public Settings withDemoData(boolean load) {
        return new Settings(repoDir, dataDir, load, infrastructureOnly);
    }

    public Settings withInfrastructureOnly(boolean only) {
        return new Settings(repoDir, dataDir, demoData, only);
    }

    static Settings parse(String... args) {
        Settings settings = defaults();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data-dir" -> settings = settings.withDataDir(Path.of(valueOf(args, ++i, "--data-dir")));
                case "--repo-dir" -> settings = settings.withRepoDir(Path.of(valueOf(args, ++i, "--repo-dir")));
                case "--no-demo-data" -> settings = settings.withDemoData(false);
                case "--infra-only" -> settings = settings.withInfrastructureOnly(true);
                default -> throw new IllegalArgumentException("Unknown option: " + args[i]);
            }
        }
        return settings;
    }

    private static String valueOf(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a directory");
        }
        return args[index];
    }
}
