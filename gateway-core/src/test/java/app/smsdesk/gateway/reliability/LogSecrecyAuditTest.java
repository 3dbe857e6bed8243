package app.smsdesk.gateway.reliability;

import static app.smsdesk.gateway.testing.TestGateway.adminBasic;
import static app.smsdesk.gateway.testing.TestGateway.basic;
import static app.smsdesk.gateway.testing.TestGateway.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.testing.LeakWatch;
import app.smsdesk.gateway.testing.RunsLast;
import app.smsdesk.gateway.testing.TestGateway;
import app.smsdesk.gateway.testing.TestJwts;
import app.smsdesk.gateway.testing.phone.PhoneSimulator;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other test class and fails if any secret of the whole run shows up in its logs: the test JVM's
 * output (the in-process gateways' log), every gateway's event log table and the logs of gateway processes (at
 * debug level in the crash battery). Run alone it audits its own scenario, which touches every secret there is,
 * mostly by getting it wrong.
 */
@RunsLast
class LogSecrecyAuditTest {
    private static final String WRONG_PASSWORD = "audit-wrong-password-1234";
    private static final String WRONG_PRIVATE_TOKEN = "audit-wrong-private-token-5678";

    @Test
    void noSecretOfTheWholeRunAppearsInAnyLog() {
        scenario();
        List<String> leaks = LeakWatch.leaks();
        LeakWatch.Stats stats = LeakWatch.stats();
        Reliability.report("secrets", List.of(
                "secrets watched: " + stats.secrets(),
                "log characters scanned: " + stats.characters() + " from " + stats.sources() + " sources",
                "secrets found in logs: " + leaks.size()));
        assertThat(leaks).isEmpty();
    }

    @Test
    void theScannerFindsWhatItIsLookingFor() {
        String secret = "s3cr3t-" + System.nanoTime();
        LeakWatch.Scanner scanner = new LeakWatch.Scanner(Set.of(secret, "another-secret-value"));
        assertThat(scanner.find("before " + secret + " after")).containsExactly(secret);
        assertThat(scanner.find(secret)).containsExactly(secret);
        assertThat(scanner.find("x" + secret.substring(1))).isEmpty();
    }

    /** Every secret over the wire, right and wrong, with the failures that tempt a server to log details. */
    private static void scenario() {
        LeakWatch.watch(WRONG_PASSWORD);
        LeakWatch.watch(WRONG_PRIVATE_TOKEN);
        try (TestGateway gw = TestGateway.start()) {
            JsonNode t = gw.mint(List.of("messages:list", "tokens:manage"));
            String access = t.path("access_token").asText();
            String refresh = t.path("refresh_token").asText();
            gw.get("/messages", bearer(access));
            JsonNode rotated = gw.post("/auth/token/refresh", bearer(refresh), null).json();
            LeakWatch.watch(rotated.path("access_token").asText());
            LeakWatch.watch(rotated.path("refresh_token").asText());
            gw.post("/auth/token/refresh", bearer(refresh), null); // replay: the family is revoked
            gw.get("/messages", bearer(access));
            gw.get("/messages", bearer(TestJwts.tamperSignature(access)));
            gw.get("/messages", basic(TestGateway.ADMIN, WRONG_PASSWORD));
            gw.get("/messages", basic(access, ""));
            gw.get("/messages", basic(WRONG_PASSWORD, TestGateway.PASSWORD));
            gw.get("/messages", "Basic " + WRONG_PASSWORD);
            gw.get("/messages", bearer(WRONG_PASSWORD));
            gw.post("/auth/token/refresh", adminBasic(), null);

            PhoneSimulator phone = new PhoneSimulator(PhoneSimulator.Config.of(gw.mobileApi(),
                    new PhoneSimulator.SignUp(TestGateway.PRIVATE_TOKEN)).withClock(gw.clock()));
            phone.register();
            phone.fetchSettings();
            phone.fetchWebhooks();
            phone.tryRegister(new PhoneSimulator.SignUp(WRONG_PRIVATE_TOKEN));
            phone.tryRegister(new PhoneSimulator.SignIn(TestGateway.ADMIN, WRONG_PASSWORD));
            phone.send("GET", "/user/code", basic(TestGateway.ADMIN, WRONG_PASSWORD), null);
            phone.send("PATCH", "/user/password", phone.bearer(), "{\"currentPassword\":\"" + WRONG_PASSWORD
                    + "\",\"newPassword\":\"" + WRONG_PASSWORD + "-new\"}");
            phone.send("GET", "/message", bearer(WRONG_PRIVATE_TOKEN), null);
            phone.overrideSigningKey(WRONG_PASSWORD);
            phone.receiveSms("+15550001111", "audit", gw.clock().instant());
            phone.close();
            gw.services().tokens().flushUsage();
            assertThat(gw.get("/logs?limit=500", adminBasic()).body()).contains("authentication failed");
            gw.call("GET", "/messages", null, null, Map.of("Authorization", "Bearer " + access + access));
        }
    }
}
