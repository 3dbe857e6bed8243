package app.smsdesk.gateway.security;

import static app.smsdesk.gateway.testing.TestGateway.adminBasic;
import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.GatewayConfig;
import app.smsdesk.gateway.testing.RawHttp;
import app.smsdesk.gateway.testing.TestGateway;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * F10: plain HTTP carries no credentials across the LAN by default. The audit offered two fixes; the issue asks
 * for the second (plain HTTP bound to loopback), and the phones' need for a plain-HTTP CA download is met by a
 * listener of its own that serves nothing but the certificate (and health), so there is nothing on it to send a
 * password to. The defaults themselves are checked in {@code GatewayMainTest}; tests never bind a LAN address.
 */
class F10PlainHttpTest {
    @RegisterExtension
    static final TestGateway gw = TestGateway.perClass();

    private static RawHttp.Response onCaPort(String head, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return RawHttp.send(gw.gateway().caPort(), null, RawHttp.request(head + "\r\nHost: 127.0.0.1"
                + (b.length > 0 ? "\r\nContent-Type: application/json\r\nContent-Length: " + b.length : ""), b),
                Duration.ofSeconds(10));
    }

    @Test
    void byDefaultPlainHttpIsLoopbackOnlyAndPhonesGetHttpsAndACaOnlyPort() {
        GatewayConfig defaults = GatewayConfig.fromEnvironment(Map.of());
        assertThat(defaults.host()).isEqualTo("127.0.0.1");
        assertThat(defaults.httpsHost()).isEqualTo("0.0.0.0");
        assertThat(defaults.caPort()).isEqualTo(GatewayConfig.DEFAULT_CA_PORT);
        assertThat(defaults.withHost("0.0.0.0").plainHttpOnNetwork()).as("an explicit opt-in").isTrue();
    }

    @Test
    void theCaPortServesTheCertificateAndNothingElse() throws IOException {
        RawHttp.Response ca = onCaPort("GET /ca.crt HTTP/1.1", "");
        assertThat(ca.status()).isEqualTo(200);
        assertThat(ca.header("Content-Type")).isEqualTo("application/x-x509-ca-cert");
        assertThat(onCaPort("GET /ca.pem HTTP/1.1", "").body()).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(onCaPort("GET /health HTTP/1.1", "").status()).isEqualTo(200);

        RawHttp.Response api = onCaPort("GET /3rdparty/v1/messages HTTP/1.1\r\nAuthorization: " + adminBasic(), "");
        assertThat(api.status()).isEqualTo(403);
        assertThat(api.body()).contains("only serves the CA certificate").contains("HTTPS");
        RawHttp.Response register = onCaPort("POST /api/mobile/v1/device HTTP/1.1\r\nAuthorization: Bearer "
                + TestGateway.PRIVATE_TOKEN, "{\"name\":\"rogue\"}");
        assertThat(register.status()).isEqualTo(403);
        assertThat(gw.get("/devices", adminBasic()).body()).doesNotContain("rogue");
    }
}
