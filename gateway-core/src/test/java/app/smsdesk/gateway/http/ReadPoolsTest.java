package app.smsdesk.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.auth.Authenticator;
import app.smsdesk.gateway.auth.BasicAuthenticator;
import app.smsdesk.gateway.auth.JwtCodec;
import app.smsdesk.gateway.auth.LoginThrottle;
import app.smsdesk.gateway.auth.PasswordHasher;
import app.smsdesk.gateway.auth.KnownTokens;
import app.smsdesk.gateway.auth.Secrets;
import app.smsdesk.gateway.auth.TokenUsageTracker;
import app.smsdesk.gateway.domain.Scopes;
import app.smsdesk.gateway.store.DataDir;
import app.smsdesk.gateway.store.Database;
import app.smsdesk.gateway.store.UserStore;
import app.smsdesk.gateway.testing.TestGateway;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which threads run which requests: point reads on the I/O thread, page reads on their own few threads, writes
 * and reads that need a password check (bcrypt) on the large worker pool.
 */
class ReadPoolsTest {
    private static final String PASSWORD = "pools-password-123";
    @TempDir
    Path dir;
    private Database db;
    private HttpGateway server;
    private String bearer;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        db = new Database(new DataDir(dir).databaseFile());
        Clock clock = Clock.systemUTC();
        UserStore users = new UserStore(db);
        PasswordHasher hasher = new PasswordHasher(4);
        users.create("admin", hasher.hash(PASSWORD), true, clock.instant());
        JwtCodec jwt = new JwtCodec(Secrets.randomBytes(64), "smsdesk", clock);
        KnownTokens known = new KnownTokens(clock);
        Authenticator auth = new Authenticator(new BasicAuthenticator(users, hasher,
                new LoginThrottle(clock, login -> login, (message, context) -> { }), clock), jwt,
                known, new TokenUsageTracker(), () -> true, users::exists, clock);
        ApiHandler thread = ex -> ex.json(200, Map.of("thread", Thread.currentThread().getName()));
        server = new HttpGateway(List.of(
                Route.api("GET", "/messages", Scopes.MESSAGES_LIST, thread).on(Route.Threads.PAGE_READ),
                Route.api("GET", "/messages/{id}", Scopes.MESSAGES_READ, thread).on(Route.Threads.POINT_READ),
                Route.api("GET", "/devices", Scopes.DEVICES_LIST, thread),
                Route.api("POST", "/messages", Scopes.MESSAGES_SEND, thread)), List.of(), auth, null);
        server.start("127.0.0.1", 0);
        Instant now = clock.instant();
        known.issued("jti-pools", now.plusSeconds(600));
        bearer = "Bearer " + jwt.sign("jti-pools", "admin", List.of(Scopes.ALL), null, now, now.plusSeconds(600));
    }

    @AfterEach
    void stop() {
        server.close();
        db.close();
    }

    private String threadOf(String method, String path, String authorization) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/3rdparty/v1" + path))
                .header("Authorization", authorization)
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = client.send(r, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body()).get("thread").asText();
    }

    @Test
    void pageReadsPointReadsAndWritesRunOnTheirOwnThreads() throws Exception {
        assertThat(threadOf("GET", "/messages", bearer)).startsWith("http-page-");
        assertThat(threadOf("GET", "/messages/abc", bearer)).as("a point read, answered where it arrived")
                .contains("I/O");
        assertThat(threadOf("GET", "/devices", bearer)).startsWith("http-read-");
        assertThat(threadOf("POST", "/messages", bearer)).doesNotStartWith("http-").doesNotContain("I/O");
    }

    @Test
    void aReadThatNeedsBcryptRunsOnTheWorkersUntilTheCredentialsAreRemembered() throws Exception {
        String basic = TestGateway.basic("admin", PASSWORD);
        assertThat(threadOf("GET", "/messages", basic)).doesNotStartWith("http-");
        assertThat(threadOf("GET", "/messages", basic)).startsWith("http-page-");
    }
}
