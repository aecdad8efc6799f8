package no.samhandling.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A TCP relay in front of one of the post office's servers, on the port the services know, so that a
 * fault-injection test can take the server away and bring it back without losing what it received:
 * {@link #close()} refuses new connections and cuts the open ones, as a provider that went down does;
 * {@link #open(double)} lets connections through again, answering the given share of them at once with
 * {@code refusal} (an SMTP {@code 421}) instead. Open and passing everything unless a test says otherwise.
 */
final class FaultGate {

    private final String name;
    private final String host;
    private final int port;
    private final int target;
    private final byte[] refusal;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private volatile double refusalRate;
    private ServerSocket listener;
    private Thread acceptor;

    /** @param refusal what a refused connection is told before it is closed; null to close it silently */
    FaultGate(String name, String host, int port, int target, String refusal) {
        this.name = name;
        this.host = host;
        this.port = port;
        this.target = target;
        this.refusal = refusal == null ? null : refusal.getBytes(StandardCharsets.US_ASCII);
    }

    /** Listens (again) on the port, refusing the given share (0 to 1) of new connections. */
    synchronized void open(double rate) {
        refusalRate = rate;
        if (listener != null) {
            return;
        }
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            listener = socket;
        } catch (IOException e) {
            throw new LocalSystemException("The " + name + " could not listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        ServerSocket accepting = listener;
        acceptor = Thread.ofVirtual().name(name + "-accept").start(() -> accept(accepting));
    }

    /** Stops listening and cuts every open connection: the server is down. */
    synchronized void close() {
        if (listener == null) {
            return;
        }
        closeQuietly(listener);
        listener = null;
        // The socket of a virtual thread blocked in accept is released only once that thread has seen the close;
        // until then the kernel still takes connections, so "down" is reached only when the acceptor has ended.
        try {
            acceptor.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connections.forEach(FaultGate::closeQuietly);
        connections.clear();
    }

    private void accept(ServerSocket accepting) {
        while (!accepting.isClosed()) {
            Socket client;
            try {
                client = accepting.accept();
            } catch (IOException e) {
                return;
            }
            if (ThreadLocalRandom.current().nextDouble() < refusalRate) {
                Thread.ofVirtual().start(() -> refuse(client));
            } else {
                Thread.ofVirtual().start(() -> relay(client));
            }
        }
    }

    private void refuse(Socket client) {
        try (client) {
            if (refusal != null) {
                client.getOutputStream().write(refusal);
                client.getOutputStream().flush();
            }
        } catch (IOException e) {
            // The client went away first.
        }
    }

    private void relay(Socket client) {
        Socket server = new Socket();
        connections.add(client);
        connections.add(server);
        try {
            server.connect(new InetSocketAddress(host, target), 2_000);
            Thread upstream = Thread.ofVirtual().start(() -> pipe(client, server));
            pipe(server, client);
            upstream.join();
        } catch (IOException e) {
            // The server behind the gate is not there; the client sees its connection closed.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            connections.remove(client);
            connections.remove(server);
            closeQuietly(client);
            closeQuietly(server);
        }
    }

    private static void pipe(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // Closing is all that is asked.
        }
    }
}
