package no.samhandling.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

import no.samhandling.kafka.KafkaAccess;
import no.samhandling.kafka.KafkaCredentials;

/** Where the local system keeps its state; everything below the data directory survives restarts. */
record DataLayout(Path root) {

    Path kafkaDir() {
        return root.resolve("kafka");
    }

    Path kafkaLogDir() {
        return kafkaDir().resolve("logs");
    }

    Path kafkaProperties() {
        return kafkaDir().resolve("server.properties");
    }

    Path kafkaClusterId() {
        return kafkaDir().resolve("cluster-id");
    }

    Path mongoFile() {
        return root.resolve("mongo").resolve("samhandling.mv");
    }

    Path authKeyFile() {
        return root.resolve("auth").resolve("jwk.json");
    }

    /** The master key of the services' personal-data encryption; made once, kept with the data it protects. */
    Path masterKeyFile() {
        return root.resolve("keys").resolve("personal-data-master-key");
    }

    /**
     * The local master key, created on first start: 32 random bytes, base64, readable by the owner
     * only. Deleting {@code .local/} deletes it together with everything it protects.
     */
    String masterKey() {
        return secret(masterKeyFile(), () -> {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            return Base64.getEncoder().encodeToString(key);
        });
    }

    /** One file per Kafka principal, named after it, holding its password. */
    Path kafkaPasswordsDir() {
        return root.resolve("keys").resolve("kafka");
    }

    /**
     * A Kafka principal's credentials ({@link KafkaAccess}), the password made on first start and kept
     * like the master key: readable by the owner only, gone with {@code .local/}.
     */
    KafkaCredentials kafkaCredentials(String principal) {
        return new KafkaCredentials(principal, secret(kafkaPasswordsDir().resolve(principal), KafkaCredentials::newPassword));
    }

    boolean hasKafkaCredentials(String principal) {
        return Files.exists(kafkaPasswordsDir().resolve(principal));
    }

    /** Reads a secret, making it first if there is none: the file and its folder are the owner's alone. */
    private static String secret(Path file, Supplier<String> make) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                ownerOnly(file.getParent(), "rwx------");
                Files.writeString(file, make.get());
                ownerOnly(file, "rw-------");
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new LocalSystemException("Cannot create or read " + file + ": " + e.getMessage(), e);
        }
    }

    static void ownerOnly(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file stays under the user's own profile.
        }
    }

    /** Where the local post office keeps the emails and SMS the system sent. */
    Path outboxDir() {
        return root.resolve("outbox");
    }

    Path logsDir() {
        return root.resolve("logs");
    }

    Path logFile(String processName) {
        return logsDir().resolve(processName + ".log");
    }

    /** Pids of running children, so that a later start can name leftovers of a launcher that was killed. */
    Path pidsDir() {
        return root.resolve("pids");
    }

    Path pidFile(String processName) {
        return pidsDir().resolve(processName + ".pid");
    }

    Path demoLoadedMarker() {
        return root.resolve("demo-loaded");
    }

    void create() {
        for (Path dir : List.of(kafkaLogDir(), mongoFile().getParent(), authKeyFile().getParent(), logsDir(), pidsDir())) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new LocalSystemException("Cannot create " + dir + ": " + e.getMessage(), e);
            }
        }
    }
}
