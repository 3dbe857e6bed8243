package app.smsdesk.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.testing.RawHttp;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * F8: connections are counted when they are accepted, per client address and in all; past a cap the answer is
 * an immediate JSON 429 (that address) or 503 (everyone), never a hang. Loopback source addresses other than
 * 127.0.0.1 play different clients, with the loopback cap made as small as a LAN client's.
 */
class ConnectionLimitsTest {
    private HttpGateway server;

    @BeforeEach
    void start() {
        server = new HttpGateway(List.of(), List.of(Route.open("GET", "/fast", ex -> ex.json(200, Map.of("ok",
                true)))), null, null);
        server.connectionCaps(new ConnectionLimits.Caps(3, 3, 5));
        server.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RawHttp.Response get(String from) throws IOException {
        return RawHttp.send(server.port(), from, RawHttp.request("GET /fast HTTP/1.1\r\nHost: 127.0.0.1",
                new byte[0]), Duration.ofSeconds(5));
    }

    private List<Socket> open(String from, int n) throws IOException {
        List<Socket> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(RawHttp.connect(server.port(), from, Duration.ofSeconds(5)));
        }
        return out;
    }

    @Test
    void connectionsPerAddressBounded() throws Exception {
        List<Socket> held = open("127.0.0.11", 3); // idle: they never send a byte
        try {
            awaitOpen(3);
            RawHttp.Response fourth = get("127.0.0.11");
            assertThat(fourth.status()).as(fourth.toString()).isEqualTo(429);
            assertThat(fourth.header("Content-Type")).isEqualTo("application/json");
            assertThat(fourth.header("Retry-After")).isEqualTo("5");
            assertThat(fourth.body()).contains("too many connections from your address");
            assertThat(get("127.0.0.12").status()).as("another address is served").isEqualTo(200);
        } finally {
            close(held);
        }
        awaitOpen(0);
        assertThat(get("127.0.0.11").status()).as("once they closed").isEqualTo(200);
    }

    @Test
    void pastTheTotalEveryoneGetsAQuick503AndServiceReturns() throws Exception {
        List<Socket> held = new ArrayList<>(open("127.0.0.21", 3));
        held.addAll(open("127.0.0.22", 2));
        try {
            awaitOpen(5);
            RawHttp.Response r = get("127.0.0.23");
            assertThat(r.status()).as(r.toString()).isEqualTo(503);
            assertThat(r.body()).contains("too many connections open");
        } finally {
            close(held);
        }
        awaitOpen(0);
        assertThat(get("127.0.0.23").status()).isEqualTo(200);
    }

    private void awaitOpen(int n) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (server.openConnections() != n && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertThat(server.openConnections()).isEqualTo(n);
    }

    private static void close(List<Socket> sockets) throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
    }
}
