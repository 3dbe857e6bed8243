package app.smsdesk.gateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.testing.HttpResult;
import app.smsdesk.gateway.testing.RawHttp;
import app.smsdesk.gateway.testing.TestGateway;
import app.smsdesk.gateway.testing.phone.PhoneSimulator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fuzzer: valid requests to every JSON endpoint of both APIs, damaged by one to three random mutations
 * ({@link FuzzMutations}), sent byte for byte from many client addresses at once. Every answer must be below 500,
 * carry no stack trace or class name, and be a JSON {@code {"message"}} when the HTTP was sound; afterwards the
 * gateway is healthy and the database holds no partial rows. 3,000 requests in the normal suite, 12,000 with
 * {@code -Dreliability.long=true}; {@code -Dreliability.seed=N} replays a run.
 */
class RequestFuzzTest {
    private static final int REQUESTS = Reliability.pick(3_000, 12_000);
    private static final int THREADS = 8;
    private static final Duration TIMEOUT = Duration.ofSeconds(40);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** A stack trace, in any answer. */
    private static final Pattern STACK_TRACE = Pattern.compile("\\tat |\\bat [a-z]+\\.[\\w.$]+\\(|Caused by:");
    /** Internals an error answer must not name: exception and library classes, parser features. */
    private static final Pattern INTERNALS = Pattern.compile(
            "Exception|java\\.[a-z]+\\.|com\\.fasterxml|jackson|io\\.undertow|org\\.xnio|app\\.smsdesk|jose4j|`");

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

    @Test
    void hostileRequestsGetNo5xxAndLeaveNoTrace(@TempDir Path dir) throws Exception {
        long seed = Reliability.seed();
        List<String> dbProblems;
        int healthAfter;
        int sendAfter;
        try (TestGateway gw = TestGateway.startIn(dir.resolve("data"))) {
            FuzzEndpoints.Context context = context(gw);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> jobs = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    Random random = new Random(seed + t);
                    jobs.add(pool.submit(() -> fuzz(gw, context, random, REQUESTS / THREADS)));
                }
                for (Future<?> job : jobs) {
                    job.get();
                }
            } finally {
                pool.shutdownNow();
            }
            healthAfter = gw.get("/health/ready", null).status();
            sendAfter = gw.post("/messages", context.bearer(), "{\"phoneNumbers\":[\"+14155552671\"],"
                    + "\"textMessage\":{\"text\":\"after the fuzz\"}}").status();
        }
        dbProblems = FuzzDatabaseCheck.problems(dir.resolve("data/smsdesk.db"));

        List<String> lines = new ArrayList<>(List.of("seed: " + seed, "requests sent: " + count("sent")
                + " (to " + FuzzEndpoints.ALL.size() + " endpoints, both mounts of each API)"));
        new TreeMap<>(counts).forEach((k, v) -> {
            if (!k.equals("sent")) {
                lines.add(k + ": " + v.get());
            }
        });
        lines.add("5xx answers: " + count("status 5xx"));
        lines.add("failures: " + failures.size());
        lines.add("after the fuzz: health " + healthAfter + ", send " + sendAfter + ", database problems "
                + dbProblems.size());
        Reliability.report("fuzz", lines);

        assertThat(failures).as("answers that break the rules").isEmpty();
        assertThat(count("status 5xx")).isZero();
        assertThat(count("sent")).isEqualTo(REQUESTS / THREADS * THREADS);
        assertThat(healthAfter).isEqualTo(200);
        assertThat(sendAfter).isEqualTo(202);
        assertThat(dbProblems).as("partial or broken rows").isEmpty();
    }

    private long count(String key) {
        AtomicLong c = counts.get(key);
        return c == null ? 0 : c.get();
    }

    private void add(String key) {
        counts.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    }

    /** Real credentials and ids for the templates: a token with every scope, a phone, a message. */
    private static FuzzEndpoints.Context context(TestGateway gw) {
        String bearer = gw.bearerWith("all:any");
        String refresh = "Bearer " + gw.mint(List.of("messages:list")).path("refresh_token").asText();
        PhoneSimulator phone = new PhoneSimulator(PhoneSimulator.Config.of(gw.mobileApi(),
                new PhoneSimulator.SignUp(TestGateway.PRIVATE_TOKEN)).withClock(gw.clock()));
        phone.register();
        String key = phone.fetchSettings().getAsJsonObject("webhooks").get("signing_key").getAsString();
        phone.fetchWebhooks();
        HttpResult sent = gw.post("/messages", bearer, "{\"phoneNumbers\":[\"+14155552671\"],\"textMessage\":"
                + "{\"text\":\"fuzz target\"},\"deviceId\":\"" + phone.registration().id() + "\"}");
        phone.close();
        return new FuzzEndpoints.Context(bearer, refresh, TestGateway.adminBasic(), TestGateway.PRIVATE_TOKEN,
                phone.registration().token(), phone.registration().id(), sent.json().path("id").asText(), key,
                gw.clock().instant().getEpochSecond());
    }

    private void fuzz(TestGateway gw, FuzzEndpoints.Context context, Random random, int n) {
        for (int i = 0; i < n; i++) {
            FuzzEndpoints.Endpoint endpoint = FuzzEndpoints.ALL.get(random.nextInt(FuzzEndpoints.ALL.size()));
            FuzzRequest r = FuzzEndpoints.build(endpoint, context, random);
            FuzzMutations.mutate(r, random, Reliability.pick(0.003, 0.01));
            if (endpoint.auth() == FuzzEndpoints.Auth.SIGNED && r.header("X-Signature") == null
                    && random.nextInt(5) > 0) {
                sign(r, context);
            }
            r.mutations.forEach(m -> add("mutation: " + m.replaceAll(" \\d+$", "")));
            String from = "127.0." + (1 + random.nextInt(3)) + "." + (1 + random.nextInt(250));
            add("sent");
            judge(r, endpoint, send(gw.gateway().port(), from, r, random));
        }
    }

    private static void sign(FuzzRequest r, FuzzEndpoints.Context c) {
        String ts = Long.toString(c.now());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(c.signingKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(r.body == null ? new byte[0] : r.body);
            r.header("X-Signature", HexFormat.of().formatHex(mac.doFinal(ts.getBytes(StandardCharsets.UTF_8))));
            r.header("X-Timestamp", ts);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private RawHttp.Response send(int port, String from, FuzzRequest r, Random random) {
        byte[] bytes = r.bytes();
        try (Socket s = RawHttp.connect(port, from, TIMEOUT)) {
            OutputStream out = s.getOutputStream();
            try {
                if (r.slow) {
                    int piece = Math.max(1, bytes.length / 10);
                    for (int i = 0; i < bytes.length; i += piece) {
                        out.write(bytes, i, Math.min(piece, bytes.length - i));
                        out.flush();
                        Thread.sleep(20 + random.nextInt(60));
                    }
                } else {
                    out.write(bytes);
                    out.flush();
                }
                if (r.halfClosed()) {
                    s.shutdownOutput();
                }
            } catch (IOException e) {
                // refused before everything was sent (e.g. 413, 431): read what the gateway said
            }
            return RawHttp.read(s.getInputStream());
        } catch (IOException e) {
            return new RawHttp.Response(-2, Map.of(), String.valueOf(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new RawHttp.Response(-2, Map.of(), "interrupted");
        }
    }

    private void judge(FuzzRequest r, FuzzEndpoints.Endpoint endpoint, RawHttp.Response a) {
        boolean sound = r.framing() == FuzzRequest.Framing.SOUND;
        // Counted where the damaged request still reaches the same route (another method or path may be open).
        boolean sameRoute = r.rawHead == null && r.method.equals(endpoint.method())
                && !r.mutations.contains("path junk");
        boolean attack = sameRoute && (endpoint.auth() == FuzzEndpoints.Auth.SIGNED ? r.signatureBroken
                : r.credentialsBroken && endpoint.auth() != FuzzEndpoints.Auth.NONE && !endpoint.optionalAuth());
        if (attack) {
            add("attacks: wrong credentials or signature");
            if (a.status() >= 200 && a.status() < 300) {
                add("attacks: let through");
                failures.add("let through with wrong credentials: " + a + " <- " + r.describe());
            }
        }
        if (a.status() < 0) {
            if (sound && unreadBodyOverBuffer(r, endpoint)) {
                // The answer went out, but the gateway closed (as asked) over an upload nobody reads, and the
                // kernel's reset can destroy the answer on its way. TCP, not a fault of the gateway.
                add("answer lost to a reset over an unread upload");
                return;
            }
            add("no answer (" + (sound ? "sound" : "broken") + " HTTP)");
            if (sound) {
                failures.add("no answer to " + r.describe() + " -> " + a.body());
            }
            return;
        }
        add("status " + a.status() / 100 + "xx");
        add("status " + a.status());
        if (a.status() >= 500) {
            failures.add(a + " <- " + r.describe());
            return;
        }
        if (STACK_TRACE.matcher(a.body()).find() || a.status() >= 400 && INTERNALS.matcher(a.body()).find()) {
            failures.add("internals on the wire: " + a + " <- " + r.describe());
        }
        if (a.status() >= 400 && sound && !r.method.equals("HEAD")) {
            if (!jsonMessage(a)) {
                failures.add("error without a JSON message: " + a + " <- " + r.describe());
            }
        }
        if (a.status() >= 400 && !sound && a.body().isEmpty()) {
            add("refused by the HTTP parser");
        }
    }

    /** A body of more than Undertow's first read (16 KiB) that this route never reads, or one refused unread. */
    private static boolean unreadBodyOverBuffer(FuzzRequest r, FuzzEndpoints.Endpoint endpoint) {
        return r.body != null && r.body.length > 16 * 1024
                && (endpoint.body() == null || !r.method.equals(endpoint.method()) || r.credentialsBroken);
    }

    private static boolean jsonMessage(RawHttp.Response a) {
        String type = a.header("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            return false;
        }
        try {
            JsonNode body = MAPPER.readTree(a.body());
            return body != null && body.path("message").isTextual() && !body.path("message").asText().isBlank();
        } catch (IOException e) {
            return false;
        }
    }
}
