package app.smsdesk.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.testing.GatewayProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * F14: attacker-controlled values went into the console log unescaped, so a newline in a refused webhook's
 * {@code deviceId} forged a log line. The audit's reproduction against the real process and its real log file
 * (the store and the logs API are covered in F3EventLogTest): every line-breaking or disguising character is
 * escaped, so the forged line stays inside the refusal's own line.
 */
class F14LogInjectionTest {
    @Test
    void aForgedLineInAWebhookDeviceIdStaysInsideItsOwnLogLine(@TempDir Path tmp) throws Exception {
        try (GatewayProcess gw = GatewayProcess.start(tmp, Map.of("SMSDESK_ADMIN_PASSWORD",
                "log-injection-password-01"), "--host", "127.0.0.1", "--port", "0", "--https-port", "off",
                "--data-dir", tmp.resolve("data").toString())) {
            String forged = "x}\n[main] INFO app.smsdesk.gateway.Gateway - FORGED: primary account password reset"
                    + "\r\u2028by console";
            String body = "{\"deviceId\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(forged)
                    + ",\"event\":\"sms:received\"}";
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(gw.baseUrl() + "/mobile/v1/webhooks/incoming"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(401);

            List<String> lines = List.of();
            for (int i = 0; i < 50; i++) { // the log is written asynchronously to the answer
                lines = Files.readAllLines(gw.logFile(), StandardCharsets.UTF_8);
                if (lines.stream().anyMatch(l -> l.contains("FORGED"))) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(lines).as("the refusal is logged").anyMatch(l -> l.contains("FORGED"));
            assertThat(lines).as("and forges no line of its own")
                    .noneMatch(l -> l.startsWith("[main] INFO app.smsdesk.gateway.Gateway - FORGED"))
                    .noneMatch(l -> l.startsWith("by console"))
                    .filteredOn(l -> l.contains("FORGED")).allMatch(l -> l.contains("\\n[main] INFO"));
            assertThat(String.join("\n", lines)).doesNotContain("\u2028", "\r");
        }
    }
}
