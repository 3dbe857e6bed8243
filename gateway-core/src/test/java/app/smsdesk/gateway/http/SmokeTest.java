package app.smsdesk.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.testing.HttpResult;
import app.smsdesk.gateway.testing.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmokeTest {
    @RegisterExtension
    static final TestGateway gw = TestGateway.perClass();

    @Test
    void healthAnswersWithoutCredentials() {
        HttpResult r = gw.get("/health", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("pass");
        assertThat(r.header("Content-Type")).contains("application/json");
    }

    @Test
    void sendWithJwtIsAcceptedAndReadBack() {
        String auth = gw.bearerWith("messages:send", "messages:read");
        HttpResult sent = gw.post("/messages", auth,
                "{\"phoneNumbers\":[\"+14155552671\"],\"textMessage\":{\"text\":\"hi\"}}");
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        String id = sent.json().get("id").asText();
        HttpResult read = gw.get("/messages/" + id, auth);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("textMessage").get("text").asText()).isEqualTo("hi");
        assertThat(read.json().get("states").get("Pending").asText()).matches(".*T.*\\.\\d{3}Z");
    }

    @Test
    void totalCountFollowsNewMessages() {
        String auth = TestGateway.adminBasic();
        long before = Long.parseLong(gw.get("/messages?limit=1", auth).header("X-Total-Count").orElseThrow());
        gw.post("/messages", auth, "{\"phoneNumbers\":[\"+14155552671\"],\"textMessage\":{\"text\":\"a\"}}");
        HttpResult after = gw.get("/messages?limit=1", auth);
        assertThat(after.header("X-Total-Count")).contains(Long.toString(before + 1));
        gw.post("/messages", auth, "{\"phoneNumbers\":[\"+14155552671\"],\"textMessage\":{\"text\":\"b\"}}");
        assertThat(gw.get("/messages?limit=1", auth).header("X-Total-Count")).contains(Long.toString(before + 2));
        assertThat(gw.get("/messages?limit=1&offset=1", auth).json().get(0).get("id").asText())
                .isEqualTo(after.json().get(0).get("id").asText());
    }
}
