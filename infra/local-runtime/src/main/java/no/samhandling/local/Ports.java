package no.samhandling.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The ports are fixed (the services' configuration and the docs name them), so a taken one is reported up front. */
final class Ports {

    /** The name under which the launcher records its own pid, beside its children's. */
    static final String LAUNCHER = "launcher";

    private Ports() {
    }

    /** Fails, before anything is started, naming every taken port and any child left over from an earlier run. */
    static void requireFree(Map<Integer, String> portsByOwner, DataLayout layout) {
        Map<Integer, String> taken = new LinkedHashMap<>();
        portsByOwner.forEach((port, owner) -> {
            if (!isFree(port)) {
                taken.put(port, owner);
            }
        });
        if (taken.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder("Cannot start: these ports are already in use on 127.0.0.1:\n");
        taken.forEach((port, owner) -> message.append("  ").append(port).append(" (needed by ").append(owner).append(")\n"));
        List<String> alive = aliveProcesses(layout);
        if (alive.isEmpty()) {
            message.append("Stop whatever holds them (is the local system already running?); ss -ltnp shows who listens.");
        } else if (alive.getFirst().startsWith("launcher")) {
            message.append("The local system is already running with this data directory (")
                    .append(alive.getFirst()).append("). Stop it with Ctrl-C in its terminal.");
        } else {
            message.append("Processes started by an earlier launcher with this data directory are still alive:\n");
            alive.forEach(line -> message.append("  ").append(line).append('\n'));
            message.append("Stop them (kill <pid>) and start again.");
        }
        throw new LocalSystemException(message.toString());
    }

    static boolean isFree(int port) {
        // Binding (rather than connecting) also catches a listener on 0.0.0.0 that would refuse our bind later.
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The recorded pids that are still alive, the launcher's first. */
    private static List<String> aliveProcesses(DataLayout layout) {
        List<String> alive = new ArrayList<>();
        if (!Files.isDirectory(layout.pidsDir())) {
            return alive;
        }
        try (Stream<Path> files = Files.list(layout.pidsDir())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".pid")).sorted().toList()) {
                String name = file.getFileName().toString().replace(".pid", "");
                long pid = Long.parseLong(Files.readString(file).trim());
                if (pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent()) {
                    alive.add(name.equals(LAUNCHER) ? 0 : alive.size(), name + ": pid " + pid);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // The hint is best effort; the list of taken ports above is the message that matters.
        }
        return alive;
    }
}
