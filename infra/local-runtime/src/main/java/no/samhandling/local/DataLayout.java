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
