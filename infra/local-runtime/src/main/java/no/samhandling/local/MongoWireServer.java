package no.samhandling.local;

import java.nio.file.Path;
import java.util.List;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * A MongoDB wire-protocol server inside the launcher's JVM, stored in one H2 file. No transactions or
 * sessions, and no oplog, so no change streams: the services use none of them. mongo-java-server's
 * oplog is a collection that is never trimmed: every write was stored twice, whole, for good, which
 * cost about as much CPU again as the write itself and grew the file about tenfold under load
 * (measured for issue 15), and it kept words a service had wiped since.
 */
final class MongoWireServer {

    static final String HOST = "127.0.0.1";
    static final int PORT = 27017;

    /**
     * mongo-java-server reports wire version 8 even for its 5.0 profile, which mongosh rejects;
     * 13, the wire version of MongoDB 5.0, works with mongosh and with the services' Java driver.
     */
    static final MongoVersion REPORTED_VERSION = new MongoVersion() {
        @Override
        public List<Integer> getVersionArray() {
            return List.of(5, 0, 0);
        }

        @Override
        public int getWireVersion() {
            return 13;
        }
    };

    private final MongoServer server;

    private MongoWireServer(MongoServer server) {
        this.server = server;
    }

    static MongoWireServer start(Path file) {
        MongoServer server = create(file);
        try {
            server.bind(HOST, PORT);
        } catch (RuntimeException e) {
            server.shutdownNow();
            throw new LocalSystemException("MongoDB wire server could not bind " + HOST + ":" + PORT + ": " + e.getMessage(), e);
        }
        return new MongoWireServer(server);
    }

    /**
     * The server on its H2 file, not yet bound to a port; a lookup by a unique key plus other fields
     * uses the key's index ({@link UniqueIndexFirstH2Backend}).
     */
    static MongoServer create(Path file) {
        H2Backend backend = new UniqueIndexFirstH2Backend(MVStore.open(file.toString()));
        backend.version(REPORTED_VERSION);
        return new MongoServer(backend);
    }

    static String uri() {
        return "mongodb://" + HOST + ":" + PORT;
    }

    /** Closes client connections and the backend, which flushes and closes the H2 file. */
    void stop() {
        server.shutdown();
    }
}
