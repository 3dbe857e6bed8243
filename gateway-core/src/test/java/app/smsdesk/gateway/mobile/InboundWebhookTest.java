package app.smsdesk.gateway.mobile;

import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.testing.HttpResult;
import app.smsdesk.gateway.testing.TestGateway;
import app.smsdesk.gateway.testing.WebhookSignatures;
import app.smsdesk.gateway.testing.phone.PhoneSimulator;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SMSDesk's own webhook receiver, called with hand-made requests (signed independently of the gateway code). */
class InboundWebhookTest {
    static TestGateway gw;
    static PhoneSimulator phone;
    static String key;
    static String url;

    @BeforeAll
    static void start() {
        gw = TestGateway.start();
        phone = new PhoneSimulator(PhoneSimulator.Config.of(gw.mobileApi(),
                new PhoneSimulator.SignUp(TestGateway.PRIVATE_TOKEN)).withClock(gw.clock()));
        phone.register();
        key = phone.fetchSettings().getAsJsonObject("webhooks").get("signing_key").getAsString();
        url = phone.fetchWebhooks().stream().filter(w -> w.event.equals("sms:received")).findFirst().orElseThrow().url;
    }

    @AfterAll
    static void stop() {
        phone.close();
        gw.close();
    }

    static String envelope(String event, String payload) {
        return "{\"id\":\"" + java.util.UUID.randomUUID() + "\",\"webhookId\":\"w\",\"event\":\"" + event
                + "\",\"deviceId\":\"" + phone.registration().id() + "\",\"payload\":" + payload + "}";
    }

    static HttpResult post(String body, String signingKey, long timestamp) {
        String ts = Long.toString(timestamp);
        return gw.call("POST", url, null, body, Map.of("X-Timestamp", ts,
                "X-Signature", WebhookSignatures.sign(signingKey, body + ts)));
    }

    static HttpResult post(String body) {
        return post(body, key, gw.clock().instant().getEpochSecond());
    }


    @Test
    void theReceiverLivesUnderTheMobileApi() {
        assertThat(url).isEqualTo(gw.mobileApi() + "/webhooks/incoming");
    }

    @Test
    void staleForgedOrUnsignedDeliveriesAreRejected() {
        String body = envelope("sms:received", "{\"message\":\"x\",\"sender\":\"+1555\",\"messageId\":\"s1\"}");
        long now = gw.clock().instant().getEpochSecond();
        assertThat(post(body, key, now - Duration.ofMinutes(10).toSeconds()).status()).isEqualTo(401);
        assertThat(post(body, key, now + Duration.ofMinutes(10).toSeconds()).status()).isEqualTo(401);
        assertThat(post(body, "other-key", now).status()).isEqualTo(401);
        assertThat(gw.call("POST", url, null, body).status()).isEqualTo(401);
        assertThat(post(body.replace(phone.registration().id(), "no-such-device-000000")).status()).isEqualTo(401);
        assertThat(post("not json").status()).isEqualTo(400);
        // The content, not the messageId "s1": a random inbox id may contain those two letters.
        assertThat(gw.get("/inbox?limit=500", TestGateway.adminBasic()).body()).doesNotContain("\"content\":\"x\"");
    }

    @Test
    void theSameSignedRequestTwiceIsARefusedReplayWhileARetrySignedAnewIsAcknowledged() {
        String body = envelope("sms:received", "{\"message\":\"replay me\",\"sender\":\"+15550003333\","
                + "\"messageId\":\"rp1\"}");
        long now = gw.clock().instant().getEpochSecond();
        assertThat(post(body, key, now).status()).isEqualTo(204);
        assertThat(post(body, key, now).status()).as("captured and sent again").isEqualTo(401);
        assertThat(post(body, key, now - 1).status()).as("the phone's retry, signed anew").isEqualTo(204);

        JsonNode inbox = gw.get("/inbox?limit=500", TestGateway.adminBasic()).json();
        assertThat(inbox.findValuesAsText("contentPreview")).containsOnlyOnce("replay me");
        assertThat(gw.get("/logs?limit=500", TestGateway.adminBasic()).body())
                .contains("webhook rejected: replayed");
    }

    @Test
    void everyRefusalIsLoggedWithItsReasonAndTheCallersAddress() {
        String body = envelope("sms:received", "{\"message\":\"y\",\"sender\":\"+1555\",\"messageId\":\"lg1\"}");
        long now = gw.clock().instant().getEpochSecond();
        post(body, key, now - Duration.ofMinutes(6).toSeconds());
        post(body, "other-key", now);
        gw.call("POST", url, null, body);
        gw.call("POST", url, null, body, Map.of("X-Timestamp", "soon", "X-Signature", "00"));
        // Log entries are queued without waiting; a write behind them commits them too.
        assertThat(gw.post("/webhooks", TestGateway.adminBasic(), "{\"url\":\"https://example.com/barrier\","
                + "\"event\":\"sms:sent\"}").status()).isEqualTo(201);

        JsonNode log = gw.get("/logs?limit=500", TestGateway.adminBasic()).json();
        List<String> messages = log.findValuesAsText("message");
        assertThat(messages).contains("webhook rejected: stale X-Timestamp (360 s off)",
                "webhook rejected: bad signature", "webhook rejected: no X-Signature or X-Timestamp",
                "webhook rejected: X-Timestamp is not a number");
        assertThat(log.toString()).contains("127.0.0.1");
    }

    @Test
    void dataSmsIsStoredAndUnknownEventsAreAcknowledged() {
        assertThat(post(envelope("sms:data-received", "{\"data\":\"AQID\",\"sender\":\"+15550002222\","
                + "\"messageId\":\"d1\",\"receivedAt\":\"2026-07-14T15:46:11.000+07:00\",\"simNumber\":2}"))
                .status()).isEqualTo(204);
        assertThat(post(envelope("system:ping", "{\"health\":{\"status\":\"pass\"}}")).status()).isEqualTo(204);
        JsonNode inbox = gw.get("/inbox?type=DATA_SMS", TestGateway.adminBasic()).json();
        assertThat(inbox).hasSize(1);
        assertThat(inbox.get(0).get("contentPreview").asText()).isEqualTo("AQID");
        assertThat(inbox.get(0).get("simNumber").asInt()).isEqualTo(2);
        assertThat(inbox.get(0).get("createdAt").asText()).isEqualTo("2026-07-14T08:46:11.000Z");
    }

    @Test
    void deliveryWebhooksMoveTheRecipientForwardAndKeepTheirTime() {
        HttpResult sent = gw.post("/messages", TestGateway.adminBasic(), "{\"phoneNumbers\":[\"+14155552671\"],"
                + "\"textMessage\":{\"text\":\"x\"},\"deviceId\":\"" + phone.registration().id() + "\"}");
        String id = sent.json().get("id").asText();
        assertThat(post(envelope("sms:delivered", "{\"messageId\":\"" + id + "\",\"phoneNumber\":\"+14155552671\","
                + "\"deliveredAt\":\"2026-07-14T15:46:11.123+07:00\"}")).status()).isEqualTo(204);
        assertThat(post(envelope("sms:sent", "{\"messageId\":\"" + id + "\",\"phoneNumber\":\"+14155552671\","
                + "\"sentAt\":\"2026-07-14T15:46:10.000+07:00\"}")).status()).isEqualTo(204); // late, ignored
        JsonNode m = gw.get("/messages/" + id, TestGateway.adminBasic()).json();
        assertThat(m.get("state").asText()).isEqualTo("Delivered");
        assertThat(m.get("recipients").get(0).get("state").asText()).isEqualTo("Delivered");
        assertThat(m.get("states").get("Delivered").asText()).isEqualTo("2026-07-14T08:46:11.123Z");
    }
}
