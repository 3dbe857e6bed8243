package app.smsdesk.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayMainCommandLineTest {
    @Test
    void embeddingLauncherGetsTheHeadlessOptionsAndEnvironment() {
        GatewayConfig c = GatewayMain.commandLine(new String[] {"--port", "0", "--host", "127.0.0.1",
                "--data-dir", "some/dir", "--jwt", "off"}, Map.of("SMSDESK_ADMIN_PASSWORD", "s3cret-pass")).orElseThrow();

        assertThat(c.port()).isZero();
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.dataDir()).isEqualTo(Path.of("some/dir"));
        assertThat(c.jwtEnabled()).isFalse();
        assertThat(c.adminPassword()).isEqualTo("s3cret-pass");
    }

    @Test
    void badCommandLineIsAnIllegalArgumentNamingTheProblem() {
        assertThatThrownBy(() -> GatewayMain.commandLine(new String[] {"--port", "x"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--port");
    }

    @Test
    void versionIsEmpty() {
        assertThat(GatewayMain.commandLine(new String[] {"--version"}, Map.of())).isEmpty();
    }
}
