package app.smsdesk.gateway.security;

import static app.smsdesk.gateway.testing.TestGateway.adminBasic;
import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.domain.GatewayOptions;
import app.smsdesk.gateway.domain.LogText;
import app.smsdesk.gateway.testing.HttpResult;
import app.smsdesk.gateway.testing.RawHttp;
import app.smsdesk.gateway.testing.TestGateway;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * F3 (disk fill) and F14 (log injection). The audit's fixes are taken: each logged value is cut (200 characters,
 * with a marker) and escaped to one line, the whole entry is bounded, the flood guard counts IPv6 by /64 and
 * has a budget across all addresses, retention by age and count, and {@code GET /logs} holds at most 1 MiB a
 * page (by bytes as well as rows).
 */
class F3EventLogTest {
    private static long storeBytes(Path dir) throws IOException {
        long n = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("smsdesk.db")).toList()) {
                n += Files.size(f);
            }
        }
        return n;
    }

    private static int postWebhook(TestGateway gw, String from, byte[] body) throws IOException {
        return RawHttp.send(gw.gateway().port(), from, RawHttp.request("POST /mobile/v1/webhooks/incoming HTTP/1.1"
                + "\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " + body.length, body),
                Duration.ofSeconds(30)).status();
    }

    @Test
    void unauthenticatedEventLogEntriesBounded() throws Exception {
        try (TestGateway gw = TestGateway.start()) {
            byte[] big = ("{\"deviceId\":\"" + "A".repeat((1 << 20) - 200) + "\",\"event\":\"sms:received\"}")
                    .getBytes(StandardCharsets.UTF_8);
            gw.gateway().services().events().list(gw.admin(), null, null, 1); // the log exists, and is empty
            long before = storeBytes(gw.dataDir());
            for (int i = 0; i < 25; i++) {
                assertThat(postWebhook(gw, null, big)).isEqualTo(401);
            }
            // 4 addresses, 100 more: the per-address allowance does not multiply past the global one.
            for (int i = 0; i < 100; i++) {
                postWebhook(gw, "127.0.3." + (1 + i % 4), big);
            }
            Thread.sleep(500); // the event log is written in the background; let the writer catch up
            long grew = storeBytes(gw.dataDir()) - before;
            assertThat(grew).as("database growth from 125 MiB of refused webhooks").isLessThan(1 << 20);

            HttpResult logs = gw.get("/logs?limit=1000", adminBasic());
            assertThat(logs.status()).isEqualTo(200);
            assertThat(logs.body().length()).as("the whole /logs answer").isLessThan(256 * 1024);
            for (JsonNode e : logs.json()) {
                assertThat(e.toString().length()).as("one entry").isLessThan(4 * 1024);
            }
            assertThat(logs.body()).contains("[cut, " + ((1 << 20) - 200) + " characters]");
        }
    }

    @Test
    void logInjectionIsNeutralisedInTheStoreAndTheLogsApi() throws IOException {
        try (TestGateway gw = TestGateway.start()) {
            String forged = "x}\n[main] INFO app.smsdesk.gateway.Gateway - FORGED: primary account password reset"
                    + "\r\u2028\u202Eevil";
            byte[] body = ("{\"deviceId\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(forged)
                    + ",\"event\":\"sms:received\"}").getBytes(StandardCharsets.UTF_8);
            assertThat(postWebhook(gw, null, body)).isEqualTo(401);
            String logs = gw.get("/logs", adminBasic()).body();
            JsonNode entry = null;
            for (JsonNode e : gw.get("/logs", adminBasic()).json()) {
                if (e.path("context").path("deviceId").asText().startsWith("x}")) {
                    entry = e;
                }
            }
            assertThat(entry).as(logs).isNotNull();
            String stored = entry.path("context").path("deviceId").asText();
            assertThat(stored).doesNotContain("\n", "\r", "\u2028", "\u202E")
                    .contains("\\n[main] INFO", "\\r\\u2028\\u202Eevil");
        }
    }

    @Test
    void theLogSanitiserEscapesEveryLineBreakingOrDisguisingCharacter() {
        assertThat(LogText.safe("a\nb\rc\td\u0000e\u001bf\u0085g\u2028h\u2029i\u202Ej\u2066k\u200Fl"))
                .isEqualTo("a\\nb\\rc\\td\\u0000e\\u001Bf\\u0085g\\u2028h\\u2029i\\u202Ej\\u2066k\\u200Fl");
        assertThat(LogText.safe("plain text, é and 😀")).isEqualTo("plain text, é and 😀");
        assertThat(LogText.safe("x".repeat(500))).hasSize(200 + "\u2026[cut, 500 characters]".length())
                .endsWith("\u2026[cut, 500 characters]");
        assertThat(LogText.safe(null)).isEqualTo("null");
    }

    @Test
    void retentionKeepsTheSettingsNumberOfDaysAndEntries() {
        try (TestGateway gw = TestGateway.start()) {
            var events = gw.gateway().services().events();
            for (int i = 0; i < 50; i++) {
                events.info(null, "test", "old entry " + i, java.util.Map.of());
            }
            gw.clock().advance(Duration.ofDays(100));
            for (int i = 0; i < 1_500; i++) {
                events.info(null, "test", "new entry " + i, java.util.Map.of());
            }
            awaitEntries(gw, 1_550 + 1);
            GatewayOptions o = gw.gateway().services().gatewaySettings().get();
            assertThat(o.logRetentionDays()).isEqualTo(90);
            int deleted = events.applyRetention(90, 1_000);
            assertThat(deleted).isGreaterThanOrEqualTo(550);
            assertThat(count(gw)).isEqualTo(1_000);
            assertThat(gw.get("/logs?limit=1000", adminBasic()).body()).doesNotContain("old entry")
                    .contains("new entry 1499");
        }
    }

    @Test
    void aPageOfLogsHoldsAtMostAMegabyteEvenOfEntriesFromBeforeTheCap() throws SQLException {
        try (TestGateway gw = TestGateway.start()) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gw.dataDir().resolve("smsdesk.db"));
                 PreparedStatement ps = c.prepareStatement("INSERT INTO event_log (user_id, priority, module, "
                         + "message, context, created_at) VALUES (NULL, 'WARN', 'webhooks', ?, ?, ?)")) {
                for (int i = 0; i < 40; i++) { // what an older version stored: a megabyte a row
                    ps.setString(1, "B".repeat(1 << 20));
                    ps.setString(2, "{\"deviceId\":\"" + "C".repeat(1 << 20) + "\"}");
                    ps.setLong(3, gw.clock().millis() + i);
                    ps.executeUpdate();
                }
            }
            HttpResult logs = gw.get("/logs?limit=1000", adminBasic());
            assertThat(logs.status()).isEqualTo(200);
            assertThat(logs.body().length()).isLessThan(200 * 1024);
            assertThat(logs.json().size()).isGreaterThan(0);
        }
    }

    private static void awaitEntries(TestGateway gw, int atLeast) {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (count(gw) < atLeast && System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    private static int count(TestGateway gw) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gw.dataDir().resolve("smsdesk.db"));
             var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM event_log")) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
