package app.smsdesk.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.testing.GatewayProcess;
import app.smsdesk.gateway.testing.TestGateway;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The runnable gateway as a separate JVM: durability across {@code kill -9}, and first-start secrets. */
class GatewayProcessTest {
    private static final String PASSWORD = "process-test-password-0123";
    private static final int TARGET = 200;
    private static final int THREADS = 8;
    private static final int MAX_PER_THREAD = 100; // bounds the load even if the kill comes late
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    @EnabledOnOs(OS.LINUX) // destroyForcibly() is SIGKILL there; exit code 137 proves it
    void everyAcceptedMessageSurvivesKillMinus9(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        Map<String, String> env = Map.of("SMSDESK_ADMIN_PASSWORD", PASSWORD);
        List<String> accepted;
        String token;
        try (GatewayProcess gw = GatewayProcess.start(tmp, env, "--host", "127.0.0.1", "--port", "0",
                "--data-dir", data.toString())) {
            assertThat(gw.stdout()).noneMatch(l -> l.contains("password")); // it was given, not generated
            token = mint(gw.api());
            accepted = sendUntilKilled(gw, token);

            assertThat(gw.waitFor(STOP_TIMEOUT)).as("SIGKILL exit code").isEqualTo(128 + 9);
            assertThat(gw.process().toHandle().isAlive()).isFalse();
        }
        assertThat(accepted).hasSizeGreaterThanOrEqualTo(TARGET).doesNotHaveDuplicates();

        try (GatewayProcess again = GatewayProcess.start(tmp, env, "--host", "127.0.0.1", "--port", "0",
                "--data-dir", data.toString())) {
            List<String> lost = new ArrayList<>();
            for (String id : accepted) {
                // The token minted before the kill still works: the key and the token row survived too.
                HttpResponse<String> r = send(request(again.api() + "/messages/" + id, "Bearer " + token).GET());
                if (r.statusCode() != 200) {
                    lost.add(id + " -> " + r.statusCode() + " " + r.body());
                }
            }
            assertThat(lost).as("accepted (202) before kill -9 but not readable after restart").isEmpty();
            again.process().destroyForcibly();
            again.waitFor(STOP_TIMEOUT);
        }
    }

    /** Sends from several threads until {@value #TARGET} are accepted, then kills the gateway mid-stream. */
    private List<String> sendUntilKilled(GatewayProcess gw, String token) throws InterruptedException {
        Queue<String> ids = new ConcurrentLinkedQueue<>();
        Queue<String> refused = new ConcurrentLinkedQueue<>();
        CountDownLatch enough = new CountDownLatch(TARGET);
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int t = 0; t < THREADS; t++) {
                pool.execute(() -> {
                    for (int i = 0; i < MAX_PER_THREAD; i++) {
                        String body = "{\"phoneNumbers\":[\"+14155552671\"],\"textMessage\":{\"text\":\"durable "
                                + counter.incrementAndGet() + "\"}}";
                        HttpResponse<String> r;
                        try {
                            r = send(request(gw.api() + "/messages", "Bearer " + token)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body)));
                        } catch (IOException e) {
                            return; // the gateway was killed while this request was in flight
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        if (r.statusCode() != 202) {
                            refused.add(r.statusCode() + " " + r.body());
                            return;
                        }
                        ids.add(json(r.body()).get("id").asText());
                        enough.countDown();
                    }
                });
            }
            boolean reached = enough.await(60, TimeUnit.SECONDS);
            gw.process().destroyForcibly(); // SIGKILL on Linux, while the other threads are still sending
            assertThat(refused).as("non-202 answers").isEmpty();
            assertThat(reached).as("accepted " + ids.size() + " of " + TARGET + gw.describe()).isTrue();
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        return List.copyOf(ids);
    }

    @Test
    void firstStartPrintsGeneratedSecretsOnceAndTheyKeepWorking(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        String password;
        String privateToken;
        try (GatewayProcess gw = GatewayProcess.start(tmp, Map.of(), "--host", "127.0.0.1", "--port", "0",
                "--data-dir", data.toString())) {
            String out = String.join("\n", gw.stdout());
            password = group(out, "Created the primary account 'admin' with password: (\\S+)");
            privateToken = group(out, "Private token for registering phones: (\\S+)");
            assertThat(password).hasSizeGreaterThanOrEqualTo(16);
            assertThat(privateToken).hasSizeGreaterThanOrEqualTo(24);
            assertThat(status(gw.api() + "/devices", TestGateway.basic("admin", password))).isEqualTo(200);
            assertThat(status(gw.api() + "/devices", TestGateway.basic("admin", "wrong-" + password)))
                    .isEqualTo(401);
            gw.process().destroy(); // SIGTERM: the shutdown hook closes the gateway cleanly
            assertThat(gw.waitFor(STOP_TIMEOUT)).isEqualTo(128 + 15);
        }
        assertThat(Files.readString(data.resolve("private-token")).strip()).isEqualTo(privateToken);

        try (GatewayProcess again = GatewayProcess.start(tmp, Map.of(), "--host", "127.0.0.1", "--port", "0",
                "--data-dir", data.toString())) {
            // The HTTPS line may or may not have been read yet (it follows the listening line): no secrets either way.
            assertThat(again.stdout()).first().asString().startsWith("SMSDesk gateway listening on");
            assertThat(again.stdout()).allMatch(l -> l.startsWith("SMSDesk gateway listening on")
                    || l.startsWith("HTTPS for phones on"));
            assertThat(String.join("\n", again.stdout())).doesNotContain(password).doesNotContain(privateToken);
            assertThat(status(again.api() + "/devices", TestGateway.basic("admin", password))).isEqualTo(200);
            assertThat(Files.readString(data.resolve("private-token")).strip()).isEqualTo(privateToken);
            again.process().destroy();
            again.waitFor(STOP_TIMEOUT);
        }
    }

    private String mint(String api) throws Exception {
        HttpResponse<String> r = send(request(api + "/auth/token", TestGateway.basic("admin", PASSWORD))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"scopes\":[\"messages:send\",\"messages:read\"]}")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r.body()).get("access_token").asText();
    }

    private int status(String url, String authorization) throws Exception {
        return send(request(url, authorization).GET()).statusCode();
    }

    private static HttpRequest.Builder request(String url, String authorization) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization);
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("'" + regex + "' in:\n" + text).isTrue();
        return m.group(1);
    }
}
