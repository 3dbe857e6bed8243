package app.smsdesk.gateway.http;

import static app.smsdesk.gateway.http.ApiAsserts.assertEmpty;
import static app.smsdesk.gateway.http.ApiAsserts.assertError;
import static app.smsdesk.gateway.http.ApiAsserts.assertJson;
import static app.smsdesk.gateway.http.ApiAsserts.assertWireTime;
import static app.smsdesk.gateway.http.ApiAsserts.fieldNames;
import static app.smsdesk.gateway.http.ApiAsserts.newAccount;
import static app.smsdesk.gateway.http.ApiAsserts.q;
import static app.smsdesk.gateway.http.ApiAsserts.texts;
import static app.smsdesk.gateway.http.ApiAsserts.totalCount;
import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.domain.Device;
import app.smsdesk.gateway.domain.IncomingMessage;
import app.smsdesk.gateway.http.ApiAsserts.Account;
import app.smsdesk.gateway.testing.HttpResult;
import app.smsdesk.gateway.testing.TestGateway;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /inbox}, {@code POST /inbox/refresh} and the deprecated inbox export routes. */
class InboxApiTest {
    @RegisterExtension
    static final TestGateway gw = TestGateway.perClass();
    /** Three SMS and one data SMS, a minute apart, in this order: sms-1, data-1, sms-2, sms-3. */
    static Account reader;
    static Device phone;
    static Instant t0;

    @BeforeAll
    static void start() {
        reader = newAccount(gw);
        phone = gw.services().devices().register(reader.login(), "inbox phone", null, List.of(), null).device();
        t0 = Instant.parse("2026-03-01T10:00:00.250Z");
        record(reader, "sms-1", "SMS", t0, "Hello there");
        record(reader, "data-1", "DATA_SMS", t0.plus(Duration.ofMinutes(1)), "SGVsbG8=");
        record(reader, "sms-2", "SMS", t0.plus(Duration.ofMinutes(2)), "x".repeat(200));
        record(reader, "sms-3", "SMS", t0.plus(Duration.ofMinutes(3)), "Third");
    }

    private static void record(Account a, String id, String type, Instant at, String content) {
        gw.services().inbox().record(a.login(), phone, new IncomingMessage(id, type, phone.id(), "+14155552671",
                "+447911123456", 1, content, at), id);
    }

    @Test
    void theInboxListsNewestFirstWithATotalCount() {
        HttpResult r = gw.get("/inbox", reader.basic());
        JsonNode list = assertJson(r, 200);

        assertThat(texts(list, "id")).containsExactly("sms-3", "sms-2", "data-1", "sms-1");
        assertThat(totalCount(r)).isEqualTo(4);
        JsonNode first = list.get(3);
        assertThat(fieldNames(first)).contains("id", "type", "sender", "recipient", "simNumber", "contentPreview",
                "createdAt");
        assertThat(first.get("type").asText()).isEqualTo("SMS");
        assertThat(first.get("sender").asText()).isEqualTo("+14155552671");
        assertThat(first.get("recipient").asText()).isEqualTo("+447911123456");
        assertThat(first.get("simNumber").asInt()).isEqualTo(1);
        assertThat(first.get("contentPreview").asText()).isEqualTo("Hello there");
        assertWireTime(first.get("createdAt"));
        assertThat(first.get("createdAt").asText()).isEqualTo("2026-03-01T10:00:00.250Z");
        assertThat(list.get(1).get("contentPreview").asText()).hasSizeLessThan(200);
    }

    @Test
    void typeFromAndToFilter() {
        HttpResult data = gw.get("/inbox?type=DATA_SMS", reader.basic());
        assertThat(texts(assertJson(data, 200), "id")).containsExactly("data-1");
        assertThat(totalCount(data)).isEqualTo(1);
        assertThat(totalCount(gw.get("/inbox?type=SMS", reader.basic()))).isEqualTo(3);
        assertThat(gw.get("/inbox?type=MMS", reader.basic()).json()).isEmpty();

        String window = "?from=" + q(t0.plus(Duration.ofMinutes(1))) + "&to=" + q(t0.plus(Duration.ofMinutes(3)));
        assertThat(texts(gw.get("/inbox" + window, reader.basic()).json(), "id")).containsExactly("sms-2", "data-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"type=sms", "type=EMAIL", "limit=0", "limit=501", "limit=-5", "offset=-1",
        "from=yesterday", "to=%2B999999999-12-31T23:59:59Z"})
    void aBadQueryIs400(String query) {
        assertError(gw.get("/inbox?" + query, reader.basic()), 400, query.substring(0, query.indexOf('=')));
    }

    @Test
    void limitGoesUpTo500AndOffsetPages() {
        assertThat(gw.get("/inbox?limit=500", reader.basic()).json()).hasSize(4);
        HttpResult page = gw.get("/inbox?limit=1&offset=1", reader.basic());
        assertThat(texts(page.json(), "id")).containsExactly("sms-2");
        assertThat(totalCount(page)).isEqualTo(4);
    }

    @Test
    void anotherAccountSeesNoneOfTheseMessages() {
        HttpResult r = gw.get("/inbox", newAccount(gw).basic());
        assertThat(r.body()).isEqualTo("[]");
        assertThat(totalCount(r)).isZero();
    }

    @Test
    void refreshIsAcceptedWithAnEmptyBody() {
        String body = "{\"since\":\"2026-03-01T00:00:00Z\",\"until\":\"2026-03-02T00:00:00+01:00\"}";
        assertEmpty(gw.post("/inbox/refresh", reader.basic(), body), 202);

        String full = "{\"since\":\"2026-03-01T00:00:00Z\",\"until\":\"2026-03-01T00:00:00Z\",\"deviceId\":\""
                + phone.id() + "\",\"messageTypes\":[\"SMS\",\"MMS\"],\"webhookDelivery\":\"Batch\"}";
        assertEmpty(gw.post("/inbox/refresh", reader.basic(), full), 202);
        String foreignDevice = body.replace("}", ",\"deviceId\":\"AAAAAAAAAAAAAAAAAAAAA\",\"triggerWebhooks\":true}");
        assertEmpty(gw.post("/inbox/refresh", reader.basic(), foreignDevice), 202);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "since|{\"until\":\"2026-03-02T00:00:00Z\"}",
        "until|{\"since\":\"2026-03-01T00:00:00Z\"}",
        "since|{\"since\":\"2026-03-03T00:00:00Z\",\"until\":\"2026-03-02T00:00:00Z\"}",
        "since|{\"since\":\"2026-03-01\",\"until\":\"2026-03-02T00:00:00Z\"}",
        "messageTypes|{\"since\":\"2026-03-01T00:00:00Z\",\"until\":\"2026-03-02T00:00:00Z\",\"messageTypes\":[]}",
        "messageTypes|{\"since\":\"2026-03-01T00:00:00Z\",\"until\":\"2026-03-02T00:00:00Z\",\"messageTypes\":[\"X\"]}",
        "messageTypes|{\"since\":\"2026-03-01T00:00:00Z\",\"until\":\"2026-03-02T00:00:00Z\",\"messageTypes\":[null]}",
        "since|{\"since\":\"-999999999-01-01T00:00:00Z\",\"until\":\"2026-03-02T00:00:00Z\"}",
        "until|{\"since\":\"2026-03-01T00:00:00Z\",\"until\":\"+999999999-12-31T23:59:59Z\"}",
        "webhookDelivery|{\"since\":\"2026-03-01T00:00:00Z\",\"until\":\"2026-03-02T00:00:00Z\","
            + "\"webhookDelivery\":\"Always\"}",
        "deviceId|{\"since\":\"2026-03-01T00:00:00Z\",\"until\":\"2026-03-02T00:00:00Z\","
            + "\"deviceId\":\"AAAAAAAAAAAAAAAAAAAAAA\"}"})
    void anInvalidRefreshIs400(String fieldAndBody) {
        String field = fieldAndBody.substring(0, fieldAndBody.indexOf('|'));
        String body = fieldAndBody.substring(fieldAndBody.indexOf('|') + 1);
        assertError(gw.post("/inbox/refresh", reader.basic(), body), 400, field);
    }

    @Test
    void refreshWithoutABodyIs400() {
        assertError(gw.post("/inbox/refresh", reader.basic(), null), 400, "body");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/messages/inbox/export", "/message/inbox/export", "/inbox/export"})
    void theDeprecatedExportIsAcceptedWithAnEmptyBodyAndADeprecationHeader(String path) {
        HttpResult r = gw.post(path, reader.basic(), "{\"deviceId\":\"" + phone.id()
                + "\",\"since\":\"2026-03-01T00:00:00Z\",\"until\":\"2026-03-02T00:00:00Z\"}");
        assertEmpty(r, 202);
        assertThat(r.header("Deprecation")).contains("true");
        assertError(gw.post(path, reader.basic(), "{\"since\":\"2026-03-01T00:00:00Z\"}"), 400, "until");
    }
}
