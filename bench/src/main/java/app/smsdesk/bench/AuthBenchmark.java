package app.smsdesk.bench;

import app.smsdesk.gateway.auth.Authenticator;
import app.smsdesk.gateway.auth.BasicAuthenticator;
import app.smsdesk.gateway.auth.JwtCodec;
import app.smsdesk.gateway.auth.LoginThrottle;
import app.smsdesk.gateway.auth.PasswordHasher;
import app.smsdesk.gateway.auth.KnownTokens;
import app.smsdesk.gateway.auth.TokenUsageTracker;
import app.smsdesk.gateway.domain.Ids;
import app.smsdesk.gateway.domain.Principal;
import app.smsdesk.gateway.domain.Scopes;
import app.smsdesk.gateway.store.DataDir;
import app.smsdesk.gateway.store.Database;
import app.smsdesk.gateway.store.UserStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** The per-request auth path: the same Authenticator the HTTP layer uses, with a real SQLite user store. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AuthBenchmark {
    private static final String CLIENT = "127.0.0.1";
    private Database db;
    private Authenticator authenticator;
    private String bearer;
    /** More distinct tokens than the codec remembers, used in turn: every call verifies a token it has not seen. */
    private String[] unseen;
    private int next;
    private String basic;

    @Setup
    public void setUp() throws Exception {
        Path dir = Files.createTempDirectory("smsdesk-jmh");
        db = new Database(new DataDir(dir).databaseFile());
        Clock clock = Clock.systemUTC();
        UserStore users = new UserStore(db);
        PasswordHasher hasher = new PasswordHasher();
        users.create("admin", hasher.hash("bench-password-123"), true, clock.instant());
        JwtCodec jwt = new JwtCodec(app.smsdesk.gateway.auth.Secrets.randomBytes(64), "smsdesk", clock);
        // The inventory as a busy gateway holds it: 1000 revoked tokens besides the ones the benchmark uses.
        KnownTokens known = new KnownTokens(clock);
        for (int i = 0; i < 1000; i++) {
            known.revoked(Ids.newId(), Instant.now().plusSeconds(3600));
        }
        authenticator = new Authenticator(new BasicAuthenticator(users, hasher,
                new LoginThrottle(clock, login -> login, (message, context) -> { }), clock), jwt, known,
                new TokenUsageTracker(), () -> true, users::exists, clock);
        Instant now = Instant.now();
        String jti = Ids.newId();
        known.issued(jti, now.plusSeconds(3600));
        bearer = "Bearer " + jwt.sign(jti, "admin", List.of(Scopes.MESSAGES_SEND, Scopes.MESSAGES_READ),
                null, now, now.plusSeconds(3600));
        unseen = new String[50_000];
        for (int i = 0; i < unseen.length; i++) {
            String id = Ids.newId();
            known.issued(id, now.plusSeconds(3600)); // accepted only when in the inventory (audit F7)
            unseen[i] = "Bearer " + jwt.sign(id, "admin", List.of(Scopes.MESSAGES_SEND), null, now,
                    now.plusSeconds(3600));
        }
        basic = "Basic " + Base64.getEncoder().encodeToString("admin:bench-password-123"
                .getBytes(StandardCharsets.UTF_8));
        authenticator.authenticate(basic, CLIENT); // the first call pays bcrypt; the benchmark measures repeats
    }

    @TearDown
    public void tearDown() {
        db.close();
    }

    /**
     * The per-request path of a program reusing its token: the remembered verification (SHA-256 of the token),
     * expiry, in-memory revocation lookup, account check, scope check.
     */
    @Benchmark
    public boolean jwtVerifyRevocationScope() {
        Principal p = authenticator.authenticate(bearer, CLIENT);
        return Scopes.satisfies(p.scopes(), Scopes.MESSAGES_SEND, false);
    }

    /** The same with a token not seen before (a program's first request with a new token): jose4j's full check. */
    @Benchmark
    public boolean jwtFirstSight() {
        String token = unseen[next];
        next = (next + 1) % unseen.length;
        Principal p = authenticator.authenticate(token, CLIENT);
        return Scopes.satisfies(p.scopes(), Scopes.MESSAGES_SEND, false);
    }

    /** A repeated Basic credential: a SHA-256 and a cache hit, never bcrypt. */
    @Benchmark
    public boolean basicRepeatedCredential() {
        Principal p = authenticator.authenticate(basic, CLIENT);
        return Scopes.satisfies(p.scopes(), Scopes.MESSAGES_SEND, false);
    }
}
