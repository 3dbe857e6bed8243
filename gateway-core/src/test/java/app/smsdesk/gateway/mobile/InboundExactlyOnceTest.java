package app.smsdesk.gateway.mobile;

import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.testing.HttpResult;
import app.smsdesk.gateway.testing.TestGateway;
import app.smsdesk.gateway.testing.WebhookSignatures;
import app.smsdesk.gateway.testing.phone.PhoneSimulator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Inbound SMS are stored exactly once, as the phone app retries: the same envelope (same event id) signed anew,
 * after a gateway restart in between, with or without the app's content-hash {@code messageId}; and the same SMS
 * sent again under a new event id by an inbox refresh (same {@code messageId}). Every retry answers 2xx, so the
 * phone stops retrying.
 */
class InboundExactlyOnceTest {
    private static HttpResult post(TestGateway gw, String key, String body) {
        String ts = Long.toString(gw.clock().instant().getEpochSecond());
        return gw.call("POST", gw.mobileApi() + "/webhooks/incoming", null, body, Map.of("X-Timestamp", ts,
                "X-Signature", WebhookSignatures.sign(key, body + ts)));
    }

    private static String envelope(String eventId, String deviceId, String payload) {
        return "{\"id\":\"" + eventId + "\",\"webhookId\":\"w\",\"event\":\"sms:received\",\"deviceId\":\""
                + deviceId + "\",\"payload\":" + payload + "}";
    }

    private static long stored(TestGateway gw, String text) {
        return gw.get("/inbox?limit=500", TestGateway.adminBasic()).json().findValuesAsText("content").stream()
                .filter(text::equals).count();
    }

    @Test
    void retriesAcrossARestartAndInboxRefreshesStoreEachSmsOnce() {
        try (TestGateway gw = TestGateway.start()) {
            PhoneSimulator phone = new PhoneSimulator(PhoneSimulator.Config.of(gw.mobileApi(),
                    new PhoneSimulator.SignUp(TestGateway.PRIVATE_TOKEN)).withClock(gw.clock()));
            String id = phone.register().id();
            String key = phone.fetchSettings().getAsJsonObject("webhooks").get("signing_key").getAsString();
            String withoutHash = envelope("evt-1", id, "{\"message\":\"no hash\",\"sender\":\"+15550001111\","
                    + "\"receivedAt\":\"2026-12-06T10:00:00.000+00:00\"}");
            String withHash = envelope("evt-2", id, "{\"message\":\"with hash\",\"sender\":\"+15550001111\","
                    + "\"messageId\":\"a1b2c3d4\",\"receivedAt\":\"2026-12-06T10:00:00.000+00:00\"}");
            assertThat(post(gw, key, withoutHash).status()).isEqualTo(204);
            assertThat(post(gw, key, withHash).status()).isEqualTo(204);

            gw.restart(); // the phone's retry arrives after a restart: nothing in memory remembers the first
            gw.clock().advance(java.time.Duration.ofSeconds(3)); // signed anew: a fresh timestamp
            assertThat(post(gw, key, withoutHash).status()).as("a retry is acknowledged").isBetween(200, 299);
            assertThat(post(gw, key, withHash).status()).isBetween(200, 299);
            assertThat(post(gw, key, withHash.replace("evt-2", "evt-3")).status())
                    .as("the same SMS again from an inbox refresh").isBetween(200, 299);

            assertThat(stored(gw, "no hash")).isEqualTo(1);
            assertThat(stored(gw, "with hash")).isEqualTo(1);
            phone.close();
        }
    }
}
