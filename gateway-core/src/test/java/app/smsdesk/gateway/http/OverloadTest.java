package app.smsdesk.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.testing.RawHttp;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Load shedding with small limits on a real server: requests beyond those running and waiting are answered 503
 * at once (JSON, {@code Retry-After}), large bodies beyond the memory budget too, event streams are exempt, and
 * everything works again as soon as the load is gone.
 */
class OverloadTest {
    private static final int CONCURRENT = 2;
    private static final int QUEUED = 3;
    private static final int BODY_BUDGET = 16 * 1024;
    private static final Duration DEADLINE = Duration.ofMillis(500);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final CountDownLatch release = new CountDownLatch(1);
    private final Semaphore entered = new Semaphore(0);
    private HttpGateway server;

    @BeforeEach
    void start() {
        server = new HttpGateway(List.of(), List.of(
                Route.open("GET", "/block", ex -> {
                    entered.release();
                    release.await(30, TimeUnit.SECONDS);
                    ex.json(200, Map.of("ok", true));
                }),
                Route.open("GET", "/fast", ex -> ex.json(200, Map.of("ok", true))),
                Route.open("GET", "/phone/events", ex -> ex.json(200, Map.of("stream", true))),
                Route.open("POST", "/upload", ex -> ex.json(200, Map.of("bytes", ex.rawBody().length)))),
                null, null);
        server.limits(new HttpGateway.Limits(CONCURRENT, QUEUED, BODY_BUDGET, DEADLINE));
        server.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.close();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(30)).GET().build();
    }

    private CompletableFuture<HttpResponse<String>> async(HttpRequest r) {
        return client.sendAsync(r, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pastTheRunningAndWaitingRequestsTheAnswerIsAnImmediate503AndTheServerRecovers() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            held.add(async(get("/block")));
        }
        assertThat(entered.tryAcquire(CONCURRENT, 10, TimeUnit.SECONDS)).as("both running").isTrue();
        for (int i = 0; i < QUEUED; i++) {
            held.add(async(get("/fast")));
        }
        Thread.sleep(200); // let the queued ones reach the server (nothing observable: they just wait)

        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r = client.send(get("/fast"), HttpResponse.BodyHandlers.ofString());
            ApiAsserts.assertError(new app.smsdesk.gateway.testing.HttpResult(r.statusCode(), r), 503,
                    "overloaded");
            assertThat(r.headers().firstValue("Retry-After")).contains("1");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("refused at once").isLessThan(Duration.ofSeconds(2));
        assertThat(held).allSatisfy(f -> assertThat(f).isNotDone());
        assertThat(client.send(get("/phone/events"), HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("event streams are exempt").isEqualTo(200);

        release.countDown();
        for (CompletableFuture<HttpResponse<String>> f : held) {
            assertThat(f.get(10, TimeUnit.SECONDS).statusCode()).as("held and queued requests complete").isEqualTo(200);
        }
        for (int i = 0; i < 10; i++) {
            assertThat(client.send(get("/fast"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void bodiesBeyondTheMemoryBudgetAre503AndTheBudgetIsGivenBack() throws Exception {
        HttpResponse<String> big = client.send(upload(BODY_BUDGET + 1), HttpResponse.BodyHandlers.ofString());
        assertThat(big.statusCode()).isEqualTo(503);
        assertThat(big.headers().firstValue("Retry-After")).isPresent();
        assertThat(big.body()).contains("overloaded");

        for (int i = 0; i < 20; i++) { // 20 x 12 KiB: only fits if each request gives its share back
            HttpResponse<String> r = client.send(upload(12 * 1024), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.body()).contains("12288");
        }
    }

    @Test
    void clientsThatStopSendingTheirBodyLoseTheirConnectionAtTheDeadlineAndFreeTheirWorker() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) { // every worker waits for a body that never comes
            Socket s = RawHttp.connect(server.port(), null, Duration.ofSeconds(30));
            s.getOutputStream().write(("POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json"
                    + "\r\nContent-Length: 100\r\n\r\n12345").getBytes(StandardCharsets.ISO_8859_1));
            stalled.add(s);
        }
        long start = System.nanoTime();
        HttpResponse<String> r = client.send(get("/fast"), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("served once the stalled bodies were cut off")
                .isLessThan(Duration.ofSeconds(10));
        for (Socket s : stalled) {
            assertThat(s.getInputStream().read()).as("connection closed by the gateway").isEqualTo(-1);
            s.close();
        }
    }

    private HttpRequest upload(int bytes) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/upload"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[bytes])).build();
    }
}
