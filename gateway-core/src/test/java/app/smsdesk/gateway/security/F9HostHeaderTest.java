package app.smsdesk.gateway.security;

import static app.smsdesk.gateway.testing.TestGateway.adminBasic;
import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.Gateway;
import app.smsdesk.gateway.GatewayConfig;
import app.smsdesk.gateway.testing.MutableClock;
import app.smsdesk.gateway.testing.RawHttp;
import app.smsdesk.gateway.testing.TestGateway;
import app.smsdesk.gateway.tls.LanAddresses;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * F9: DNS rebinding. The audit's proposal is taken: only localhost, loopback and LAN addresses, the machine's
 * names and configured names are served; anything else gets 421 (Misdirected Request) before routing, so a page
 * on a rebound name cannot read the CA, the health details or try passwords as if it were the gateway's origin.
 */
class F9HostHeaderTest {
    @RegisterExtension
    static final TestGateway gw = TestGateway.perClass();

    private static int status(int port, String path, String host, String auth) throws IOException {
        String head = "GET " + path + " HTTP/1.1" + (host == null ? "" : "\r\nHost: " + host)
                + (auth == null ? "" : "\r\nAuthorization: " + auth);
        return RawHttp.send(port, null, RawHttp.request(head, new byte[0]), Duration.ofSeconds(10)).status();
    }

    @Test
    void dnsRebindingForeignHostRefused() throws IOException {
        int port = gw.gateway().port();
        for (String path : List.of("/ca.crt", "/health", "/3rdparty/v1/settings", "/api/mobile/v1/device")) {
            assertThat(status(port, path, "rebind.attacker.example", adminBasic())).as(path).isEqualTo(421);
            assertThat(status(port, path, "rebind.attacker.example:" + port, adminBasic())).as(path)
                    .isEqualTo(421);
        }
        RawHttp.Response r = RawHttp.send(port, null, RawHttp.request("GET /health HTTP/1.1\r\nHost: evil.test",
                new byte[0]), Duration.ofSeconds(10));
        assertThat(r.body()).startsWith("{\"message\":\"Host:");
        assertThat(status(port, "/health", "127.0.0.1.attacker.example", null)).isEqualTo(421);
        assertThat(status(port, "/health", "8.8.8.8", null)).as("an address that is not this computer's")
                .isEqualTo(421);
    }

    @Test
    void theNamesOfThisComputerAreServed() throws IOException {
        int port = gw.gateway().port();
        List<String> hosts = new java.util.ArrayList<>(List.of("127.0.0.1", "127.0.0.1:" + port, "localhost",
                "LOCALHOST:" + port, "[::1]:" + port, "127.0.0.2", "app.localhost"));
        hosts.addAll(LanAddresses.current().dnsNames());
        LanAddresses.current().ipAddresses().forEach(ip -> hosts.add(ip.contains(":") ? "[" + ip + "]" : ip));
        for (String host : hosts) {
            assertThat(status(port, "/3rdparty/v1/settings", host, adminBasic())).as(host).isEqualTo(200);
        }
        assertThat(status(port, "/health", null, null)).as("HTTP/1.1 without Host: Undertow's own 400, or ours")
                .isIn(200, 400);
    }

    @Test
    void aNameTheAdminAllowedIsServed(@TempDir Path dir) throws IOException {
        try (Gateway g = Gateway.start(new GatewayConfig("127.0.0.1", 0, dir, null, "admin",
                TestGateway.PASSWORD, TestGateway.PRIVATE_TOKEN, new MutableClock())
                .withAllowedHost("sms.shop.example"))) {
            assertThat(status(g.port(), "/health", "sms.shop.example", null)).isEqualTo(200);
            assertThat(status(g.port(), "/health", "SMS.shop.example:443", null)).isEqualTo(200);
            assertThat(status(g.port(), "/health", "other.shop.example", null)).isEqualTo(421);
        }
    }
}
