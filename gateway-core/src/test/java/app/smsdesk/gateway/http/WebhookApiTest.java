package app.smsdesk.gateway.http;

import static app.smsdesk.gateway.http.ApiAsserts.assertEmpty;
import static app.smsdesk.gateway.http.ApiAsserts.assertError;
import static app.smsdesk.gateway.http.ApiAsserts.assertJson;
import static app.smsdesk.gateway.http.ApiAsserts.fieldNames;
import static app.smsdesk.gateway.http.ApiAsserts.newAccount;
import static app.smsdesk.gateway.http.ApiAsserts.texts;
import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.domain.Device;
import app.smsdesk.gateway.domain.Webhook;
import app.smsdesk.gateway.http.ApiAsserts.Account;
import app.smsdesk.gateway.testing.HttpResult;
import app.smsdesk.gateway.testing.TestGateway;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code GET/POST /webhooks} and {@code DELETE /webhooks/{id}}: the registry the phones deliver from. */
class WebhookApiTest {
    @RegisterExtension
    static final TestGateway gw = TestGateway.perClass();

    private static String hook(String id, String deviceId, String url, String event) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (id != null) {
            body.put("id", id);
        }
        if (deviceId != null) {
            body.put("deviceId", deviceId);
        }
        body.put("url", url);
        body.put("event", event);
        return TestGateway.json(body);
    }

    @Test
    void createEchoesTheWebhookWithAGeneratedIdAndANullDeviceId() {
        Account a = newAccount(gw);
        HttpResult r = gw.post("/webhooks", a.basic(), hook(null, null, "https://example.com/in", "sms:received"));

        JsonNode w = assertJson(r, 201);
        assertThat(fieldNames(w)).containsExactlyInAnyOrder("id", "deviceId", "url", "event");
        assertThat(w.get("id").asText()).matches("[A-Za-z0-9_-]{21}");
        assertThat(w.get("deviceId").isNull()).as("deviceId present as null: %s", r.body()).isTrue();
        assertThat(w.get("url").asText()).isEqualTo("https://example.com/in");
        assertThat(w.get("event").asText()).isEqualTo("sms:received");

        JsonNode list = assertJson(gw.get("/webhooks", a.basic()), 200);
        assertThat(list).hasSize(1);
        assertThat(list.get(0)).isEqualTo(w);
    }

    @Test
    void anEmptyIdIsGenerated() {
        Account a = newAccount(gw);
        JsonNode w = assertJson(gw.post("/webhooks", a.basic(), hook("", null, "https://x.test/", "sms:sent")), 201);
        assertThat(w.get("id").asText()).hasSize(21);
    }

    @Test
    void postingAnExistingIdReplacesTheWebhook() {
        Account a = newAccount(gw);
        assertJson(gw.post("/webhooks", a.basic(), hook("main", null, "https://old.example/h", "sms:sent")), 201);
        assertJson(gw.post("/webhooks", a.basic(), hook("other", null, "https://x.example/h", "sms:failed")), 201);

        JsonNode replaced = assertJson(gw.post("/webhooks", a.basic(),
                hook("main", null, "https://new.example/h", "sms:delivered")), 201);
        assertThat(replaced.get("id").asText()).isEqualTo("main");

        JsonNode list = gw.get("/webhooks", a.basic()).json();
        assertThat(texts(list, "id")).containsExactlyInAnyOrder("main", "other");
        JsonNode main = list.get(0).get("id").asText().equals("main") ? list.get(0) : list.get(1);
        assertThat(main.get("url").asText()).isEqualTo("https://new.example/h");
        assertThat(main.get("event").asText()).isEqualTo("sms:delivered");
    }

    @Test
    void aWebhookCanBeScopedToOneOfTheCallersPhones() {
        Account a = newAccount(gw);
        Device phone = gw.services().devices().register(a.login(), "p", null, List.of(), null).device();

        JsonNode w = assertJson(gw.post("/webhooks", a.basic(),
                hook(null, phone.id(), "https://example.com/p", "sms:received")), 201);

        assertThat(w.get("deviceId").asText()).isEqualTo(phone.id());
        assertThat(gw.get("/webhooks", a.basic()).json().get(0).get("deviceId").asText()).isEqualTo(phone.id());
    }

    @Test
    void anUnknownOrForeignDeviceIdIs400() {
        Account owner = newAccount(gw);
        Device foreign = gw.services().devices().register(owner.login(), "p", null, List.of(), null).device();
        Account caller = newAccount(gw);

        for (String deviceId : List.of(foreign.id(), "AAAAAAAAAAAAAAAAAAAAA")) {
            assertError(gw.post("/webhooks", caller.basic(), hook(null, deviceId, "https://e.com/", "sms:sent")), 400,
                    "deviceId", deviceId);
        }
        assertThat(gw.get("/webhooks", caller.basic()).json()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "http URL            | http://example.com/hook   | sms:received | url",
        "no URL              | NULL                      | sms:received | url",
        "blank URL           | '  '                      | sms:received | url",
        "no host             | https://                  | sms:received | url",
        "not a URL           | https://exa mple.com/     | sms:received | url",
        "ftp URL             | ftp://example.com/        | sms:received | url",
        "unknown event       | https://example.com/hook  | sms:read     | event",
        "no event            | https://example.com/hook  | NULL         | event",
        "event in uppercase  | https://example.com/hook  | SMS:RECEIVED | event"})
    void anInvalidWebhookIs400(String rule, String url, String event, String field) {
        Account a = newAccount(gw);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url);
        body.put("event", event);
        assertError(gw.post("/webhooks", a.basic(), TestGateway.json(body)), 400, field);
        assertThat(gw.get("/webhooks", a.basic()).json()).as(rule).isEmpty();
    }

    @Test
    void anIdLongerThan36CharactersIs400() {
        assertError(gw.post("/webhooks", TestGateway.adminBasic(),
                hook("x".repeat(37), null, "https://example.com/", "sms:sent")), 400, "id");
    }

    @Test
    void everyEventOfTheContractIsAccepted() {
        Account a = newAccount(gw);
        for (String event : Webhook.EVENTS) {
            assertJson(gw.post("/webhooks", a.basic(), hook(null, null, "HTTPS://example.com/" + event, event)), 201);
        }
        assertThat(texts(gw.get("/webhooks", a.basic()).json(), "event"))
                .containsExactlyInAnyOrderElementsOf(Webhook.EVENTS).hasSize(14);
    }

    @Test
    void deleteIs204EvenForUnknownIds() {
        Account a = newAccount(gw);
        String id = gw.post("/webhooks", a.basic(), hook(null, null, "https://e.com/", "sms:sent")).json()
                .get("id").asText();

        assertEmpty(gw.delete("/webhooks/" + id, a.basic()), 204);
        assertThat(gw.get("/webhooks", a.basic()).body()).isEqualTo("[]");
        assertEmpty(gw.delete("/webhooks/" + id, a.basic()), 204);
        assertEmpty(gw.delete("/webhooks/never-existed", a.basic()), 204);
    }

    @Test
    void accountsSeeAndDeleteOnlyTheirOwnWebhooks() {
        Account owner = newAccount(gw);
        Account stranger = newAccount(gw);
        assertJson(gw.post("/webhooks", owner.basic(), hook("shared-id", null, "https://o.com/", "sms:sent")), 201);
        assertJson(gw.post("/webhooks", stranger.basic(), hook("shared-id", null, "https://s.com/", "sms:sent")),
                201);

        assertEmpty(gw.delete("/webhooks/shared-id", stranger.basic()), 204);

        JsonNode owners = gw.get("/webhooks", owner.basic()).json();
        assertThat(texts(owners, "url")).containsExactly("https://o.com/");
        assertThat(gw.get("/webhooks", stranger.basic()).json()).isEmpty();
    }
}
