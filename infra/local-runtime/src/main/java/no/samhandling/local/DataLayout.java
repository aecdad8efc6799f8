package no.samhandling.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
        Path file = masterKeyFile();
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] key = new byte[32];
                new java.security.SecureRandom().nextBytes(key);
                Files.writeString(file, java.util.Base64.getEncoder().encodeToString(key));
                try {
                    Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the file stays under the user's own profile.
                }
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new LocalSystemException("Cannot create or read " + file + ": " + e.getMessage(), e);
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
