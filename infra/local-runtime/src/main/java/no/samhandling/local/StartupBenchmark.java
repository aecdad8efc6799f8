package no.samhandling.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code java -jar infra/local-runtime/target/local-runtime.jar --benchmark-startup}: starts the whole system twice in a
 * data directory of its own, {@code .local-benchmark/} (emptied first, kept afterwards for its logs): a cold start with
 * the demo data, then a warm restart on the data kept. For each it prints the time to ready, each service's time to
 * healthy, and each process's RSS, PSS and CPU time once ready, with the load average beside them; and, as the floor
 * of this machine, the same figures for one empty JVM started with the services' options.
 *
 * <p>PSS (proportional set size) splits the pages processes share, such as the JDK's own libraries, between them, so
 * the PSS of all processes adds up to what the system really takes; RSS counts shared pages in every process.
 */
final class StartupBenchmark {

    static final String OPTION = "--benchmark-startup";
    private static final String DATA_DIR = ".local-benchmark";

    private final Settings settings;
    private final Consumer<String> out;
    /** The system being measured, for the shutdown hook: Ctrl-C stops it as it stops a normal run. */
    private volatile RunningSystem current;

    StartupBenchmark(Settings settings, Consumer<String> out) {
        this.settings = settings.withDataDir(settings.repoDir().resolve(DATA_DIR)).withDemoData(true);
        this.out = out;
    }

    Path dataDir() {
        return settings.dataDir();
    }

    /** The figures of one start: when it was ready, each service's time to healthy, each process once ready. */
    record Run(String name, Duration ready, Map<String, Duration> healthy, Map<String, ProcessFigures> processes,
               String loadAtStart, String loadAtReady) {
    }

    /** Resident and proportional memory in KiB, and CPU time used since the process started. */
    record ProcessFigures(long rssKib, long pssKib, Duration cpu) {

        static final ProcessFigures UNKNOWN = new ProcessFigures(-1, -1, Duration.ZERO);

        /** Read from /proc (Linux); unknown elsewhere. */
        static ProcessFigures of(long pid) {
            try {
                long rss = -1;
                long pss = -1;
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                    if (line.startsWith("Rss:")) {
                        rss = kib(line);
                    } else if (line.startsWith("Pss:")) {
                        pss = kib(line);
                    }
                }
                return new ProcessFigures(rss, pss, cpu(pid));
            } catch (IOException | RuntimeException e) {
                return UNKNOWN;
            }
        }

        private static long kib(String line) {
            return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }

        /** utime and stime, fields 14 and 15 of /proc/pid/stat, in clock ticks of 1/100 s (USER_HZ on every Linux). */
        private static Duration cpu(long pid) throws IOException {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return Duration.ofMillis(ticks * 10);
        }
    }

    void run() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            RunningSystem running = current;
            if (running != null && !running.isStopped()) {
                running.stop();
            }
        }, "benchmark-shutdown"));
        out.accept("Start-up benchmark: " + Runtime.getRuntime().availableProcessors() + " cores, "
                + "Java " + System.getProperty("java.vm.version") + ", data in " + settings.dataDir());
        AotTraining.deleteRecursively(settings.dataDir());
        Bare bare = bareJvm();
        Run cold = start("cold start");
        Run warm = start("warm restart");
        out.accept("");
        out.accept(report(bare, cold, warm));
    }

    private Run start(String name) {
        out.accept("");
        out.accept(name + " (load average " + loadAverage() + ")");
        String loadAtStart = loadAverage();
        long launcher = ProcessHandle.current().pid();
        Duration launcherCpuBefore = ProcessFigures.of(launcher).cpu();
        RunningSystem running = new RunningSystem(settings.dataDir());
        current = running;
        try (running) {
            new LocalSystem(settings, line -> out.accept("  " + line)).start(running);
            String loadAtReady = loadAverage();
            Map<String, ProcessFigures> processes = new LinkedHashMap<>();
            // The launcher's own CPU time counts from this start, not from the runs before it in the same JVM.
            ProcessFigures self = ProcessFigures.of(launcher);
            processes.put("launcher", new ProcessFigures(self.rssKib(), self.pssKib(), self.cpu().minus(launcherCpuBefore)));
            // The JVM that java -jar started and that waits for this one (LauncherJvm).
            ProcessHandle.current().parent().filter(parent -> LauncherJvm.isRelaunched())
                    .ifPresent(parent -> processes.put("launcher's first JVM", ProcessFigures.of(parent.pid())));
            for (ChildProcess child : running.children()) {
                processes.put(child.name(), ProcessFigures.of(child.pid()));
            }
            return new Run(name, running.startupTime(), running.healthyAfter(), processes, loadAtStart, loadAtReady);
        }
    }

    /** One JVM with the services' options that does nothing: what any Java process costs on this machine. */
    record Bare(Duration started, ProcessFigures figures) {
    }

    private Bare bareJvm() {
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.javaBinary());
        command.addAll(ServiceJvm.OPTIONS);
        command.addAll(List.of("-cp", KafkaBroker.childClasspath(), EmptyMain.class.getName()));
        try {
            long startedAt = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            // The empty main prints one line once it runs, then waits for its input to close.
            int first = process.getInputStream().read();
            Duration started = Duration.ofNanos(System.nanoTime() - startedAt);
            ProcessFigures figures = first < 0 ? ProcessFigures.UNKNOWN : ProcessFigures.of(process.pid());
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            return new Bare(started, figures);
        } catch (IOException e) {
            throw new LocalSystemException("Could not start a bare JVM: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalSystemException("Interrupted", e);
        }
    }

    static String report(Bare bare, Run cold, Run warm) {
        StringBuilder report = new StringBuilder();
        String row = "%-34s %14s %14s%n";
        report.append(row.formatted("", cold.name(), warm.name()));
        report.append(row.formatted("ready (demo data loaded)", seconds(cold.ready()), seconds(warm.ready())));
        cold.healthy().forEach((service, time) -> report.append(row.formatted("  " + service + " healthy", seconds(time),
                seconds(warm.healthy().get(service)))));
        report.append(row.formatted("load average at start", cold.loadAtStart(), warm.loadAtStart()));
        report.append(row.formatted("load average when ready", cold.loadAtReady(), warm.loadAtReady()));
        report.append("\n");
        String memory = "%-34s %8s %8s %8s   %8s %8s %8s%n";
        report.append(memory.formatted("once ready (MiB, CPU s)", "RSS", "PSS", "CPU", "RSS", "PSS", "CPU"));
        long[] coldTotal = new long[3];
        long[] warmTotal = new long[3];
        for (String process : cold.processes().keySet()) {
            ProcessFigures c = cold.processes().get(process);
            ProcessFigures w = Optional.ofNullable(warm.processes().get(process)).orElse(ProcessFigures.UNKNOWN);
            add(coldTotal, c);
            add(warmTotal, w);
            report.append(memory.formatted("  " + process, mib(c.rssKib()), mib(c.pssKib()), cpu(c.cpu()),
                    mib(w.rssKib()), mib(w.pssKib()), cpu(w.cpu())));
        }
        report.append(memory.formatted("  total", mib(coldTotal[0]), mib(coldTotal[1]), cpu(Duration.ofMillis(coldTotal[2])),
                mib(warmTotal[0]), mib(warmTotal[1]), cpu(Duration.ofMillis(warmTotal[2]))));
        report.append("\n");
        report.append("floor: one empty JVM with the services' options starts in %s, RSS %s MiB, PSS %s MiB%n".formatted(
                seconds(bare.started()), mib(bare.figures().rssKib()), mib(bare.figures().pssKib())));
        return report.toString();
    }

    private static void add(long[] total, ProcessFigures figures) {
        total[0] += Math.max(0, figures.rssKib());
        total[1] += Math.max(0, figures.pssKib());
        total[2] += figures.cpu().toMillis();
    }

    private static String seconds(Duration duration) {
        return duration == null ? "-" : "%.1f s".formatted(duration.toMillis() / 1000.0);
    }

    private static String mib(long kib) {
        return kib < 0 ? "?" : Long.toString(Math.round(kib / 1024.0));
    }

    private static String cpu(Duration cpu) {
        return "%.1f".formatted(cpu.toMillis() / 1000.0);
    }

    /** The 1-minute load average, so that every figure carries how busy the machine was. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** The bare JVM's program: says it runs, then waits until the benchmark closes its input. */
    static final class EmptyMain {

        public static void main(String[] args) throws IOException {
            System.out.println("up");
            System.out.flush();
            while (System.in.read() >= 0) {
                // Waits for end of input.
            }
        }
    }
}
