package app.smsdesk.gateway.http;

import static app.smsdesk.gateway.http.ApiAsserts.assertError;
import static app.smsdesk.gateway.http.ApiAsserts.assertJson;
import static app.smsdesk.gateway.http.ApiAsserts.assertWireTime;
import static app.smsdesk.gateway.http.ApiAsserts.fieldNames;
import static app.smsdesk.gateway.http.ApiAsserts.newAccount;
import static app.smsdesk.gateway.http.ApiAsserts.q;
import static app.smsdesk.gateway.http.ApiAsserts.texts;
import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.http.ApiAsserts.Account;
import app.smsdesk.gateway.testing.HttpResult;
import app.smsdesk.gateway.testing.TestGateway;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /logs}: the gateway's event log in SMSGate's LogEntry shape. */
class LogApiTest {
    @RegisterExtension
    static final TestGateway gw = TestGateway.perClass();

    /**
     * The log is written behind the request (queued for the next group commit), so an entry may land a moment
     * after the answer that caused it. Polls until {@code done} holds, for at most five seconds.
     */
    private static JsonNode awaitLogs(Account a, String query, Predicate<List<String>> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            JsonNode logs = assertJson(gw.get("/logs" + query, a.basic()), 200);
            if (done.test(texts(logs, "message"))) {
                return logs;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("log never satisfied the condition: " + logs);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static void step() {
        gw.clock().advance(Duration.ofSeconds(1));
    }

    @Test
    void actionsOfTheAccountAreLoggedNewestFirstInTheLogEntryShape() {
        Account a = newAccount(gw);
        String id = gw.post("/messages", a.basic(), TestGateway.json(Map.of("textMessage", Map.of("text", "x"),
                "phoneNumbers", List.of("+14155552671")))).json().get("id").asText();
        step();
        gw.delete("/messages/" + id, a.basic());
        step();
        gw.post("/webhooks", a.basic(), TestGateway.json(Map.of("id", "h1", "url", "https://e.com/",
                "event", "sms:sent")));
        step();
        gw.delete("/webhooks/h1", a.basic());
        step();
        gw.call("PATCH", "/settings", a.basic(), "{\"ping\":{\"interval_seconds\":60}}");
        step();
        gw.call("PUT", "/settings", a.basic(), "{}");

        JsonNode logs = awaitLogs(a, "", m -> m.contains("settings replaced"));

        assertThat(texts(logs, "message")).containsSubsequence("settings replaced", "settings patched",
                "webhook deleted", "webhook saved", "message cancellation requested", "message accepted");
        List<Instant> times = new ArrayList<>();
        long previousId = Long.MAX_VALUE;
        for (JsonNode e : logs) {
            assertThat(fieldNames(e)).containsExactlyInAnyOrder("id", "priority", "module", "message", "context",
                    "createdAt");
            assertThat(e.get("id").isIntegralNumber()).isTrue();
            assertThat(e.get("id").asLong()).isLessThan(previousId);
            previousId = e.get("id").asLong();
            assertThat(e.get("priority").asText()).isIn("DEBUG", "INFO", "WARN", "ERROR");
            assertThat(e.get("context").isObject()).isTrue();
            assertWireTime(e.get("createdAt"));
            times.add(Instant.parse(e.get("createdAt").asText()));
        }
        assertThat(times).isSortedAccordingTo(Comparator.reverseOrder());
        JsonNode accepted = entry(logs, "message accepted");
        assertThat(accepted.get("module").asText()).isEqualTo("messages");
        assertThat(accepted.get("priority").asText()).isEqualTo("INFO");
        assertThat(accepted.get("context").get("messageId").asText()).isEqualTo(id);
        assertThat(entry(logs, "webhook saved").get("context").get("webhookId").asText()).isEqualTo("h1");
        assertThat(entry(logs, "settings patched").get("module").asText()).isEqualTo("settings");
    }

    @Test
    void fromIsInclusiveAndToIsExclusive() {
        Account a = newAccount(gw);
        for (String hook : List.of("early", "middle", "late")) {
            step();
            gw.post("/webhooks", a.basic(), TestGateway.json(Map.of("id", hook, "url", "https://e.com/",
                    "event", "sms:sent")));
        }
        JsonNode all = awaitLogs(a, "", m -> m.stream().filter("webhook saved"::equals).count() == 3);
        Instant middle = Instant.parse(saved(all, "middle").get("createdAt").asText());

        assertThat(hooks(assertJson(gw.get("/logs?from=" + q(middle), a.basic()), 200)))
                .containsExactly("late", "middle");
        assertThat(hooks(assertJson(gw.get("/logs?to=" + q(middle), a.basic()), 200))).containsExactly("early");
        assertThat(hooks(gw.get("/logs?from=" + q(middle) + "&to=" + q(middle.plusMillis(1)), a.basic()).json()))
                .containsExactly("middle");
    }

    @Test
    void badFiltersAre400() {
        assertError(gw.get("/logs?from=2026-01-01", TestGateway.adminBasic()), 400, "from");
        assertError(gw.get("/logs?to=noon", TestGateway.adminBasic()), 400, "to");
        assertError(gw.get("/logs?limit=0", TestGateway.adminBasic()), 400, "limit");
        assertError(gw.get("/logs?from=" + q("+999999999-12-31T23:59:59Z"), TestGateway.adminBasic()), 400, "from");
    }

    @Test
    void eachAccountSeesItsOwnEntriesAndThePrimaryAlsoGatewayWideOnes() {
        Account a = newAccount(gw);
        gw.post("/webhooks", a.basic(), TestGateway.json(Map.of("id", "private-hook", "url", "https://e.com/",
                "event", "sms:sent")));
        HttpResult refused = gw.get("/logs", TestGateway.basic("nobody-" + a.login(), "wrong-password-123"));
        assertThat(refused.status()).isEqualTo(401);

        awaitLogs(a, "", m -> m.contains("webhook saved"));
        JsonNode admin = awaitLogs(new Account("admin", TestGateway.adminBasic()), "",
                m -> m.stream().anyMatch(s -> s.startsWith("authentication failed")));

        assertThat(hooks(admin)).doesNotContain("private-hook");
        assertThat(texts(gw.get("/logs", a.basic()).json(), "message"))
                .noneMatch(s -> s.startsWith("authentication failed"));
    }

    private static JsonNode entry(JsonNode logs, String message) {
        for (JsonNode e : logs) {
            if (e.get("message").asText().equals(message)) {
                return e;
            }
        }
        throw new AssertionError("no '" + message + "' in " + logs);
    }

    private static JsonNode saved(JsonNode logs, String hookId) {
        for (JsonNode e : logs) {
            if (hookId.equals(e.path("context").path("webhookId").asText())) {
                return e;
            }
        }
        throw new AssertionError("no entry for webhook " + hookId + " in " + logs);
    }

    private static List<String> hooks(JsonNode logs) {
        List<String> out = new ArrayList<>();
        logs.forEach(e -> {
            if (e.path("context").has("webhookId")) {
                out.add(e.get("context").get("webhookId").asText());
            }
        });
        return out;
    }
}
