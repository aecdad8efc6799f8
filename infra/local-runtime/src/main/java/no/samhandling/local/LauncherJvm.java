package no.samhandling.local;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The launcher's own JVM, sized like the services'. {@code java -jar local-runtime.jar} starts a JVM with the JDK's
 * defaults (G1, a quarter of the machine's memory as heap limit), in which the launcher took 370 to 520 MiB once the
 * demo data was in. So that JVM only starts the launcher again with the options below, hands it the terminal, and waits
 * for it; the copy does the work. A test that runs {@link LocalSystem} in its own JVM is not relaunched.
 */
final class LauncherJvm {

    /** Set on the copy, so that it does not start another. */
    static final String RELAUNCHED = "samhandling.launcher.relaunched";

    /**
     * The Serial collector and a heap that grows from 32 MiB as the MongoDB wire server's data does; the limit is a
     * ceiling, not a reservation. Full JIT compilation stays on: the MongoDB wire server runs in this JVM. C2's arenas
     * are what glibc keeps most of, so the native heap is trimmed as in the services ({@link ServiceJvm#trimNativeHeap}).
     */
    static final List<String> OPTIONS = options(Runtime.version().feature());

    /** The options for a JVM of the given Java release. */
    static List<String> options(int javaFeatureVersion) {
        List<String> options = new ArrayList<>(List.of("-XX:+UseSerialGC", "-Xms32m", "-Xmx1g", "-Xss512k"));
        options.addAll(ServiceJvm.trimNativeHeap(javaFeatureVersion));
        return List.copyOf(options);
    }

    /** How long the first JVM waits, after Ctrl-C or SIGTERM, for the copy to stop everything (Kafka alone takes up to 30 s). */
    private static final long STOP_WAIT_SECONDS = 120;

    private LauncherJvm() {
    }

    static boolean isRelaunched() {
        return Boolean.getBoolean(RELAUNCHED);
    }

    static List<String> command(String java, String classpath, String[] args) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(OPTIONS);
        command.add("-D" + RELAUNCHED + "=true");
        command.addAll(List.of("-cp", classpath, LocalSystem.class.getName()));
        command.addAll(Arrays.asList(args));
        return command;
    }

    /**
     * Runs the launcher in a JVM of its own sizing, on this terminal, and returns its exit code. Ctrl-C reaches both JVMs
     * (they share the terminal's process group): the copy stops the system as always, and this JVM waits for it. A
     * SIGTERM sent to this JVM alone is passed on.
     */
    static int relaunch(String[] args) {
        Process copy;
        try {
            copy = new ProcessBuilder(command(ChildProcess.javaBinary(), KafkaBroker.childClasspath(), args)).inheritIO().start();
        } catch (IOException e) {
            throw new LocalSystemException("Could not start the launcher's JVM: " + e.getMessage(), e);
        }
        Thread waitForCopy = new Thread(() -> {
            copy.destroy();
            try {
                copy.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "launcher-relay");
        Runtime.getRuntime().addShutdownHook(waitForCopy);
        try {
            int exit = copy.waitFor();
            try {
                Runtime.getRuntime().removeShutdownHook(waitForCopy);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C or SIGTERM: the hook is what is waiting for the copy now.
            }
            return exit;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
