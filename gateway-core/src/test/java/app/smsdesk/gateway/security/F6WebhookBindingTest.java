package app.smsdesk.gateway.security;

import static app.smsdesk.gateway.testing.TestGateway.adminBasic;
import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.testing.HttpResult;
import app.smsdesk.gateway.testing.TestGateway;
import app.smsdesk.gateway.testing.WebhookSignatures;
import app.smsdesk.gateway.testing.phone.PhoneSimulator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * F6: one phone could act as another through the signed webhook receiver, as the key was the account's. The
 * audit's proposal is taken: every phone gets a signing key of its own in its settings, the receiver verifies
 * with the key of the phone the envelope names, and state reports touch only that phone's messages. Phones paired
 * before this change keep working: until one fetches its own key, the account's key is accepted from it (and only
 * from it), and never again afterwards.
 */
class F6WebhookBindingTest {
    private static PhoneSimulator phone(TestGateway gw) {
        PhoneSimulator p = new PhoneSimulator(PhoneSimulator.Config.of(gw.mobileApi(),
                new PhoneSimulator.SignUp(TestGateway.PRIVATE_TOKEN)).withClock(gw.clock()));
        p.register();
        return p;
    }

    private static String key(PhoneSimulator p) {
        return p.fetchSettings().getAsJsonObject("webhooks").get("signing_key").getAsString();
    }

    private static String url(PhoneSimulator p) {
        return p.fetchWebhooks().stream().filter(w -> w.event.equals("sms:failed")).findFirst().orElseThrow().url;
    }

    private static HttpResult post(TestGateway gw, String url, String deviceId, String event, String payload,
                                   String key) {
        String body = "{\"id\":\"" + java.util.UUID.randomUUID() + "\",\"webhookId\":\"w\",\"event\":\"" + event
                + "\",\"deviceId\":\"" + deviceId + "\",\"payload\":" + payload + "}";
        String ts = Long.toString(gw.clock().instant().getEpochSecond());
        return gw.call("POST", url, null, body, Map.of("X-Timestamp", ts,
                "X-Signature", WebhookSignatures.sign(key, body + ts)));
    }


    private static String failed(String messageId, String reason) {
        return "{\"messageId\":\"" + messageId + "\",\"phoneNumber\":\"+79990001234\",\"failedAt\":"
                + "\"2026-12-06T10:00:00.000+00:00\",\"reason\":\"" + reason + "\"}";
    }

    private static String sendVia(TestGateway gw, String deviceId) {
        return gw.post("/messages", adminBasic(), "{\"phoneNumbers\":[\"+79990001234\"],\"textMessage\":{\"text\":"
                + "\"for A\"},\"deviceId\":\"" + deviceId + "\"}").json().path("id").asText();
    }

    private static String recipientState(TestGateway gw, String messageId) {
        return gw.get("/messages/" + messageId, adminBasic()).json().path("recipients").path(0).path("state")
                .asText();
    }

    @Test
    void webhookReceiverBindsSignatureToTheSendingPhone() {
        try (TestGateway gw = TestGateway.start()) {
            PhoneSimulator a = phone(gw);
            PhoneSimulator b = phone(gw);
            String keyA = key(a);
            String keyB = key(b);
            assertThat(keyB).as("a key per phone").isNotEqualTo(keyA);
            String url = url(b);
            String message = sendVia(gw, a.registration().id());

            assertThat(post(gw, url, a.registration().id(), "sms:failed", failed(message, "forged by B"), keyB)
                    .status()).as("B signing in A's name").isEqualTo(401);
            assertThat(post(gw, url, a.registration().id(), "sms:received", "{\"message\":\"forged\",\"sender\":"
                    + "\"+15550001111\",\"receivedAt\":\"2026-12-06T10:00:00.000+00:00\"}", keyB).status())
                    .as("an inbound SMS injected in A's name").isEqualTo(401);
            assertThat(post(gw, url, b.registration().id(), "sms:failed", failed(message, "B about A's message"),
                    keyB).status()).as("acknowledged, as the app retries anything else").isBetween(200, 299);
            assertThat(recipientState(gw, message)).as("A's message is not B's to report").isNotEqualTo("Failed");
            assertThat(gw.get("/inbox", adminBasic()).body()).doesNotContain("forged");

            assertThat(post(gw, url, a.registration().id(), "sms:failed", failed(message, "no signal"), keyA)
                    .status()).isBetween(200, 299);
            assertThat(recipientState(gw, message)).as("A reports its own message").isEqualTo("Failed");
            a.close();
            b.close();
        }
    }

    @Test
    void phonesPairedBeforePerPhoneKeysKeepWorkingUntilTheyFetchTheirOwn() throws SQLException {
        try (TestGateway gw = TestGateway.start()) {
            PhoneSimulator old = phone(gw);
            PhoneSimulator fresh = phone(gw);
            String oldId = old.registration().id();
            gw.gateway().close(); // as the previous version left it: one key for the account, none per phone
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gw.dataDir().resolve("smsdesk.db"));
                 Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE users SET webhook_signing_key = 'the-account-key-of-old'");
                s.executeUpdate("UPDATE devices SET webhook_signing_key = NULL, account_key_allowed = 1 "
                        + "WHERE ext_id = '" + oldId + "'");
            }
            gw.restart();
            String url = gw.mobileApi() + "/webhooks/incoming"; // the port is new
            String m1 = sendVia(gw, oldId);
            assertThat(post(gw, url, oldId, "sms:failed", failed(m1, "old phone"), "the-account-key-of-old")
                    .status()).as("the old phone, still on the account key").isBetween(200, 299);
            assertThat(post(gw, url, fresh.registration().id(), "sms:received", "{\"message\":\"x\",\"sender\":"
                    + "\"+15550001111\",\"receivedAt\":\"2026-12-06T10:00:00.000+00:00\"}",
                    "the-account-key-of-old").status()).as("never for a phone that has its own").isEqualTo(401);

            PhoneSimulator reconnected = new PhoneSimulator(PhoneSimulator.Config.of(gw.mobileApi(),
                    new PhoneSimulator.SignUp(TestGateway.PRIVATE_TOKEN)).withClock(gw.clock()));
            reconnected.restore(old.registration());
            String own = key(reconnected); // its next settings fetch
            assertThat(own).isNotEqualTo("the-account-key-of-old");
            String m2 = sendVia(gw, oldId);
            assertThat(post(gw, url, oldId, "sms:failed", failed(m2, "x"), "the-account-key-of-old").status())
                    .as("the account key is done once the phone has its own").isEqualTo(401);
            assertThat(post(gw, url, oldId, "sms:failed", failed(m2, "x"), own).status()).isBetween(200, 299);
            reconnected.close();
            old.close();
            fresh.close();
        }
    }
}
