package app.smsdesk.gateway.http;

import static app.smsdesk.gateway.testing.TestGateway.adminBasic;
import static app.smsdesk.gateway.testing.TestGateway.basic;
import static app.smsdesk.gateway.testing.TestGateway.bearer;
import static app.smsdesk.gateway.testing.TestGateway.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.testing.HttpResult;
import app.smsdesk.gateway.testing.TestGateway;
import app.smsdesk.gateway.testing.TestJwts;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The event log ({@code GET /logs}) records token and login events but never a token or a password. */
class EventLogSecrecyTest {
    private static final String OTHER = "log-other";
    private static final String OTHER_PASSWORD = "log-other-password-7731";
    private static final String WRONG_PASSWORD = "Wr0ng-Passw0rd-In-A-Log";
    private static final String MISPLACED_PASSWORD = "password-sent-without-colon";

    @RegisterExtension
    static final TestGateway gw = TestGateway.perClass();
    /** Every secret that went over the wire during the scenario. */
    static final List<String> secrets = new ArrayList<>();

    @BeforeAll
    static void scenario() {
        gw.services().accounts().createAccount(OTHER, OTHER_PASSWORD);
        secrets.addAll(List.of(TestGateway.PASSWORD, OTHER_PASSWORD, WRONG_PASSWORD, MISPLACED_PASSWORD));
        secrets.add(b64(TestGateway.ADMIN + ":" + TestGateway.PASSWORD));
        secrets.add(b64(TestGateway.ADMIN + ":" + WRONG_PASSWORD));

        // mint, use, refresh, replay, revoke
        JsonNode first = mint(adminBasic(), List.of("messages:list", "tokens:manage"));
        JsonNode other = mint(basic(OTHER, OTHER_PASSWORD), List.of("messages:list"));
        gw.get("/messages", bearer(first.path("access_token").asText()));
        JsonNode child = mint(bearer(first.path("access_token").asText()), List.of("messages:list"));
        HttpResult rotated = gw.post("/auth/token/refresh", bearer(first.path("refresh_token").asText()), null);
        assertThat(rotated.status()).isEqualTo(201);
        JsonNode second = rotated.json();
        gw.get("/messages", bearer(second.path("access_token").asText()));
        gw.delete("/auth/token/" + child.path("id").asText(), bearer(second.path("access_token").asText()));
        gw.get("/messages", bearer(child.path("access_token").asText())); // revoked: fails
        gw.post("/auth/token/refresh", bearer(first.path("refresh_token").asText()), "{}"); // replay
        for (JsonNode t : List.of(first, other, child, second)) {
            secrets.add(t.path("access_token").asText());
            secrets.add(t.path("refresh_token").asText());
        }

        // failing logins of every kind
        String token = first.path("access_token").asText();
        String tampered = TestJwts.tamperSignature(token);
        String widened = TestJwts.tamperPayload(token, p -> p.putArray("scopes").add("all:any"));
        secrets.addAll(List.of(tampered, widened));
        gw.get("/messages", basic(TestGateway.ADMIN, WRONG_PASSWORD));
        gw.get("/messages", basic("nobody", WRONG_PASSWORD));
        gw.get("/messages", "Basic " + b64(MISPLACED_PASSWORD));
        gw.get("/messages", "Basic %%" + MISPLACED_PASSWORD);
        gw.get("/messages", bearer(tampered));
        gw.get("/messages", bearer(widened));
        gw.get("/messages", "Token " + token);
        gw.get("/messages", bearer(MISPLACED_PASSWORD));
        gw.get("/messages", basic(token, "")); // curl -u "$TOKEN:" style: the token as the login
        gw.get("/messages", basic(token, "x"));
        gw.get("/messages", basic(MISPLACED_PASSWORD + "-" + MISPLACED_PASSWORD, ""));
        gw.post("/auth/token/refresh", basic(TestGateway.ADMIN, WRONG_PASSWORD), null);
        gw.post("/auth/token/refresh", bearer(tampered), null);
        gw.services().tokens().flushUsage();
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode mint(String auth, List<String> scopes) {
        HttpResult r = gw.post("/auth/token", auth, json(Map.of("scopes", scopes, "name", "log test")));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    private static String log(String auth) {
        HttpResult r = gw.get("/logs", auth);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.body();
    }

    /** Whole secrets and, for JWTs, each signature (the part that makes a copy usable). */
    private static List<String> needles() {
        List<String> out = new ArrayList<>();
        for (String s : secrets) {
            out.add(s);
            if (s.chars().filter(c -> c == '.').count() == 2) {
                out.add(s.substring(s.lastIndexOf('.') + 1));
            }
        }
        return out;
    }

    @Test
    void theScenarioWasLogged() {
        String log = log(adminBasic());
        assertThat(log).contains("token minted", "token refreshed", "token revoked", "replayed",
                "authentication failed", "unknown login (6 characters)", "wrong password for 'admin'");
    }

    @Test
    void thePrimaryAccountsLogHoldsNoTokenOrPassword() {
        String log = log(adminBasic());
        assertThat(needles()).allSatisfy(secret -> assertThat(log).doesNotContain(secret));
        assertThat(log).doesNotContain("eyJ");
    }

    @Test
    void theOtherAccountsLogHoldsNoTokenOrPassword() {
        String log = log(basic(OTHER, OTHER_PASSWORD));
        assertThat(log).contains("token minted");
        assertThat(needles()).allSatisfy(secret -> assertThat(log).doesNotContain(secret));
    }

    @Test
    void theLogReadThroughAJwtHoldsNoTokenEither() {
        String reader = gw.bearerWith("logs:read");
        String log = log(reader);
        assertThat(log).doesNotContain(reader.substring("Bearer ".length()));
        assertThat(needles()).allSatisfy(secret -> assertThat(log).doesNotContain(secret));
    }
}
