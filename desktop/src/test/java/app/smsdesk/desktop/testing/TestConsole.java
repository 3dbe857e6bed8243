package app.smsdesk.desktop.testing;

import app.smsdesk.gateway.testing.MutableClock;
import app.smsdesk.desktop.Console;
import app.smsdesk.desktop.ConsolePreferences;
import app.smsdesk.desktop.GatewayInfo;
import app.smsdesk.desktop.task.ImmediateTaskRunner;
import app.smsdesk.desktop.task.TaskRunner;
import app.smsdesk.desktop.ui.Clipboard;
import app.smsdesk.desktop.ui.DialogService;
import app.smsdesk.gateway.Gateway;
import app.smsdesk.gateway.GatewayConfig;
import app.smsdesk.gateway.Services;
import app.smsdesk.gateway.domain.Principal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A real embedded gateway (127.0.0.1, port 0, temporary data directory, known admin password, a clock the
 * test moves) and a {@link Console} over it, for view-model tests with {@link ImmediateTaskRunner}.
 */
public final class TestConsole implements AutoCloseable {
    public static final String ADMIN = "admin";
    public static final String PASSWORD = "correct-horse-battery-staple";
    public static final String PRIVATE_TOKEN = "test-private-token-0123456789";

    private final Path dir;
    private final Gateway gateway;
    public final MutableClock clock = new MutableClock();
    public final ScriptedDialogs dialogs = new ScriptedDialogs();
    public final List<String> copied = new ArrayList<>();
    public final ImmediateTaskRunner tasks = new ImmediateTaskRunner();
    public final ConsolePreferences preferences = ConsolePreferences.inMemory();
    public final FakeTray tray = new FakeTray();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** HTTP and HTTPS each on a free port. */
    public TestConsole() {
        this(0);
    }

    /** @param httpsPort 0 for a free port, or {@link GatewayConfig#HTTPS_OFF} */
    public TestConsole(int httpsPort) {
        try {
            dir = Files.createTempDirectory("smsdesk-console-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        gateway = Gateway.start(new GatewayConfig("127.0.0.1", 0, dir, null, ADMIN, PASSWORD, PRIVATE_TOKEN, clock)
                .withHttpsPort(httpsPort));
        // Phones registered with the private token join at once, as before approvals existed; the screens'
        // approval tests switch it back on.
        var settings = gateway.services().gatewaySettings();
        settings.update(settings.get().withPhoneApproval(false), "tests");
    }

    /** The console with the immediate runner and scripted dialogs. */
    public Console console() {
        return console(tasks, dialogs, copied::add);
    }

    public Console console(TaskRunner runner, DialogService dialogService, Clipboard clipboard) {
        return new Console(gateway.services(), principal(), runner, dialogService, clipboard, clock, ZoneOffset.UTC,
                GatewayInfo.of(gateway), preferences, tray);
    }

    public Principal principal() {
        return Principal.console(ADMIN);
    }

    public Services services() {
        return gateway.services();
    }

    public Gateway gateway() {
        return gateway;
    }

    public Path dataDir() {
        return dir;
    }

    /** A real HTTP GET on the third-party API with a bearer token; returns the status. */
    public int getWithToken(String path, String token) {
        HttpRequest r = HttpRequest.newBuilder(URI.create(gateway.localUrl() + "/3rdparty/v1" + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).GET().build();
        try {
            return http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A real HTTP POST on the third-party API; returns status and body. */
    public HttpResponse<String> post(String path, String authorization, String json) {
        HttpRequest r = HttpRequest.newBuilder(URI.create(gateway.localUrl() + "/3rdparty/v1" + path))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            return http.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Opens a phone's event stream ({@code GET /mobile/v1/events} over real HTTP) as the app does, and returns
     * once the gateway greeted it, so the phone counts as connected. Close the stream to disconnect.
     */
    public InputStream openEventStream(String deviceToken) {
        HttpRequest r = HttpRequest.newBuilder(URI.create(gateway.localUrl() + "/mobile/v1/events"))
                .header("Authorization", "Bearer " + deviceToken).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(r, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IllegalStateException("GET /events answered " + response.statusCode());
            }
            InputStream in = response.body();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c >= 0; c = in.read()) {
                if (c != '\n') {
                    line.append((char) c);
                } else if (line.toString().startsWith("data:")) {
                    return in;
                } else {
                    line.setLength(0);
                }
            }
            throw new IllegalStateException("the event stream ended before the greeting");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        gateway.close();
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temp directory
        }
    }
}
