package app.smsdesk.gateway.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import app.smsdesk.gateway.domain.MessageQuery;
import app.smsdesk.gateway.domain.OutgoingMessage;
import app.smsdesk.gateway.service.DeviceService;
import app.smsdesk.gateway.testing.TestGateway;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the gateway with the official SMSGate JS client ({@code android-sms-gateway} from npm, pinned in
 * {@code src/test/node/package.json}), with Basic credentials and with a JWT. Needs Node.js and npm: without them
 * this test fails on purpose, because compatibility with the official clients is the product's promise.
 */
class OfficialNpmClientTest {
    private static final Path NODE_DIR = moduleDir().resolve("src/test/node");
    private static final String CLIENT = "android-sms-gateway@3.0.0";
    private static final Duration NPM_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(90);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final boolean WINDOWS = System.getProperty("os.name").startsWith("Windows");

    @RegisterExtension
    static final TestGateway gw = TestGateway.perClass();

    @Test
    void officialClientWorksWithBasicAndJwt(@TempDir Path tmp) throws Exception {
        requireNode(tmp);
        installClientOnce(tmp);
        DeviceService.Registration phone = gw.services().devices()
                .register(TestGateway.ADMIN, "Compat phone", null, List.of(), "compat");

        Output out = run(tmp, RUN_TIMEOUT, command("node"), "compat.mjs", "--url", gw.api(),
                "--login", TestGateway.ADMIN, "--password", TestGateway.PASSWORD,
                "--device-id", phone.device().id());

        System.out.println(out); // kept in the Surefire report, next to the assertions
        JsonNode summary = parse(out);
        assertThat(summary.path("client").asText()).as(out.toString()).isEqualTo(CLIENT);
        assertThat(failedSteps(summary)).as(out.toString()).isEmpty();
        assertThat(out.exitCode()).as(out.toString()).isZero();
        assertThat(summary.path("ok").asBoolean()).isTrue();
        assertThat(stepNames(summary.path("runs").path("basic"))).containsExactly(
                "getHealth", "send", "send skipPhoneValidation", "send invalid number is rejected", "getState",
                "listMessages", "cancelMessage", "getDevices", "webhooks register/list/delete", "getSettings",
                "patchSettings", "patchSettings with the typed camelCase keys is ignored, as the reference does",
                "getLogs", "exportInbox", "refreshInbox", "generateToken/revokeToken");
        assertThat(stepNames(summary.path("runs").path("jwt"))).containsExactly(
                "mint JWT with Basic", "getHealth", "send", "send skipPhoneValidation",
                "send invalid number is rejected", "getState", "listMessages", "cancelMessage", "getDevices",
                "webhooks register/list/delete", "getSettings", "patchSettings without settings:write is forbidden",
                "getLogs", "exportInbox", "refreshInbox", "generateToken/revokeToken");

        // What the client did really reached the gateway's store, under the right account.
        List<String> texts = gw.services().messages().list(gw.admin(),
                        new MessageQuery(null, null, null, null, "compat ", 100, 0, true)).items().stream()
                .map(OutgoingMessage::content).map(c -> c.text()).toList();
        assertThat(texts).contains("compat basic", "compat jwt");
        assertThat(gw.services().webhooks().list(gw.admin())).isEmpty();
    }

    private static JsonNode parse(Output out) {
        try {
            return MAPPER.readTree(out.stdout());
        } catch (IOException e) {
            throw new AssertionError("compat.mjs did not print a JSON summary: " + out, e);
        }
    }

    private static List<String> failedSteps(JsonNode summary) {
        List<String> failed = new ArrayList<>();
        summary.path("runs").properties().forEach(run -> run.getValue().path("steps").forEach(step -> {
            if (!step.path("ok").asBoolean()) {
                failed.add(run.getKey() + ": " + step.path("name").asText() + ": " + step.path("error").asText());
            }
        }));
        return failed;
    }

    private static List<String> stepNames(JsonNode run) {
        return StreamSupport.stream(run.path("steps").spliterator(), false)
                .map(s -> s.path("name").asText()).toList();
    }

    private static void requireNode(Path tmp) throws InterruptedException {
        try {
            Output v = run(tmp, Duration.ofSeconds(30), command("node"), "--version");
            assertThat(v.exitCode()).as("node --version: " + v).isZero();
        } catch (IOException e) {
            fail("Node.js is not installed (no 'node' on the PATH). The official-client compatibility test needs "
                    + "Node.js 18+ and npm; .ci/run installs them (apt-get install nodejs npm).", e);
        }
    }

    /** {@code npm ci} from the committed lock file, once per checkout (node_modules is not committed). */
    private static synchronized void installClientOnce(Path tmp) throws InterruptedException {
        if (Files.isRegularFile(NODE_DIR.resolve("node_modules/android-sms-gateway/package.json"))) {
            return;
        }
        try {
            Output npm = run(tmp, NPM_TIMEOUT, command("npm"), "ci", "--no-audit", "--no-fund");
            assertThat(npm.exitCode()).as("npm ci in " + NODE_DIR + ": " + npm).isZero();
        } catch (IOException e) {
            fail("npm is not installed (no 'npm' on the PATH); .ci/run installs it (apt-get install npm).", e);
        }
    }

    private static String command(String name) {
        return WINDOWS && name.equals("npm") ? "npm.cmd" : name;
    }

    record Output(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
        }
    }

    private static Output run(Path tmp, Duration timeout, String... command) throws IOException,
            InterruptedException {
        Path stdout = Files.createTempFile(tmp, "out", ".txt");
        Path stderr = Files.createTempFile(tmp, "err", ".txt");
        Process p = new ProcessBuilder(command).directory(NODE_DIR.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullFile()))
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout + "\n"
                    + new Output(-1, Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8)));
        }
        return new Output(p.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private static java.io.File nullFile() {
        return new java.io.File(WINDOWS ? "NUL" : "/dev/null");
    }

    /** The module directory: Maven sets {@code basedir}; IDEs usually run tests from it. */
    private static Path moduleDir() {
        String basedir = System.getProperty("basedir");
        return Path.of(basedir != null ? basedir : System.getProperty("user.dir")).toAbsolutePath();
    }
}
