package app.smsdesk.gateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.testing.RawHttp;
import app.smsdesk.gateway.testing.TestGateway;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A flood of failures from one address cannot fill the event log (and the disk): bad tokens, forged webhooks and
 * refused phone registrations are logged 20 times, then once per 3 s, and the next entry counts what was left out.
 */
class LogFloodTest {
    private static final int FLOOD = 300;
    /** LogFloodGuard.BURST and REFILL. */
    private static final int BURST = 20;
    private static final Duration REFILL = Duration.ofSeconds(3);

    private static int send(TestGateway gw, String head, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return RawHttp.send(gw.gateway().port(), "127.0.0.9", RawHttp.request(head + "\r\nContent-Length: "
                + b.length, b), Duration.ofSeconds(10)).status();
    }

    private static List<JsonNode> entries(TestGateway gw, String message) {
        // Log entries are queued for the writer without waiting; a write behind them commits them too.
        assertThat(gw.post("/messages", TestGateway.adminBasic(), "{\"phoneNumbers\":[\"+14155552671\"],"
                + "\"textMessage\":{\"text\":\"barrier\"}}").status()).isEqualTo(202);
        List<JsonNode> out = new ArrayList<>();
        gw.get("/logs?limit=1000", TestGateway.adminBasic()).json().forEach(e -> {
            if (e.path("message").asText().startsWith(message) && e.toString().contains("127.0.0.9")) {
                out.add(e);
            }
        });
        return out;
    }

    @Test
    void aFloodFromOneAddressIsThinnedOutAndCounted() throws IOException {
        try (TestGateway gw = TestGateway.start()) {
            for (int i = 0; i < FLOOD; i++) {
                assertThat(send(gw, "GET /3rdparty/v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Authorization: Bearer x.y." + i, "")).isEqualTo(401);
                assertThat(send(gw, "POST /mobile/v1/webhooks/incoming HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                        + "application/json", "{\"deviceId\":\"nobody" + i + "\",\"event\":\"sms:received\"}"))
                        .isEqualTo(401);
                send(gw, "POST /mobile/v1/device HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Authorization: Bearer wrong-" + i, "{}");
            }
            assertThat(entries(gw, "authentication failed")).hasSize(BURST);
            assertThat(entries(gw, "webhook from an unknown phone")).hasSize(BURST);
            assertThat(entries(gw, "phone registration")).hasSize(BURST);

            gw.clock().advance(REFILL);
            send(gw, "GET /3rdparty/v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer x.y.z", "");
            List<JsonNode> auth = entries(gw, "authentication failed");
            assertThat(auth).hasSize(BURST + 1);
            assertThat(auth.get(0).path("context").path("similarLeftOut").asText())
                    .isEqualTo(String.valueOf(FLOOD - BURST));
            assertThat(gw.get("/messages", TestGateway.adminBasic()).status()).isEqualTo(200);
        }
    }
}
