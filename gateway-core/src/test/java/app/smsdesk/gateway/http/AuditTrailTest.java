package app.smsdesk.gateway.http;

import static app.smsdesk.gateway.testing.TestGateway.adminBasic;
import static app.smsdesk.gateway.testing.TestGateway.bearer;
import static app.smsdesk.gateway.testing.TestGateway.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.domain.AuditEntry;
import app.smsdesk.gateway.domain.TokenGuards;
import app.smsdesk.gateway.service.EventLogService;
import app.smsdesk.gateway.testing.HttpResult;
import app.smsdesk.gateway.testing.TestGateway;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The audit trail: who minted, revoked, rolled, guarded, changed settings or a password, from which address;
 * kept across a restart, served as JSON and as CSV that a spreadsheet cannot be tricked into running.
 */
class AuditTrailTest {
    private static List<AuditEntry> trail(TestGateway gw) {
        return gw.services().events().auditTrail(gw.admin(), Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z"),
                1000).stream().filter(e -> !e.actor().equals("tests")).toList(); // the harness's own setup
    }

    private static AuditEntry entry(TestGateway gw, String action) {
        return trail(gw).stream().filter(e -> e.action().equals(action)).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + action + "' in " + trail(gw)));
    }

    @Test
    void everyChangeIsRecordedWithItsActorAndAddress() {
        try (TestGateway gw = TestGateway.start()) {
            JsonNode minted = gw.mint(List.of("tokens:manage", "messages:send"));
            String jti = minted.path("id").asText();
            String child = gw.post("/auth/token", bearer(minted.path("access_token").asText()),
                    json(Map.of("scopes", List.of("messages:send"), "name", "=HYPERLINK(\"x\")"))).json().path("id")
                    .asText();
            assertThat(gw.delete("/auth/token/" + child, adminBasic()).status()).isEqualTo(204);
            gw.services().tokens().roll(gw.admin(), jti, Duration.ofHours(1));
            gw.services().tokens().setGuards(gw.admin(), jti,
                    TokenGuards.validated(List.of("127.0.0.1"), 10, null, null, "UTC"));
            assertThat(gw.call("PATCH", "/settings", adminBasic(), "{\"messages\":{\"sendIntervalMin\":5}}")
                    .status()).isEqualTo(200);
            gw.services().accounts().changePassword(TestGateway.ADMIN, TestGateway.PASSWORD,
                    TestGateway.PASSWORD + "-new");

            AuditEntry mint = entry(gw, "token minted");
            assertThat(trail(gw).stream().filter(e -> e.action().equals("token minted"))).hasSize(2);
            assertThat(trail(gw).get(trail(gw).size() - 1).actor()).isEqualTo("basic:admin");
            assertThat(trail(gw).get(trail(gw).size() - 1).address()).isEqualTo("127.0.0.1");
            assertThat(mint.actor()).as("newest first: the child, minted by the token").isEqualTo("jwt:" + jti);
            assertThat(mint.target()).isEqualTo(child);
            AuditEntry revoked = entry(gw, "token revoked");
            assertThat(revoked.target()).isEqualTo(child);
            assertThat(revoked.actor()).isEqualTo("basic:admin");
            assertThat(revoked.address()).isEqualTo("127.0.0.1");
            assertThat(entry(gw, "token rolled").address()).isEqualTo("console");
            assertThat(entry(gw, "token rolled").target()).isEqualTo(jti);
            assertThat(entry(gw, "token guards changed").detail()).contains("addresses 127.0.0.1")
                    .contains("budget 10/day");
            assertThat(entry(gw, "settings patched").address()).isEqualTo("127.0.0.1");
            assertThat(entry(gw, "password changed").actor()).isEqualTo("console:admin");

            gw.restart();
            assertThat(trail(gw)).as("kept on disk").hasSize(7);
        }
    }

    @Test
    void theCsvExportHasAHeaderAndQuotesWhatASpreadsheetWouldRun() {
        try (TestGateway gw = TestGateway.start()) {
            gw.post("/auth/token", adminBasic(), json(Map.of("scopes", List.of("messages:send"),
                    "name", "=HYPERLINK(\"http://evil\")"))).json();
            HttpResult csv = gw.get("/audit?format=csv", adminBasic());
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.header("Content-Type").orElse("")).startsWith("text/csv");
            String[] lines = csv.body().lines().filter(l -> !l.contains(",tests,")).toArray(String[]::new);
            assertThat(lines[0]).isEqualTo("time,account,actor,address,action,target,detail");
            assertThat(lines).hasSize(2);
            assertThat(lines[1]).contains(",admin,basic:admin,127.0.0.1,token minted,")
                    .contains("name==HYPERLINK(\"\"http://evil\"\")").endsWith("\"");
            String injected = EventLogService.auditCsv(List.of(new AuditEntry(Instant.EPOCH, "admin", "basic:admin",
                    "127.0.0.1", "webhook saved", "=cmd|' /C calc'!A0", "url=https://x")));
            assertThat(injected.split("\r\n")[1]).as("a cell that starts like a formula is defused")
                    .contains(",\"'=cmd|' /C calc'!A0\",");
            assertThat(gw.get("/audit", adminBasic()).json().get(0).path("action").asText()).isEqualTo("token minted");
            assertThat(gw.get("/audit?format=xml", adminBasic()).json().path("message").asText())
                    .startsWith("format:");
            assertThat(gw.get("/audit", gw.bearerWith("messages:send")).status()).isEqualTo(403);
        }
    }
}
