package no.samhandling.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import no.samhandling.local.LocalSystem;
import no.samhandling.local.RunningSystem;
import no.samhandling.local.Settings;

/**
 * The whole system as the README's run command starts it, once for all the test classes of a run
 * (starting it takes minutes on a small machine): on the fixed local ports, with the demo data, in
 * a data directory of its own that goes when the run ends.
 */
public final class LocalSystemExtension implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalSystemExtension.class);

    private static volatile RunningSystem system;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).computeIfAbsent(Started.class, key -> Started.start(), Started.class);
    }

    /** The running system; only inside a class extended with this extension. */
    public static RunningSystem system() {
        if (system == null) {
            throw new IllegalStateException("Annotate the test class with @ExtendWith(LocalSystemExtension.class)");
        }
        return system;
    }

    private record Started(RunningSystem running, Path dataDir) implements AutoCloseable {

        static Started start() {
            try {
                Path dataDir = Files.createTempDirectory("samhandling-system-");
                Path repo = Path.of("").toAbsolutePath().resolve("../..").normalize();
                RunningSystem running = new LocalSystem(Settings.defaults().withRepoDir(repo).withDataDir(dataDir).withDemoData(true)).start();
                system = running;
                return new Started(running, dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            running.stop();
            system = null;
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }
}
