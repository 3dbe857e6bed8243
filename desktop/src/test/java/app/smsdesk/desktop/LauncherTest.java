package app.smsdesk.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.smsdesk.gateway.Gateway;
import app.smsdesk.gateway.GatewayConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int check(String... args) {
        return Launcher.check(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpIsTheConsolesOwnUsage() {
        assertThat(check("--help")).isZero();

        assertThat(out()).startsWith("Usage: java -jar smsdesk.jar [options]")
                .contains("Opens the SMSDesk console window")
                .contains("same\noptions and environment as the headless one")
                .contains("--host", "--port", "--https-port", "--data-dir", "--jwt", "--version")
                .contains("SMSDESK_ADMIN_PASSWORD")
                .contains("-Dsmsdesk.exitAfterFirstFrame=true")
                .doesNotContain("smsdesk-gateway.jar [options]");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void helpWinsWhereverItStandsAndDashHWorksToo() {
        assertThat(check("--port", "3001", "-h")).isZero();
        assertThat(out()).startsWith("Usage: java -jar smsdesk.jar");
    }

    @Test
    void versionPrintsTheVersion() {
        assertThat(check("--version")).isZero();
        assertThat(out().strip()).isEqualTo("smsdesk " + Gateway.version());
    }

    @Test
    void aMistakeIsExplainedWithExitCode2AndNoWindow() {
        assertThat(check("--prot", "3000")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("smsdesk: unknown option '--prot'")
                .contains("Try --help.");
        assertThat(out()).isEmpty();
    }

    @Test
    void theHeadlessOptionsOpenTheConsoleWithThatGatewayIncludingTheHttpsPort() {
        assertThat(check("--port", "0", "--https-port", "0")).isEqualTo(Launcher.OPEN);
        assertThat(out()).isEmpty();

        ConsoleCommandLine.Result r = ConsoleCommandLine.parse(new String[] {"--host", "127.0.0.1", "--port", "0",
            "--https-port", "0", "--data-dir", "some-dir", "--jwt", "off"}, Map.of("SMSDESK_ADMIN_PASSWORD", "pw"));
        assertThat(r).isInstanceOfSatisfying(ConsoleCommandLine.Result.Run.class, run -> {
            GatewayConfig c = run.config();
            assertThat(c.host()).isEqualTo("127.0.0.1");
            assertThat(c.port()).isZero();
            assertThat(c.httpsPort()).isZero();
            assertThat(c.dataDir()).isEqualTo(Path.of("some-dir"));
            assertThat(c.jwtEnabled()).isFalse();
            assertThat(c.adminPassword()).isEqualTo("pw");
        });
        assertThat(((ConsoleCommandLine.Result.Run) ConsoleCommandLine.parse(new String[] {"--https-port", "off"},
                Map.of())).config().httpsPort()).isEqualTo(GatewayConfig.HTTPS_OFF);
        assertThat(((ConsoleCommandLine.Result.Run) ConsoleCommandLine.parse(new String[0], Map.of())).config()
                .httpsPort()).isEqualTo(GatewayConfig.DEFAULT_HTTPS_PORT);
        assertThatThrownBy(() -> ConsoleCommandLine.parse(new String[] {"--https-port", "x"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--https-port");
    }
}
