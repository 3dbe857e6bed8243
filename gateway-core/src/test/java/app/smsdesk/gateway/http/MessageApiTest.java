package app.smsdesk.gateway.http;

import static app.smsdesk.gateway.http.ApiAsserts.assertError;
import static app.smsdesk.gateway.http.ApiAsserts.assertJson;
import static app.smsdesk.gateway.http.ApiAsserts.assertWireTime;
import static app.smsdesk.gateway.http.ApiAsserts.fieldNames;
import static app.smsdesk.gateway.http.ApiAsserts.newAccount;
import static app.smsdesk.gateway.http.ApiAsserts.texts;
import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.domain.Device;
import app.smsdesk.gateway.http.ApiAsserts.Account;
import app.smsdesk.gateway.testing.HttpResult;
import app.smsdesk.gateway.testing.TestGateway;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST/GET/DELETE /messages[/{id}]} and the legacy {@code /message} alias, over real HTTP. */
class MessageApiTest {
    @RegisterExtension
    static final TestGateway gw = TestGateway.perClass();

    static String text(String text, String... numbers) {
        return TestGateway.json(Map.of("textMessage", Map.of("text", text), "phoneNumbers", List.of(numbers)));
    }

    private static Device phone(Account a) {
        return gw.services().devices().register(a.login(), "Google/Pixel 8", null, List.of(), "1.40.0").device();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/3rdparty/v1", "/api/3rdparty/v1"})
    void sendAnswers202WithTheMessageStateAndALocationThatReadsItBack(String prefix) {
        Account a = newAccount(gw);
        HttpResult r = gw.post(gw.baseUrl() + prefix + "/messages", a.basic(), text("Hello", "+14155552671"));

        JsonNode m = assertJson(r, 202);
        assertThat(fieldNames(m)).containsExactlyInAnyOrder("id", "state", "isHashed", "isEncrypted", "recipients",
                "states", "textMessage"); // no phone paired yet: no deviceId
        assertThat(m.get("id").asText()).matches("[A-Za-z0-9_-]{21}");
        assertThat(m.get("state").asText()).isEqualTo("Pending");
        assertThat(m.get("isHashed").isBoolean()).isTrue();
        assertThat(m.get("isHashed").asBoolean()).isFalse();
        assertThat(m.get("isEncrypted").asBoolean()).isFalse();
        assertThat(m.get("recipients")).hasSize(1);
        JsonNode recipient = m.get("recipients").get(0);
        assertThat(fieldNames(recipient)).containsExactlyInAnyOrder("phoneNumber", "state");
        assertThat(recipient.get("phoneNumber").asText()).isEqualTo("+14155552671");
        assertThat(recipient.get("state").asText()).isEqualTo("Pending");
        assertThat(fieldNames(m.get("states"))).containsExactly("Pending");
        assertWireTime(m.get("states").get("Pending"));
        assertThat(m.get("textMessage").get("text").asText()).isEqualTo("Hello");

        String location = r.header("Location").orElseThrow();
        assertThat(location).isEqualTo(prefix + "/messages/" + m.get("id").asText());
        JsonNode read = assertJson(gw.get(gw.baseUrl() + location, a.basic()), 200);
        assertThat(read).isEqualTo(m);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/3rdparty/v1", "/api/3rdparty/v1"})
    void listAndCancelWorkUnderEitherPrefix(String prefix) {
        Account a = newAccount(gw);
        String id = gw.post(gw.baseUrl() + prefix + "/messages", a.basic(), text("x", "+447911123456"))
                .json().get("id").asText();

        HttpResult list = gw.get(gw.baseUrl() + prefix + "/messages", a.basic());
        assertThat(texts(assertJson(list, 200), "id")).containsExactly(id);
        assertThat(list.header("X-Total-Count")).contains("1");
        HttpResult cancel = gw.delete(gw.baseUrl() + prefix + "/messages/" + id, a.basic());
        assertThat(assertJson(cancel, 200).get("state").asText()).isEqualTo("Cancelling");
    }

    @Test
    void withARegisteredPhoneAndNoDeviceIdTheMessageIsAssignedToThePhone() {
        Account a = newAccount(gw);
        Device phone = phone(a);

        JsonNode m = assertJson(gw.post("/messages", a.basic(), text("hi", "+4915112345678")), 202);

        assertThat(m.get("deviceId").asText()).isEqualTo(phone.id());
        assertThat(gw.get("/messages/" + m.get("id").asText(), a.basic()).json().get("deviceId").asText())
                .isEqualTo(phone.id());
    }

    @Test
    void anExplicitDeviceIdChoosesThatPhone() {
        Account a = newAccount(gw);
        phone(a);
        Device second = phone(a);
        String body = TestGateway.json(Map.of("deviceId", second.id(), "textMessage", Map.of("text", "x"),
                "phoneNumbers", List.of("+14155552671")));

        assertThat(assertJson(gw.post("/messages", a.basic(), body), 202).get("deviceId").asText())
                .isEqualTo(second.id());
    }

    @Test
    void aDeviceIdOfAnotherAccountOrUnknownIs400() {
        Account owner = newAccount(gw);
        Device foreign = phone(owner);
        Account caller = newAccount(gw);
        phone(caller);

        for (String deviceId : List.of(foreign.id(), "AAAAAAAAAAAAAAAAAAAAA", "x")) {
            String body = TestGateway.json(Map.of("deviceId", deviceId, "textMessage", Map.of("text", "x"),
                    "phoneNumbers", List.of("+14155552671")));
            assertError(gw.post("/messages", caller.basic(), body), 400, "deviceId");
        }
        assertThat(gw.get("/messages", caller.basic()).json()).isEmpty();
    }

    @Test
    void dataMessagesAreEchoed() {
        Account a = newAccount(gw);
        String body = TestGateway.json(Map.of("dataMessage", Map.of("data", "SGVsbG8=", "port", 53739),
                "phoneNumbers", List.of("+14155552671")));

        JsonNode m = assertJson(gw.post("/messages", a.basic(), body), 202);

        assertThat(m.has("textMessage")).isFalse();
        assertThat(m.get("dataMessage").get("data").asText()).isEqualTo("SGVsbG8=");
        assertThat(m.get("dataMessage").get("port").asInt()).isEqualTo(53739);
    }

    @Test
    void theDeprecatedMessageFieldIsAcceptedAsText() {
        String body = TestGateway.json(Map.of("message", "old style", "phoneNumbers", List.of("+14155552671")));
        JsonNode m = assertJson(gw.post("/messages", TestGateway.adminBasic(), body), 202);
        assertThat(m.get("textMessage").get("text").asText()).isEqualTo("old style");
    }

    @Test
    void numbersAreNormalisedToE164() {
        JsonNode m = assertJson(gw.post("/messages", TestGateway.adminBasic(),
                text("x", "+1 415-555-2671", "+44 7911 123456", "+49 (151) 1234-5678")), 202);
        assertThat(texts(m.get("recipients"), "phoneNumber"))
                .containsExactly("+14155552671", "+447911123456", "+4915112345678");
    }

    @Test
    void nationalNumbersAreReadInTheConfiguredDefaultRegion() {
        String region = gw.services().gatewaySettings().get().defaultRegion();
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        PhoneNumber example = util.getExampleNumberForType(region, PhoneNumberType.MOBILE);
        if (example == null) {
            example = util.getExampleNumberForType(region, PhoneNumberType.FIXED_LINE_OR_MOBILE);
        }
        assertThat(example).as("a mobile example number for region %s", region).isNotNull();
        String national = util.format(example, PhoneNumberFormat.NATIONAL);

        JsonNode m = assertJson(gw.post("/messages", TestGateway.adminBasic(), text("x", national)), 202);

        assertThat(m.get("recipients").get(0).get("phoneNumber").asText())
                .isEqualTo(util.format(example, PhoneNumberFormat.E164));
    }

    @Test
    void skipPhoneValidationKeepsNumbersAsGiven() {
        HttpResult refused = gw.post("/messages", TestGateway.adminBasic(), text("x", "+1234567890"));
        assertError(refused, 400, "phoneNumbers[0]");

        JsonNode m = assertJson(gw.post("/messages?skipPhoneValidation=true", TestGateway.adminBasic(),
                text("x", "+1234567890", "12345")), 202);
        assertThat(texts(m.get("recipients"), "phoneNumber")).containsExactly("+1234567890", "12345");
    }

    @Test
    void encryptedMessagesSkipNumberParsing() {
        String cipher = "$aes-256-cbc/pbkdf2-sha1$i=75000$c2FsdA==$Y2lwaGVy";
        String body = TestGateway.json(Map.of("isEncrypted", true, "textMessage", Map.of("text", cipher),
                "phoneNumbers", List.of(cipher)));

        JsonNode m = assertJson(gw.post("/messages", TestGateway.adminBasic(), body), 202);

        assertThat(m.get("isEncrypted").asBoolean()).isTrue();
        assertThat(m.get("recipients").get(0).get("phoneNumber").asText()).isEqualTo(cipher);
        assertThat(m.get("textMessage").get("text").asText()).isEqualTo(cipher);
    }

    @Test
    void numbersThatAreEqualAfterNormalisationAreRefused() {
        HttpResult r = gw.post("/messages", TestGateway.adminBasic(), text("x", "+14155552671", "+1 415-555-2671"));
        assertError(r, 400, "phone numbers must be unique");
    }

    @Test
    void aClientIdIsKeptAndADuplicateIs409() {
        Account a = newAccount(gw);
        String body = TestGateway.json(Map.of("id", "order-42", "textMessage", Map.of("text", "first"),
                "phoneNumbers", List.of("+14155552671")));
        assertThat(assertJson(gw.post("/messages", a.basic(), body), 202).get("id").asText()).isEqualTo("order-42");

        String again = body.replace("first", "second");
        assertError(gw.post("/messages", a.basic(), again), 409, "message with the same ID already exists");
        assertThat(gw.get("/messages/order-42", a.basic()).json().get("textMessage").get("text").asText())
                .isEqualTo("first");

        Account other = newAccount(gw); // ids are per account
        assertJson(gw.post("/messages", other.basic(), again), 202);
    }

    @Test
    void deviceActiveWithinChoosesAmongRecentlySeenPhones() {
        Account a = newAccount(gw);
        phone(a);
        assertError(gw.post("/messages?deviceActiveWithin=-1", a.basic(), text("x", "+14155552671")), 400,
                "deviceActiveWithin");
        assertJson(gw.post("/messages?deviceActiveWithin=1", a.basic(), text("x", "+14155552671")), 202);

        gw.clock().advance(Duration.ofHours(3));

        assertError(gw.post("/messages?deviceActiveWithin=1", a.basic(), text("x", "+14155552671")), 400,
                "deviceActiveWithin");
        assertJson(gw.post("/messages?deviceActiveWithin=4", a.basic(), text("x", "+14155552671")), 202);
        assertJson(gw.post("/messages?deviceActiveWithin=0", a.basic(), text("x", "+14155552671")), 202);
    }

    @Test
    void getReturnsTheContentAnd404sForUnknownOrForeignIds() {
        Account owner = newAccount(gw);
        String id = gw.post("/messages", owner.basic(), text("secret", "+14155552671")).json().get("id").asText();

        JsonNode m = assertJson(gw.get("/messages/" + id, owner.basic()), 200);
        assertThat(m.get("textMessage").get("text").asText()).isEqualTo("secret");
        assertThat(m.get("recipients").get(0).get("phoneNumber").asText()).isEqualTo("+14155552671");

        assertError(gw.get("/messages/no-such-id", owner.basic()), 404, "message not found");
        Account stranger = newAccount(gw);
        assertError(gw.get("/messages/" + id, stranger.basic()), 404, "message not found");
        assertError(gw.delete("/messages/" + id, stranger.basic()), 404, "message not found");
    }

    @Test
    void cancelMovesAPendingMessageToCancellingOnce() {
        Account a = newAccount(gw);
        JsonNode sent = gw.post("/messages", a.basic(), text("x", "+14155552671")).json();
        String id = sent.get("id").asText();

        JsonNode cancelled = assertJson(gw.delete("/messages/" + id, a.basic()), 200);
        assertThat(cancelled.get("id").asText()).isEqualTo(id);
        assertThat(cancelled.get("state").asText()).isEqualTo("Cancelling");
        assertThat(cancelled.get("recipients")).isEqualTo(sent.get("recipients")); // unchanged until the phone reports
        assertThat(cancelled.get("states")).isEqualTo(sent.get("states"));
        assertThat(gw.get("/messages/" + id, a.basic()).json().get("state").asText()).isEqualTo("Cancelling");

        assertError(gw.delete("/messages/" + id, a.basic()), 409, "not pending");
        assertError(gw.delete("/messages/unknown-id", a.basic()), 404, "message not found");
    }

    @Test
    void theLegacyMessageAliasCarriesEveryMessageRoute() {
        Account a = newAccount(gw);
        HttpResult sent = gw.post("/message?skipPhoneValidation=false", a.basic(), text("legacy", "+14155552671"));
        String id = assertJson(sent, 202).get("id").asText();

        assertThat(texts(assertJson(gw.get("/message", a.basic()), 200), "id")).containsExactly(id);
        assertThat(assertJson(gw.get("/message/" + id, a.basic()), 200).get("textMessage").get("text").asText())
                .isEqualTo("legacy");
        assertThat(assertJson(gw.delete("/message/" + id, a.basic()), 200).get("state").asText())
                .isEqualTo("Cancelling");
        assertError(gw.get("/message/" + id + "x", a.basic()), 404, "message not found");
    }
}
