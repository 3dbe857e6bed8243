package app.smsdesk.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayMainHttpsTest {
    static final GatewayConfig BASE = GatewayConfig.fromEnvironment(Map.of());

    @Test
    void theHttpsPortDefaultsTo3443AndCanBeChosenOrTurnedOff() throws Exception {
        assertThat(BASE.httpsPort()).isEqualTo(GatewayConfig.DEFAULT_HTTPS_PORT);
        assertThat(GatewayMain.parse(new String[] {"--https-port", "0"}, BASE).httpsPort()).isZero();
        assertThat(GatewayMain.parse(new String[] {"--https-port", "8443"}, BASE).httpsPort()).isEqualTo(8443);
        assertThat(GatewayMain.parse(new String[] {"--https-port", "off"}, BASE).httpsPort())
                .isEqualTo(GatewayConfig.HTTPS_OFF);
        assertThatThrownBy(() -> GatewayMain.parse(new String[] {"--https-port", "https"}, BASE))
                .hasMessageContaining("--https-port");
        assertThat(GatewayMain.USAGE).contains("--https-port");
    }

    @Test
    void aConfigWithoutAnHttpsPortUsesAFreeOneWhenItsHttpPortIsFree() {
        GatewayConfig c = new GatewayConfig("127.0.0.1", 0, BASE.dataDir(), null, null, null, null, BASE.clock());
        assertThat(c.httpsPort()).isZero();
        assertThat(c.withPort(0).withHttpsPort(5).httpsPort()).isEqualTo(5);
    }
}
