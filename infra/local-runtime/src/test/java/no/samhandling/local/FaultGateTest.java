package no.samhandling.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gate in front of the post office's servers: passes, goes down and comes back, and refuses a share. */
class FaultGateTest {

    private ServerSocket greeter;
    private FaultGate gate;
    private int gatePort;

    @BeforeEach
    void startAGreeterBehindAGate() throws IOException {
        greeter = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!greeter.isClosed()) {
                try (Socket client = greeter.accept()) {
                    client.getOutputStream().write("220 hello\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    return;
                }
            }
        });
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            gatePort = free.getLocalPort();
        }
        gate = new FaultGate("test gate", "127.0.0.1", gatePort, greeter.getLocalPort(), "421 try again later\r\n");
    }

    @AfterEach
    void stop() throws IOException {
        gate.close();
        greeter.close();
    }

    @Test
    void passesEverythingWhileOpen() throws IOException {
        gate.open(0);

        assertThat(firstLine()).isEqualTo("220 hello");
    }

    @Test
    void refusesConnectionsWhileClosedAndPassesAgainWhenOpened() throws IOException {
        gate.open(0);
        gate.close();

        assertThatThrownBy(this::firstLine).isInstanceOf(ConnectException.class);

        gate.open(0);
        assertThat(firstLine()).isEqualTo("220 hello");
    }

    @Test
    void answersTheRefusedShareWithTheRefusal() throws IOException {
        gate.open(1);

        assertThat(firstLine()).isEqualTo("421 try again later");
    }

    private String firstLine() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", gatePort), 1_000);
            socket.setSoTimeout(5_000);
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = socket.getInputStream().read()) >= 0 && c != '\n') {
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }
    }
}
