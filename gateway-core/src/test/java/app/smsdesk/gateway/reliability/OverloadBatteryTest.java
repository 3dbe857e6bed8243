package app.smsdesk.gateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.testing.GatewayProcess;
import app.smsdesk.gateway.testing.RawHttp;
import app.smsdesk.gateway.testing.TestGateway;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Overload against the real defaults, in a gateway process with a 64 MiB heap: every worker is pinned by a client
 * that never finishes its body, the waiting line fills, and what comes after is refused at once with 503; then a
 * flood of megabyte bodies; then the load goes and the gateway works as before, without having run out of memory.
 */
class OverloadBatteryTest {
    private static final String PASSWORD = "overload-battery-password-77";
    private static final int WORKERS = 64;
    /** The line of requests waiting for a worker (HttpGateway.Limits.defaults). */
    private static final int QUEUE = 1_000;
    private static final int EXTRA = Reliability.pick(200, 2_000);
    private static final int BIG_BODIES = Reliability.pick(120, 600);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(20)).build();

    /** One answer and how long it took. */
    private record Timed(int status, String body, String retryAfter, long millis) {
    }

    @Test
    void pastCapacityTheAnswerIsAQuick503AndTheGatewayRecovers(@TempDir Path tmp) throws Exception {
        try (GatewayProcess gw = GatewayProcess.start(tmp, List.of("-Xmx64m", "-XX:+UseSerialGC"),
                Map.of("SMSDESK_ADMIN_PASSWORD", PASSWORD), "--host", "127.0.0.1", "--port", "0",
                "--https-port", "off", "--data-dir", tmp.resolve("data").toString())) {
            int port = URI.create(gw.baseUrl()).getPort();
            String token = "Bearer " + mint(gw);

            List<Socket> pins = pinWorkers(port, token);
            // More than the line holds: all but QUEUE of them must be answered at once.
            List<CompletableFuture<Timed>> sent = new ArrayList<>();
            for (int i = 0; i < QUEUE + EXTRA; i++) {
                sent.add(send(gw, token, "{\"phoneNumbers\":[\"+14155552671\"],\"textMessage\":{\"text\":\"n"
                        + i + "\"}}"));
            }
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (sent.stream().filter(CompletableFuture::isDone).count() < EXTRA && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            Thread.sleep(200); // any stragglers beyond the line
            List<Timed> answered = sent.stream().filter(CompletableFuture::isDone).map(CompletableFuture::join)
                    .toList();
            List<Timed> refused = answered.stream().filter(t -> t.status() == 503).toList();
            List<CompletableFuture<Timed>> waiting = sent.stream().filter(f -> !f.isDone()).toList();
            for (Socket s : pins) {
                s.close(); // the load goes away
            }
            List<Timed> queued = new ArrayList<>();
            for (CompletableFuture<Timed> f : waiting) {
                queued.add(f.get(60, TimeUnit.SECONDS));
            }

            List<Timed> big = bigBodies(gw, token);
            Timed after = send(gw, token, "{\"phoneNumbers\":[\"+14155552671\"],\"textMessage\":{\"text\":\"after\"}}")
                    .get(30, TimeUnit.SECONDS);
            int health = client.send(HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
            String log = Files.readString(gw.logFile(), StandardCharsets.UTF_8);

            long quick503 = refused.stream().filter(t -> t.status() == 503).count();
            long max503Millis = refused.stream().filter(t -> t.status() == 503).mapToLong(Timed::millis).max()
                    .orElse(-1);
            Reliability.report("overload", List.of(
                    "workers pinned by clients that never finish their body: " + WORKERS,
                    "requests sent while pinned: " + sent.size() + ", answered 503 at once: " + quick503
                            + " (slowest " + max503Millis + " ms), waited in the line: " + waiting.size()
                            + " (bound " + QUEUE + "), of which 202 after the load went: "
                            + queued.stream().filter(t -> t.status() == 202).count(),
                    "1 MiB bodies at once, 64 MiB heap: " + BIG_BODIES + ", answered 202: "
                            + big.stream().filter(t -> t.status() == 202).count() + ", 503: "
                            + big.stream().filter(t -> t.status() == 503).count(),
                    "OutOfMemoryError in the log: " + log.contains("OutOfMemoryError"),
                    "after the load: send " + after.status() + ", health " + health));

            assertThat(quick503).as("refused past capacity").isGreaterThanOrEqualTo(EXTRA / 2);
            assertThat(waiting).as("the line is bounded").hasSizeLessThanOrEqualTo(QUEUE);
            assertThat(answered).as("served before the workers were all pinned, or refused")
                    .allSatisfy(t -> assertThat(t.status()).isIn(202, 503));
            assertThat(refused).as("past capacity").allSatisfy(t -> {
                assertThat(MAPPER.readTree(t.body()).path("message").asText()).contains("overloaded");
                assertThat(t.retryAfter()).isEqualTo("1");
            });
            assertThat(max503Millis).as("a 503 comes at once").isLessThan(Reliability.pick(5_000, 10_000));
            assertThat(queued).as("waiting requests are served once there is room")
                    .allSatisfy(t -> assertThat(t.status()).isEqualTo(202));
            assertThat(big).allSatisfy(t -> assertThat(t.status()).as(t.body()).isIn(202, 503));
            assertThat(big).anySatisfy(t -> assertThat(t.status()).isEqualTo(202));
            assertThat(log).doesNotContain("OutOfMemoryError");
            assertThat(gw.process().isAlive()).isTrue();
            assertThat(after.status()).isEqualTo(202);
            assertThat(health).isEqualTo(200);
        }
    }

    /** Clients that send headers and the start of a body, then nothing: each holds a worker. */
    private static List<Socket> pinWorkers(int port, String token) throws IOException {
        List<Socket> pins = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            Socket s = RawHttp.connect(port, null, Duration.ofSeconds(60));
            s.getOutputStream().write(("POST /3rdparty/v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
                    + token + "\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"phoneN")
                    .getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            pins.add(s);
        }
        return pins;
    }

    private List<Timed> bigBodies(GatewayProcess gw, String token) throws Exception {
        // Valid sends whose unknown "padding" field makes each body almost 1 MiB.
        String body = "{\"phoneNumbers\":[\"+14155552671\"],\"textMessage\":{\"text\":\"big\"},\"padding\":\""
                + "p".repeat(1_000_000) + "\"}";
        List<CompletableFuture<Timed>> futures = new ArrayList<>();
        for (int i = 0; i < BIG_BODIES; i++) {
            futures.add(send(gw, token, body));
        }
        List<Timed> out = new ArrayList<>();
        for (CompletableFuture<Timed> f : futures) {
            out.add(f.get(120, TimeUnit.SECONDS));
        }
        return out;
    }

    private CompletableFuture<Timed> send(GatewayProcess gw, String token, String body) {
        long start = System.nanoTime();
        HttpRequest r = HttpRequest.newBuilder(URI.create(gw.api() + "/messages")).timeout(Duration.ofSeconds(120))
                .header("Authorization", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        AtomicLong done = new AtomicLong();
        return client.sendAsync(r, HttpResponse.BodyHandlers.ofString()).thenApply(resp -> {
            done.set(System.nanoTime());
            return new Timed(resp.statusCode(), resp.body(), resp.headers().firstValue("Retry-After").orElse(null),
                    (done.get() - start) / 1_000_000);
        }).exceptionally(e -> new Timed(-1, String.valueOf(e), null, (System.nanoTime() - start) / 1_000_000));
    }

    private String mint(GatewayProcess gw) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(gw.api() + "/auth/token"))
                .header("Authorization", TestGateway.basic("admin", PASSWORD))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"scopes\":[\"messages:send\"]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode json = MAPPER.readTree(r.body());
        return json.path("access_token").asText();
    }
}
