package app.smsdesk.gateway.http;

import static app.smsdesk.gateway.http.ApiAsserts.assertEmpty;
import static app.smsdesk.gateway.http.ApiAsserts.assertError;
import static app.smsdesk.gateway.http.ApiAsserts.assertJson;
import static app.smsdesk.gateway.http.ApiAsserts.assertWireTime;
import static app.smsdesk.gateway.http.ApiAsserts.fieldNames;
import static app.smsdesk.gateway.http.ApiAsserts.newAccount;
import static app.smsdesk.gateway.http.ApiAsserts.texts;
import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.domain.Device;
import app.smsdesk.gateway.domain.SimCard;
import app.smsdesk.gateway.http.ApiAsserts.Account;
import app.smsdesk.gateway.service.SendRequest;
import app.smsdesk.gateway.testing.TestGateway;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /devices}, {@code DELETE /devices/{id}} and the legacy {@code /device} alias. */
class DeviceApiTest {
    @RegisterExtension
    static final TestGateway gw = TestGateway.perClass();

    private static Device register(Account a, String name, List<SimCard> sims) {
        return gw.services().devices().register(a.login(), name, null, sims, "1.40.0").device();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/devices", "/device"})
    void theListShowsEveryPhoneOfTheAccountInTheDeviceShape(String path) {
        Account a = newAccount(gw);
        Device plain = register(a, "Google/Pixel 8", List.of());
        Device dual = register(a, "Samsung/S24", List.of(new SimCard(0, 1, "***1234", "Vodafone", null),
                new SimCard(1, 2, null, null, null)));
        register(newAccount(gw), "someone else's", List.of());

        JsonNode list = assertJson(gw.get(path, a.basic()), 200);

        assertThat(texts(list, "id")).containsExactlyInAnyOrder(plain.id(), dual.id());
        JsonNode p = byId(list, plain.id());
        assertThat(fieldNames(p)).containsExactlyInAnyOrder("id", "name", "createdAt", "updatedAt", "lastSeen");
        assertThat(p.get("name").asText()).isEqualTo("Google/Pixel 8");
        for (String time : List.of("createdAt", "updatedAt", "lastSeen")) {
            assertWireTime(p.get(time));
        }
        JsonNode d = byId(list, dual.id());
        assertThat(fieldNames(d)).contains("simCards");
        assertThat(d.get("simCards")).hasSize(2);
        JsonNode first = d.get("simCards").get(0);
        assertThat(fieldNames(first)).containsExactlyInAnyOrder("slotIndex", "simNumber", "phoneNumber", "carrierName");
        assertThat(first.get("slotIndex").asInt()).isZero();
        assertThat(first.get("simNumber").asInt()).isEqualTo(1);
        assertThat(first.get("phoneNumber").asText()).isEqualTo("***1234");
        assertThat(fieldNames(d.get("simCards").get(1))).containsExactlyInAnyOrder("slotIndex", "simNumber");
    }

    @Test
    void aPhoneWithoutANameListsAnEmptyName() {
        Account a = newAccount(gw);
        register(a, null, null);
        JsonNode only = assertJson(gw.get("/devices", a.basic()), 200).get(0);
        assertThat(only.get("name").isTextual()).isTrue();
        assertThat(only.get("name").asText()).isEmpty();
    }

    @Test
    void anAccountWithoutPhonesGetsAnEmptyArray() {
        Account a = newAccount(gw);
        assertThat(gw.get("/devices", a.basic()).body()).isEqualTo("[]");
    }

    @Test
    void deleteRemovesThePhoneWithItsMessagesAndWebhooks() {
        Account a = newAccount(gw);
        Device gone = register(a, "old phone", List.of());
        String messageId = gw.services().messages().send(a.principal(),
                SendRequest.text("queued", List.of("+14155552671"))).id();
        gw.post("/webhooks", a.basic(), TestGateway.json(Map.of("id", "scoped", "deviceId", gone.id(),
                "url", "https://example.com/hook", "event", "sms:received")));
        Device kept = register(a, "new phone", List.of());

        assertEmpty(gw.delete("/devices/" + gone.id(), a.basic()), 204);

        assertThat(texts(gw.get("/devices", a.basic()).json(), "id")).containsExactly(kept.id());
        assertError(gw.get("/messages/" + messageId, a.basic()), 404, "message not found");
        assertThat(gw.get("/messages", a.basic()).json()).isEmpty();
        assertThat(gw.get("/webhooks", a.basic()).json()).isEmpty();
    }

    @Test
    void deletingAnUnknownOrForeignPhoneIs204AndChangesNothing() {
        Account owner = newAccount(gw);
        Device phone = register(owner, "mine", List.of());
        Account stranger = newAccount(gw);

        assertEmpty(gw.delete("/devices/" + phone.id(), stranger.basic()), 204);
        assertEmpty(gw.delete("/devices/AAAAAAAAAAAAAAAAAAAAA", owner.basic()), 204);

        assertThat(texts(gw.get("/devices", owner.basic()).json(), "id")).containsExactly(phone.id());
    }

    @Test
    void theLegacyDeviceAliasDeletes() {
        Account a = newAccount(gw);
        Device phone = register(a, "legacy", List.of());
        assertEmpty(gw.delete("/device/" + phone.id(), a.basic()), 204);
        assertThat(gw.get("/device", a.basic()).json()).isEmpty();
    }

    private static JsonNode byId(JsonNode list, String id) {
        for (JsonNode n : list) {
            if (n.get("id").asText().equals(id)) {
                return n;
            }
        }
        throw new AssertionError("no device " + id + " in " + list);
    }
}
