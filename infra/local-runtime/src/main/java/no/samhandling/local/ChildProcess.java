package no.samhandling.local;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A child JVM whose output goes to its own log file and whose pid is recorded until it has stopped. */
final class ChildProcess {

    /**
     * On Linux the children get their own session, so that Ctrl-C in the terminal reaches only the launcher,
     * which then stops them in order (services before Kafka). Without it every JVM gets SIGINT at once.
     */
    private static final Optional<Path> SETSID = Stream.of("/usr/bin/setsid", "/bin/setsid")
            .map(Path::of)
            .filter(Files::isExecutable)
            .findFirst();

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Path pidFile;

    private ChildProcess(String name, Process process, Path logFile, Path pidFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.pidFile = pidFile;
    }

    static ChildProcess start(String name, List<String> command, Map<String, String> environment, DataLayout layout) {
        Path logFile = layout.logFile(name);
        List<String> detached = new ArrayList<>();
        SETSID.ifPresent(setsid -> detached.add(setsid.toString()));
        detached.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(detached)
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            Path pidFile = layout.pidFile(name);
            Files.writeString(pidFile, Long.toString(process.pid()));
            return new ChildProcess(name, process, logFile, pidFile);
        } catch (IOException e) {
            throw new LocalSystemException("Could not start " + name + ": " + e.getMessage(), e);
        }
    }

    /** The JVM running the launcher, so that children use the same Java version. */
    static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    String name() {
        return name;
    }

    Path logFile() {
        return logFile;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    /** Waits for a child that is expected to finish by itself, such as a tool run. */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stop(Duration.ZERO);
                throw new LocalSystemException(name + " did not finish within " + timeout.toSeconds() + " s\n" + tail());
            }
            deletePidFile();
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(Duration.ZERO);
            throw new LocalSystemException("Interrupted while waiting for " + name, e);
        }
    }

    /** Asks the child to terminate (SIGTERM, so its shutdown hooks run) without waiting. */
    void requestStop() {
        process.destroy();
    }

    /** Waits for a requested stop until the deadline, then kills the child. Returns true if it stopped cleanly. */
    boolean awaitStop(long deadlineNanos) {
        boolean clean;
        try {
            long remaining = deadlineNanos - System.nanoTime();
            clean = process.waitFor(Math.max(0, remaining), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            clean = false;
        }
        if (!clean) {
            process.destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        deletePidFile();
        return clean;
    }

    boolean stop(Duration grace) {
        requestStop();
        return awaitStop(System.nanoTime() + grace.toNanos());
    }

    /** The last lines of the child's log, for error messages. */
    String tail() {
        return tail(logFile, 40);
    }

    static String tail(Path file, int lines) {
        if (!Files.exists(file)) {
            return "(no log file " + file + ")";
        }
        // Only the end of a possibly large log is read; malformed bytes are replaced rather than failing.
        try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, log.length() - 64 * 1024);
            byte[] bytes = new byte[(int) (log.length() - start)];
            log.seek(start);
            log.readFully(bytes);
            List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            List<String> last = all.subList(Math.max(0, all.size() - lines), all.size());
            return "---- last lines of " + file + " ----\n" + String.join("\n", last) + "\n----";
        } catch (IOException e) {
            return "(could not read " + file + ": " + e.getMessage() + ")";
        }
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // A stale pid file only makes the next start's port message mention a pid that is gone.
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }

}
