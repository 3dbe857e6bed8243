package app.smsdesk.gateway.mobile;

import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.testing.HttpResult;
import app.smsdesk.gateway.testing.TestGateway;
import app.smsdesk.gateway.testing.phone.PhoneDtos.ProcessingState;
import app.smsdesk.gateway.testing.phone.PhoneSimulator;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The phone simulator against a real gateway over real HTTP: nothing is mocked between them. Subclasses run the
 * same scenarios over HTTPS.
 */
class PhoneEndToEndTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    TestGateway gw;
    final List<PhoneSimulator> phones = new ArrayList<>();

    @BeforeEach
    void start() {
        gw = TestGateway.start();
    }

    @AfterEach
    void stop() {
        phones.forEach(PhoneSimulator::close);
        gw.close();
    }

    /** The mobile API base the phone is configured with. */
    String base() {
        return gw.mobileApi();
    }

    /** Trust for the phone's HTTP client (none for plain HTTP). */
    SSLContext tls() {
        return null;
    }

    PhoneSimulator phone(PhoneSimulator.Config config) {
        PhoneSimulator p = new PhoneSimulator(config.withTls(tls()).withClock(gw.clock()));
        phones.add(p);
        return p;
    }

    PhoneSimulator signedUp() {
        return phone(PhoneSimulator.Config.of(base(), new PhoneSimulator.SignUp(TestGateway.PRIVATE_TOKEN)));
    }

    String send(String body) {
        HttpResult r = gw.post("/messages", TestGateway.adminBasic(), body);
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        return r.json().get("id").asText();
    }

    JsonNode message(String id) {
        HttpResult r = gw.get("/messages/" + id, TestGateway.adminBasic());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    @Test
    void aSentMessageReachesThePhoneOverSseAndComesBackDelivered() {
        PhoneSimulator phone = signedUp().start();
        assertThat(phone.awaitStreamAttempt(WAIT)).isEqualTo(200);
        // A phone's first stream after registering is told to reload what it fetched before it had a token.
        phone.awaitEvent("WebhooksUpdated", WAIT);
        phone.awaitEvent("SettingsUpdated", WAIT);

        String id = send("{\"phoneNumbers\":[\"+14155552671\",\"+14155552672\"],"
                + "\"textMessage\":{\"text\":\"Your order is ready\"}}");
        phone.awaitEvent("MessageEnqueued", WAIT);
        phone.awaitReported(id, ProcessingState.Delivered, WAIT);

        JsonNode m = message(id);
        assertThat(m.get("state").asText()).isEqualTo("Delivered");
        assertThat(m.get("deviceId").asText()).isEqualTo(phone.registration().id());
        assertThat(m.get("recipients")).hasSize(2).allSatisfy(r ->
                assertThat(r.get("state").asText()).isEqualTo("Delivered"));
        assertThat(m.get("states").fieldNames()).toIterable()
                .contains("Pending", "Processed", "Sent", "Delivered");
        m.get("states").forEach(t -> assertThat(t.asText()).matches(".*T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z"));
        assertThat(phone.syncFailures()).isEmpty();
    }

    @Test
    void aFailedRecipientKeepsItsErrorAndTheOtherIsDelivered() {
        PhoneSimulator phone = signedUp().start();
        phone.failSendTo("+14155552672", "RESULT_ERROR_GENERIC_FAILURE");
        String id = send("{\"phoneNumbers\":[\"+14155552671\",\"+14155552672\"],\"textMessage\":{\"text\":\"x\"}}");
        phone.sync();
        phone.awaitReported(id, ProcessingState.Sent, WAIT);
        phone.drain();

        JsonNode m = message(id);
        assertThat(m.get("state").asText()).isEqualTo("Sent"); // one delivered + one failed, as the app reports
        assertThat(m.get("recipients").get(0).get("state").asText()).isEqualTo("Delivered");
        assertThat(m.get("recipients").get(1).get("state").asText()).isEqualTo("Failed");
        assertThat(m.get("recipients").get(1).get("error").asText())
                .isEqualTo("Send result: RESULT_ERROR_GENERIC_FAILURE");
    }

    @Test
    void anInboundSmsLandsInTheInboxOnceEvenWhenThePhoneRetries() {
        PhoneSimulator phone = signedUp().start();
        Instant at = gw.clock().instant().minusSeconds(30);
        assertThat(phone.receiveSms("+15550001111", "Hi there", at)).containsExactly(204);
        assertThat(phone.receiveSms("+15550001111", "Hi there", at)).containsExactly(204); // retry / refresh

        HttpResult inbox = gw.get("/inbox", TestGateway.adminBasic());
        assertThat(inbox.status()).as(inbox.toString()).isEqualTo(200);
        assertThat(inbox.json()).hasSize(1);
        JsonNode sms = inbox.json().get(0);
        assertThat(sms.get("sender").asText()).isEqualTo("+15550001111");
        assertThat(sms.get("contentPreview").asText()).isEqualTo("Hi there");
        assertThat(sms.get("type").asText()).isEqualTo("SMS");
        assertThat(sms.get("createdAt").asText()).isEqualTo(
                app.smsdesk.gateway.http.WireTime.format(at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
    }

    @Test
    void aWebhookWithAWrongSignatureIsRejectedAndLogged() {
        PhoneSimulator phone = signedUp().start();
        phone.overrideSigningKey("not-the-key");
        assertThat(phone.receiveSms("+15550001111", "forged", gw.clock().instant())).containsExactly(401);

        assertThat(gw.get("/inbox", TestGateway.adminBasic()).json()).isEmpty();
        assertThat(gw.services().events().list(gw.admin(), null, null, 100))
                .anySatisfy(e -> assertThat(e.message()).isEqualTo("webhook rejected: bad signature"));
    }

    @Test
    void anExpiredTtlEndsFailed() {
        PhoneSimulator phone = phone(PhoneSimulator.Config.of(base(),
                new PhoneSimulator.SignUp(TestGateway.PRIVATE_TOKEN)).holding());
        phone.start();
        String id = send("{\"phoneNumbers\":[\"+14155552671\"],\"textMessage\":{\"text\":\"x\"},\"ttl\":60}");
        phone.sync();
        gw.clock().advance(Duration.ofMinutes(2)); // the phone only gets to it after the TTL
        phone.release(id);
        phone.awaitReported(id, ProcessingState.Failed, WAIT);

        JsonNode m = message(id);
        assertThat(m.get("state").asText()).isEqualTo("Failed");
        assertThat(m.get("recipients").get(0).get("error").asText()).isEqualTo("TTL expired");
    }

    @Test
    void twoPhonesOnOneAccountEachGetTheirOwnMessages() {
        PhoneSimulator first = signedUp().start();
        PhoneSimulator second = phone(PhoneSimulator.Config.of(base(),
                new PhoneSimulator.SignIn(TestGateway.ADMIN, TestGateway.PASSWORD))).start();
        assertThat(second.registration().login()).isEqualTo(first.registration().login()).isEqualTo("admin");
        assertThat(second.registration().password()).isNull();

        String id = send("{\"phoneNumbers\":[\"+14155552671\"],\"textMessage\":{\"text\":\"x\"},\"deviceId\":\""
                + second.registration().id() + "\"}");
        second.awaitReported(id, ProcessingState.Delivered, WAIT);
        assertThat(first.sync()).isEmpty();
        assertThat(message(id).get("deviceId").asText()).isEqualTo(second.registration().id());
        assertThat(gw.get("/devices", TestGateway.adminBasic()).json()).hasSize(2);
    }

    @Test
    void aRemovedPhoneGets401AndReRegisters() {
        PhoneSimulator phone = signedUp().start();
        assertThat(phone.awaitStreamAttempt(WAIT)).isEqualTo(200);
        String oldId = phone.registration().id();
        PhoneSimulator.Registration old = phone.registration();
        assertThat(gw.delete("/devices/" + oldId, TestGateway.adminBasic()).status()).isEqualTo(204);

        assertThat(phone.awaitStreamAttempt(WAIT)).isEqualTo(401); // its stream was closed; reconnecting fails
        assertThat(phone.send("GET", "/message", phone.bearer(), null).statusCode()).isEqualTo(401);
        assertThat(phone.updateDevice()).isEqualTo(401);
        phone.closeEvents();
        phone.start(); // the app's next start registers again
        assertThat(phone.registration().id()).isNotEqualTo(oldId);
        assertThat(phone.registration().token()).isNotEqualTo(old.token());
    }

    @Test
    void aCancelReachesThePhoneWhichConfirmsIt() {
        PhoneSimulator phone = phone(PhoneSimulator.Config.of(base(),
                new PhoneSimulator.SignUp(TestGateway.PRIVATE_TOKEN)).holding());
        phone.start();
        // Let the pull that follows the stream's opening finish first: a phone that pulls a message it already
        // holds reports it (as Pending, stored as Processed), and only Pending messages can be cancelled.
        assertThat(phone.awaitStreamAttempt(WAIT)).isEqualTo(200);
        phone.awaitEvent("SettingsUpdated", WAIT);
        phone.drain();
        String id = send("{\"phoneNumbers\":[\"+14155552671\"],\"textMessage\":{\"text\":\"x\"}}");
        phone.awaitEvent("MessageEnqueued", WAIT);
        phone.drain();
        assertThat(phone.message(id)).isPresent();

        HttpResult cancel = gw.delete("/messages/" + id, TestGateway.adminBasic());
        assertThat(cancel.status()).as(cancel.toString()).isEqualTo(200);
        assertThat(cancel.json().get("state").asText()).isEqualTo("Cancelling");
        phone.awaitEvent("MessageCancelled", WAIT);
        phone.awaitReported(id, ProcessingState.Cancelled, WAIT);
        assertThat(message(id).get("state").asText()).isEqualTo("Cancelled");
    }

    @Test
    void aMessageCancelledBeforeThePhoneSawItIsConfirmedOnItsNextPull() {
        PhoneSimulator phone = signedUp();
        phone.register();
        String id = send("{\"phoneNumbers\":[\"+14155552671\"],\"textMessage\":{\"text\":\"x\"}}");
        assertThat(gw.delete("/messages/" + id, TestGateway.adminBasic()).status()).isEqualTo(200);
        assertThat(phone.sync()).singleElement().satisfies(m ->
                assertThat(m.state).isEqualTo(ProcessingState.Cancelling));
        phone.awaitReported(id, ProcessingState.Cancelled, WAIT);
        assertThat(message(id).get("state").asText()).isEqualTo("Cancelled");
    }

    @Test
    void aPhoneThatJoinsByCodeLandsInTheSameAccount() {
        PhoneSimulator first = signedUp();
        first.register();
        HttpResult code = gw.call("GET", gw.mobileApi() + "/user/code", TestGateway.adminBasic(), null);
        assertThat(code.status()).as(code.toString()).isEqualTo(200);
        assertThat(code.json().get("validUntil").asText()).matches(".*\\.\\d{3}Z");
        PhoneSimulator second = phone(PhoneSimulator.Config.of(base(),
                new PhoneSimulator.ByCode(code.json().get("code").asText().toUpperCase())));
        assertThat(second.register().login()).isEqualTo("admin");
        assertThat(second.tryRegister(new PhoneSimulator.ByCode(code.json().get("code").asText())))
                .isEqualTo(401); // single use
        assertThat(gw.services().devices().list(gw.admin())).hasSize(2);
    }
}
