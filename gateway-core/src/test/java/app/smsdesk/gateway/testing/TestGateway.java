package app.smsdesk.gateway.testing;

import app.smsdesk.gateway.Gateway;
import app.smsdesk.gateway.GatewayConfig;
import app.smsdesk.gateway.Services;
import app.smsdesk.gateway.domain.Principal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real gateway for tests: 127.0.0.1, port 0, a temporary data directory, a known admin password and a
 * clock the test can move. Calls go over real HTTP with {@link java.net.http.HttpClient}.
 */
public final class TestGateway implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    public static final String ADMIN = "admin";
    public static final String PASSWORD = "correct-horse-battery-staple";
    public static final String PRIVATE_TOKEN = "test-private-token-0123456789";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Path dataDir;
    private final boolean ownsDir;
    private final MutableClock clock;
    private final Boolean jwtAtStart;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Gateway gateway;

    private TestGateway(Path dataDir, boolean ownsDir, MutableClock clock, Boolean jwt) {
        this.dataDir = dataDir;
        this.ownsDir = ownsDir;
        this.clock = clock;
        this.jwtAtStart = jwt;
        if (dataDir != null) {
            this.gateway = Gateway.start(config(jwt));
            registerPhonesWithoutApproval(gateway);
            watchSecrets();
        }
    }

    /**
     * Phones registered with the private token join at once, as before approvals existed: tests of other features
     * register phones the quick way. The approval (on in the product) has tests of its own, which switch it on.
     */
    public static void registerPhonesWithoutApproval(Gateway g) {
        var settings = g.services().gatewaySettings();
        if (settings.get().phoneApproval()) {
            settings.update(settings.get().withPhoneApproval(false), "tests");
        }
    }

    /** Switches the approval of phones registered with the private token on, as the product ships. */
    public TestGateway requirePhoneApproval() {
        var settings = gateway.services().gatewaySettings();
        settings.update(settings.get().withPhoneApproval(true), "tests");
        return this;
    }

    /** Everything secret this gateway knows goes on the leak watch. */
    private void watchSecrets() {
        LeakWatch.watch(PASSWORD);
        LeakWatch.watch(PRIVATE_TOKEN);
        LeakWatch.watch(Base64.getEncoder().encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        LeakWatch.watch(gateway.privateToken());
        try {
            LeakWatch.watch(Files.readString(dataDir.resolve("jwt-hs256.key")).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hands the event log table to the leak watch (the gateway is closed, the file still there). */
    private void captureEventLog() {
        StringBuilder text = new StringBuilder();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("smsdesk.db"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT user_id, priority, module, message, context FROM event_log")) {
            while (rs.next()) {
                for (int i = 1; i <= 5; i++) {
                    text.append(rs.getString(i)).append(' ');
                }
                text.append('\n');
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event log of " + dataDir, e);
        }
        LeakWatch.capture("event log of " + dataDir.getFileName(), text.toString());
    }

    /**
     * One gateway for a whole test class, as a JUnit extension: {@code @RegisterExtension static final TestGateway
     * gw = TestGateway.perClass();} starts it before the class's {@code @BeforeAll} methods and closes it after.
     */
    public static TestGateway perClass() {
        return perClass(null);
    }

    public static TestGateway perClass(Boolean jwtEnabled) {
        return new TestGateway(null, true, new MutableClock(), jwtEnabled);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dataDir = Files.createTempDirectory("smsdesk-test");
        gateway = Gateway.start(config(jwtAtStart));
        registerPhonesWithoutApproval(gateway);
        watchSecrets();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** A gateway in a fresh temporary directory (deleted on close). */
    public static TestGateway start() {
        return start(null);
    }

    public static TestGateway start(Boolean jwtEnabled) {
        try {
            return new TestGateway(Files.createTempDirectory("smsdesk-test"), true, new MutableClock(), jwtEnabled);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A gateway on an existing directory (left in place on close), e.g. to test restarts. */
    public static TestGateway startIn(Path dir) {
        return new TestGateway(dir, false, new MutableClock(), null);
    }

    private GatewayConfig config(Boolean jwt) {
        return new GatewayConfig("127.0.0.1", 0, dataDir, jwt, ADMIN, PASSWORD, PRIVATE_TOKEN, clock);
    }

    /** Stops and starts again on the same directory and clock (a clean restart). */
    public void restart() {
        gateway.close();
        gateway = Gateway.start(config(null));
        watchSecrets();
    }

    public Gateway gateway() {
        return gateway;
    }

    public Services services() {
        return gateway.services();
    }

    public MutableClock clock() {
        return clock;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Principal admin() {
        return Principal.console(ADMIN);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + gateway.port();
    }

    /** The third-party API base, e.g. {@code http://127.0.0.1:PORT/3rdparty/v1}. */
    public String api() {
        return baseUrl() + "/3rdparty/v1";
    }

    /** The phone API base as a user would type it into the app, e.g. {@code http://127.0.0.1:PORT/api/mobile/v1}. */
    public String mobileApi() {
        return baseUrl() + "/api/mobile/v1";
    }

    public static String basic(String login, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    public static String adminBasic() {
        return basic(ADMIN, PASSWORD);
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** Sends a request; {@code path} is relative to {@link #api()} unless it starts with "http" or "//". */
    public HttpResult call(String method, String path, String authorization, String body) {
        return call(method, path, authorization, body, Map.of());
    }

    public HttpResult call(String method, String path, String authorization, String body,
                           Map<String, String> headers) {
        String url = path.startsWith("http") ? path : path.startsWith("//") ? baseUrl() + path.substring(1)
                : api() + path;
        HttpRequest.Builder b = JsonRequest.builder(method, url, authorization, body);
        headers.forEach(b::header);
        try {
            return wrap(client.send(b.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResult wrap(HttpResponse<String> r) {
        return new HttpResult(r.statusCode(), r);
    }

    public HttpResult get(String path, String authorization) {
        return call("GET", path, authorization, null);
    }

    public HttpResult post(String path, String authorization, String body) {
        return call("POST", path, authorization, body);
    }

    public HttpResult delete(String path, String authorization) {
        return call("DELETE", path, authorization, null);
    }

    /** Mints a token with Basic auth and returns the whole response body. */
    public JsonNode mint(List<String> scopes) {
        HttpResult r = post("/auth/token", adminBasic(), json(Map.of("scopes", scopes)));
        if (r.status() != 201) {
            throw new AssertionError("mint failed: " + r);
        }
        LeakWatch.watch(r.json().path("access_token").asText());
        LeakWatch.watch(r.json().path("refresh_token").asText());
        return r.json();
    }

    /** Mints a token with Basic auth and returns its {@code Authorization} header value. */
    public String bearerWith(String... scopes) {
        return bearer(mint(List.of(scopes)).get("access_token").asText());
    }

    public static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        gateway.close();
        captureEventLog();
        if (ownsDir) {
            deleteRecursively(dataDir);
        }
    }

    static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: the directory is under the system temp dir
        }
    }
}
