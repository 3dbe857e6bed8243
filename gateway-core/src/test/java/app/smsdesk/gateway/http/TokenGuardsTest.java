package app.smsdesk.gateway.http;

import static app.smsdesk.gateway.testing.TestGateway.adminBasic;
import static app.smsdesk.gateway.testing.TestGateway.bearer;
import static app.smsdesk.gateway.testing.TestGateway.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.domain.Refusal;
import app.smsdesk.gateway.testing.HttpResult;
import app.smsdesk.gateway.testing.LeakWatch;
import app.smsdesk.gateway.testing.TestGateway;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Per-token guards over real HTTP: allowed client addresses, hours, recipient prefixes and a daily SMS budget.
 * Each refusal is a 403 whose {@code reason} names the guard and lands in the token's refusal log; a message
 * refused by a guard stores nothing; the budget survives a restart, a roll and minting by the guarded token.
 */
class TokenGuardsTest {
    private static final List<String> SCOPES = List.of("messages:send", "messages:list", "tokens:manage");

    private static JsonNode mint(TestGateway gw, Map<String, Object> guards) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scopes", SCOPES);
        body.put("name", "guarded");
        body.put("ttl", Duration.ofDays(3).toSeconds());
        body.put("guards", guards);
        HttpResult r = gw.post("/auth/token", adminBasic(), json(body));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        LeakWatch.watch(r.json().path("access_token").asText());
        LeakWatch.watch(r.json().path("refresh_token").asText());
        return r.json();
    }

    private static HttpResult send(TestGateway gw, String auth, String... numbers) {
        return gw.post("/messages", auth, json(Map.of("textMessage", Map.of("text", "hello"),
                "phoneNumbers", List.of(numbers))));
    }

    private static long stored(TestGateway gw) {
        return gw.get("/messages?limit=100", adminBasic()).json().size();
    }

    private static void assertRefused(HttpResult r, String reason) {
        assertThat(r.status()).as(r.body()).isEqualTo(403);
        assertThat(r.json().path("reason").asText()).isEqualTo(reason);
        assertThat(r.json().path("message").asText()).startsWith(reason + ":");
    }

    private static List<String> refusalReasons(TestGateway gw, String jti) {
        return gw.services().tokens().refusals(gw.admin(), jti).stream().map(Refusal::reason).toList();
    }

    @Test
    void addressGuardAdmitsOnlyTheListedRangesAndSaysWhichGuardRefused() {
        try (TestGateway gw = TestGateway.start()) {
            JsonNode elsewhere = mint(gw, Map.of("addresses", List.of("10.9.9.0/24", "fd00::/8")));
            JsonNode here = mint(gw, Map.of("addresses", List.of("192.168.0.0/16", "127.0.0.0/8")));

            HttpResult refused = gw.get("/messages", bearer(elsewhere.path("access_token").asText()));
            assertRefused(refused, "guard:address");
            assertThat(refused.json().path("message").asText()).contains("127.0.0.1").contains("10.9.9.0/24");
            assertThat(gw.get("/messages", bearer(here.path("access_token").asText())).status()).isEqualTo(200);
            assertThat(refusalReasons(gw, elsewhere.path("id").asText())).containsExactly("guard:address");
            assertThat(gw.post("/auth/token/refresh", bearer(elsewhere.path("refresh_token").asText()), null)
                    .status()).as("its refresh token is guarded too").isEqualTo(403);
            assertThat(gw.post("/auth/token/refresh", bearer(here.path("refresh_token").asText()), null)
                    .status()).isEqualTo(201);
        }
    }

    @Test
    void hoursGuardFollowsTheClockInTheGuardsZone() {
        try (TestGateway gw = TestGateway.start()) {
            LocalTime now = gw.clock().instant().atZone(ZoneOffset.UTC).toLocalTime().truncatedTo(ChronoUnit.MINUTES);
            String window = now.plusHours(1) + "-" + now.plusHours(2);
            JsonNode t = mint(gw, Map.of("hours", window, "timeZone", "UTC"));
            String auth = bearer(t.path("access_token").asText());

            assertRefused(gw.get("/messages", auth), "guard:hours");
            gw.clock().advance(Duration.ofMinutes(61));
            assertThat(gw.get("/messages", auth).status()).isEqualTo(200);
            gw.clock().advance(Duration.ofMinutes(60));
            assertRefused(gw.get("/messages", auth), "guard:hours");
        }
    }

    @Test
    void recipientGuardRefusesTheWholeMessageAndStoresNothing() {
        try (TestGateway gw = TestGateway.start()) {
            String auth = bearer(mint(gw, Map.of("recipientPrefixes", List.of("+49", "0043"))).path("access_token")
                    .asText());

            assertThat(send(gw, auth, "+4915112345678", "+436641234567").status()).isEqualTo(202);
            HttpResult mixed = send(gw, auth, "+4915112345678", "+33612345678");
            assertRefused(mixed, "guard:recipient");
            assertThat(mixed.json().path("message").asText()).contains("+33612345678").contains("+49, +43");
            assertThat(stored(gw)).as("nothing of the refused message is stored").isEqualTo(1);
            HttpResult encrypted = gw.post("/messages", auth, json(Map.of("textMessage", Map.of("text", "x"),
                    "phoneNumbers", List.of("b64-cipher"), "isEncrypted", true)));
            assertRefused(encrypted, "guard:recipient");
        }
    }

    @Test
    void dailyBudgetCountsEverySmsAndHoldsAcrossRestartRollAndChildren() {
        try (TestGateway gw = TestGateway.start()) {
            JsonNode t = mint(gw, Map.of("dailyBudget", 3, "timeZone", "UTC"));
            String jti = t.path("id").asText();
            String auth = bearer(t.path("access_token").asText());

            assertThat(send(gw, auth, "+4915112345678", "+4915112345679").status()).isEqualTo(202);
            HttpResult over = send(gw, auth, "+4915112345670", "+4915112345671");
            assertRefused(over, "guard:budget");
            assertThat(over.json().path("message").asText()).contains("3 SMS").contains("2 sent");
            assertThat(send(gw, auth, "+4915112345670").status()).as("one more fits").isEqualTo(202);
            assertThat(stored(gw)).isEqualTo(2);
            assertThat(gw.services().tokens().budgetUsedToday(gw.admin(), jti)).isEqualTo(3);

            gw.restart();
            assertRefused(send(gw, auth, "+4915112345672"), "guard:budget");
            var rolled = gw.services().tokens().roll(gw.admin(), jti, Duration.ofHours(1));
            LeakWatch.watch(rolled.accessToken());
            LeakWatch.watch(rolled.refreshToken());
            assertRefused(send(gw, bearer(rolled.accessToken()), "+4915112345672"), "guard:budget");
            HttpResult child = gw.post("/auth/token", auth, json(Map.of("scopes", List.of("messages:send"))));
            assertThat(child.status()).isEqualTo(201);
            LeakWatch.watch(child.json().path("access_token").asText());
            LeakWatch.watch(child.json().path("refresh_token").asText());
            assertRefused(send(gw, bearer(child.json().path("access_token").asText()), "+4915112345672"),
                    "guard:budget");
            assertThat(gw.post("/auth/token", auth, json(Map.of("scopes", List.of("messages:send"),
                    "guards", Map.of("dailyBudget", 1000)))).status())
                    .as("a guarded token cannot mint itself a bigger budget").isEqualTo(400);
            assertThat(refusalReasons(gw, jti)).contains("guard:budget");

            gw.clock().advance(Duration.ofDays(1));
            assertThat(send(gw, bearer(rolled.accessToken()), "+4915112345672").status()).as("a new day")
                    .isEqualTo(202);
        }
    }

    @Test
    void guardsAreEditableLaterAndShownInTheInventory() {
        try (TestGateway gw = TestGateway.start()) {
            JsonNode t = mint(gw, Map.of());
            String jti = t.path("id").asText();
            String auth = bearer(t.path("access_token").asText());
            assertThat(send(gw, auth, "+33612345678").status()).isEqualTo(202);

            HttpResult put = gw.call("PUT", "/auth/token/" + jti + "/guards", adminBasic(),
                    json(Map.of("recipientPrefixes", List.of("+49"), "addresses", List.of("127.0.0.1"))));
            assertThat(put.status()).as(put.body()).isEqualTo(200);
            assertRefused(send(gw, auth, "+33612345678"), "guard:recipient");
            JsonNode renewed = gw.post("/auth/token/refresh", bearer(t.path("refresh_token").asText()), null).json();
            LeakWatch.watch(renewed.path("access_token").asText());
            LeakWatch.watch(renewed.path("refresh_token").asText());
            assertRefused(send(gw, bearer(renewed.path("access_token").asText()), "+33612345678"),
                    "guard:recipient");
            JsonNode row = gw.get("/auth/tokens", adminBasic()).json().findParents("jti").stream()
                    .filter(n -> n.path("jti").asText().equals(jti)).findFirst().orElseThrow();
            assertThat(row.path("guards").path("recipientPrefixes").get(0).asText()).isEqualTo("+49");
            assertThat(gw.get("/auth/token/" + jti + "/guards", adminBasic()).json().path("addresses").get(0)
                    .asText()).isEqualTo("127.0.0.1");

            gw.call("PUT", "/auth/token/" + renewed.path("id").asText() + "/guards", adminBasic(), "{}");
            assertThat(send(gw, bearer(renewed.path("access_token").asText()), "+33612345678").status())
                    .as("empty guards lift them").isEqualTo(202);
        }
    }

    @Test
    void badGuardsAreA400NamingTheEntry() {
        try (TestGateway gw = TestGateway.start()) {
            Map<Map<String, Object>, String> cases = Map.of(
                    Map.of("addresses", List.of("10.0.0.0/8", "example.com")), "guards.addresses[1]",
                    Map.of("addresses", List.of("10.0.0.0/33")), "guards.addresses[0]",
                    Map.of("dailyBudget", 0), "guards.dailyBudget",
                    Map.of("recipientPrefixes", List.of("+49x")), "guards.recipientPrefixes[0]",
                    Map.of("hours", "8 to 6"), "guards.hours",
                    Map.of("hours", "08:00-08:00"), "guards.hours",
                    Map.of("timeZone", "Mars/Olympus"), "guards.timeZone");
            cases.forEach((guards, field) -> {
                HttpResult r = gw.post("/auth/token", adminBasic(), json(Map.of("scopes", SCOPES, "guards", guards)));
                assertThat(r.status()).as(guards + " " + r.body()).isEqualTo(400);
                assertThat(r.json().path("message").asText()).startsWith(field + ":");
            });
            assertThat(gw.get("/auth/tokens", adminBasic()).json().size()).as("nothing minted").isZero();
        }
    }
}
