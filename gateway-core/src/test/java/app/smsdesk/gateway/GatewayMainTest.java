package app.smsdesk.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line: help, version and clear errors with exit code 2. Starting for real is in GatewayProcessTest. */
class GatewayMainTest {
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    private int run(String... args) {
        return run(Map.of(), args);
    }

    private int run(Map<String, String> env, String... args) {
        try (PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
             PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8)) {
            return GatewayMain.run(args, env, out, err, false);
        }
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        assertThat(run("--help")).isZero();
        assertThat(out()).startsWith("Usage: java -jar smsdesk-gateway.jar [options]")
                .contains("--host HOST", "--port PORT", "--data-dir DIR", "--jwt on|off", "--version",
                        "SMSDESK_ADMIN_PASSWORD", "SMSDESK_PRIVATE_TOKEN");
        assertThat(err()).isEmpty();
    }

    @Test
    void shortHelpAndHelpAfterOtherOptionsAlsoWork() {
        assertThat(run("--port", "0", "-h")).isZero();
        assertThat(out()).startsWith("Usage:");
    }

    @Test
    void versionPrintsTheBuildVersion() {
        assertThat(run("--version")).isZero();
        assertThat(out().strip()).isEqualTo("smsdesk-gateway " + Gateway.version());
        // The resource is filtered by Maven: a raw placeholder or the fallback means the build is wrong.
        assertThat(Gateway.version()).isNotEqualTo("dev").doesNotContain("${").matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(err()).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "--frobnicate           | unknown option '--frobnicate'",
        "--port abc             | --port must be a number from 0 to 65535, not 'abc'",
        "--port 65536           | --port must be a number from 0 to 65535, not '65536'",
        "--port -1              | --port must be a number from 0 to 65535, not '-1'",
        "--jwt maybe            | --jwt must be on or off, not 'maybe'",
        "--port                 | --port needs a value",
        "--data-dir --port      | --data-dir needs a value",
        "serve                  | unknown option 'serve'",
        "--backup               | --backup needs a file",
        "--restore --port       | --restore needs a file",
        "--backup a --restore b | use either --backup or --restore",
        "--backup a --port x    | --port must be a number from 0 to 65535, not 'x'",
    })
    void badOptionsPrintAClearErrorAndExitTwo(String args, String message) {
        assertThat(run(args.split(" "))).isEqualTo(2);
        assertThat(err()).isEqualTo("smsdesk-gateway: " + message + System.lineSeparator()
                + "Try --help." + System.lineSeparator());
        assertThat(out()).isEmpty();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"SMSDESK_PRIVATE_TOKEN, 1", "SMSDESK_PRIVATE_TOKEN, short-token-15c",
        "SMSDESK_PRIVATE_TOKEN, aaaaaaaaaaaaaaaaaaaaaaaa", "SMSDESK_ADMIN_PASSWORD, eight-ch",
        "SMSDESK_ADMIN_PASSWORD, thirteen-char"})
    void weakSecretsFromTheEnvironmentAreRefusedBeforeAnythingIsCreated(String variable, String value,
            @TempDir Path dir) {
        Path data = dir.resolve("data");
        assertThat(run(Map.of(variable, value), "--host", "127.0.0.1", "--port", "0", "--https-port", "off",
                "--data-dir", data.toString())).isEqualTo(2);
        assertThat(err()).startsWith("smsdesk-gateway: " + variable + ": at least"); // audit F17
        assertThat(Files.exists(data)).isFalse();
    }

    @Test
    void thePrivateTokenRotatesFromTheCommandLine(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Gateway.start(new GatewayConfig("127.0.0.1", 0, data, null, "admin", "a-long-enough-password",
                "the-first-private-token", java.time.Clock.systemUTC())).close();
        assertThat(run("--data-dir", data.toString(), "--rotate-private-token")).as(err()).isZero();
        String fresh = Files.readString(data.resolve("private-token")).strip();
        assertThat(fresh).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo("the-first-private-token");
        assertThat(out()).contains("New private token for registering phones: " + fresh); // audit F2
        try (Gateway g = Gateway.start(new GatewayConfig("127.0.0.1", 0, data, null, null, null, null,
                java.time.Clock.systemUTC()).withPhoneApproval(false))) {
            assertThat(g.privateToken()).isEqualTo(fresh);
            assertThat(g.services().gatewaySettings().get().phoneApproval()).as("--phone-approval off").isFalse();
        }
        assertThat(run("--data-dir", dir.resolve("never").toString(), "--rotate-private-token")).isEqualTo(1);
        assertThat(err()).contains("no private token in");
    }

    @Test
    void optionsBuildTheConfig() throws Exception {
        GatewayConfig base = GatewayConfig.fromEnvironment(Map.of("SMSDESK_ADMIN_USERNAME", "boss",
                "SMSDESK_ADMIN_PASSWORD", "a-long-enough-password", "SMSDESK_PRIVATE_TOKEN", "phones-key-0123456789"));
        GatewayConfig c = GatewayMain.parse(new String[] {"--host", "127.0.0.1", "--port", "8080",
            "--data-dir", "some/dir", "--jwt", "off", "--phone-approval", "off"}, base,
            new PrintStream(outBytes, true, StandardCharsets.UTF_8));
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.port()).isEqualTo(8080);
        assertThat(c.dataDir()).isEqualTo(Path.of("some/dir"));
        assertThat(c.jwtEnabled()).isFalse();
        assertThat(c.phoneApproval()).isFalse();
        assertThat(c.adminUsername()).isEqualTo("boss");
        assertThat(c.adminPassword()).isEqualTo("a-long-enough-password");
        assertThat(c.privateToken()).isEqualTo("phones-key-0123456789");
        assertThat(out()).isEmpty();
    }

    @Test
    void defaultsArePlainHttpOnLoopbackHttpsOnAllInterfacesAndTheHomeDirectory() throws Exception {
        GatewayConfig c = GatewayMain.parse(new String[0], GatewayConfig.fromEnvironment(Map.of()),
                new PrintStream(outBytes, true, StandardCharsets.UTF_8));
        assertThat(c.host()).as("plain HTTP: this computer only (F10)").isEqualTo("127.0.0.1");
        assertThat(c.plainHttpOnNetwork()).isFalse();
        assertThat(c.httpsHost()).isEqualTo("0.0.0.0");
        assertThat(c.httpsPort()).isEqualTo(3443);
        assertThat(c.caPort()).isEqualTo(3080);
        assertThat(c.port()).isEqualTo(3000);
        assertThat(c.dataDir()).isEqualTo(Path.of(System.getProperty("user.home"), ".smsdesk"));
        assertThat(c.jwtEnabled()).isNull();
        assertThat(c.adminUsername()).isEqualTo("admin");
        assertThat(c.adminPassword()).isNull();
        assertThat(c.privateToken()).isNull();
    }
}
