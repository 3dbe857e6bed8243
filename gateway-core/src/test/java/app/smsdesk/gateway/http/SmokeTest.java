package app.smsdesk.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.testing.HttpResult;
import app.smsdesk.gateway.testing.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SmokeTest {
    static TestGateway gw;

    @BeforeAll
    static void start() {
        gw = TestGateway.start();
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

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
}
