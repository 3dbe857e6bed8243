package app.smsdesk.gateway.http;

import static app.smsdesk.gateway.http.ApiAsserts.assertError;
import static app.smsdesk.gateway.http.ApiAsserts.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.testing.TestGateway;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of the send body (contract §3.3.1): a broken field is a 400 whose message names the field, and
 * nothing is stored. Bodies are templates: {@code $TO} is a valid recipient list, {@code $SOON}/{@code $LATER}
 * are times after the gateway's clock, {@code $PAST} one before it.
 */
class MessageValidationTest {
    private static final String TO = "\"phoneNumbers\":[\"+14155552671\"]";
    private static final String TEXT = "\"textMessage\":{\"text\":\"hi\"}";

    @RegisterExtension
    static final TestGateway gw = TestGateway.perClass();

    static Stream<Arguments> invalidBodies() {
        String longText = "x".repeat(65_536);
        String hundredAndOne = IntStream.rangeClosed(2600, 2700).mapToObj(i -> "\"+1415555" + i + "\"")
                .collect(Collectors.joining(","));
        return Stream.of(
                Arguments.of("no content field", "{$TO}", "textMessage"),
                Arguments.of("text and data", "{$TO,$TEXT,\"dataMessage\":{\"data\":\"SGVsbG8=\",\"port\":1}}",
                        "textMessage, dataMessage"),
                Arguments.of("message and text", "{$TO,$TEXT,\"message\":\"hi\"}", "message, textMessage"),
                Arguments.of("empty text", "{$TO,\"textMessage\":{\"text\":\"\"}}", "textMessage.text"),
                Arguments.of("text missing", "{$TO,\"textMessage\":{}}", "textMessage.text"),
                Arguments.of("text too long", "{$TO,\"textMessage\":{\"text\":\"" + longText + "\"}}",
                        "textMessage.text"),
                Arguments.of("deprecated message empty", "{$TO,\"message\":\"\"}", "message"),
                Arguments.of("data not base64", "{$TO,\"dataMessage\":{\"data\":\"not base64!\",\"port\":9}}",
                        "dataMessage.data"),
                Arguments.of("data too short", "{$TO,\"dataMessage\":{\"data\":\"AA=\",\"port\":9}}",
                        "dataMessage.data"),
                Arguments.of("port 0", "{$TO,\"dataMessage\":{\"data\":\"SGVsbG8=\",\"port\":0}}",
                        "dataMessage.port"),
                Arguments.of("port 65536", "{$TO,\"dataMessage\":{\"data\":\"SGVsbG8=\",\"port\":65536}}",
                        "dataMessage.port"),
                Arguments.of("port missing", "{$TO,\"dataMessage\":{\"data\":\"SGVsbG8=\"}}", "dataMessage.port"),
                Arguments.of("no phoneNumbers", "{$TEXT}", "phoneNumbers"),
                Arguments.of("zero recipients", "{$TEXT,\"phoneNumbers\":[]}", "phoneNumbers"),
                Arguments.of("101 recipients", "{$TEXT,\"phoneNumbers\":[" + hundredAndOne + "]}", "phoneNumbers"),
                Arguments.of("number over 128 chars", "{$TEXT,\"phoneNumbers\":[\"+1" + "5".repeat(128) + "\"]}",
                        "phoneNumbers[0]"),
                Arguments.of("empty number", "{$TEXT,\"phoneNumbers\":[\"+14155552671\",\"\"]}", "phoneNumbers[1]"),
                Arguments.of("invalid number", "{$TEXT,\"phoneNumbers\":[\"+1234567890\"]}", "phoneNumbers[0]"),
                Arguments.of("not a number", "{$TEXT,\"phoneNumbers\":[\"call me\"]}", "phoneNumbers[0]"),
                Arguments.of("fixed-line number", "{$TEXT,\"phoneNumbers\":[\"+49 30 12345678\"]}",
                        "phoneNumbers[0]"),
                Arguments.of("duplicate after normalisation",
                        "{$TEXT,\"phoneNumbers\":[\"+14155552671\",\"+1 415-555-2671\"]}",
                        "phone numbers must be unique"),
                Arguments.of("simNumber 0", "{$TO,$TEXT,\"simNumber\":0}", "simNumber"),
                Arguments.of("simNumber 4", "{$TO,$TEXT,\"simNumber\":4}", "simNumber"),
                Arguments.of("priority -129", "{$TO,$TEXT,\"priority\":-129}", "priority"),
                Arguments.of("priority 128", "{$TO,$TEXT,\"priority\":128}", "priority"),
                Arguments.of("ttl 4", "{$TO,$TEXT,\"ttl\":4}", "ttl"),
                Arguments.of("ttl and validUntil", "{$TO,$TEXT,\"ttl\":60,\"validUntil\":\"$LATER\"}", "ttl"),
                Arguments.of("scheduleAt in the past", "{$TO,$TEXT,\"scheduleAt\":\"$PAST\"}", "scheduleAt"),
                Arguments.of("scheduleAt after validUntil",
                        "{$TO,$TEXT,\"scheduleAt\":\"$LATER\",\"validUntil\":\"$SOON\"}", "scheduleAt"),
                Arguments.of("scheduleAt after now + ttl", "{$TO,$TEXT,\"scheduleAt\":\"$LATER\",\"ttl\":60}",
                        "scheduleAt"),
                Arguments.of("validUntil without zone", "{$TO,$TEXT,\"validUntil\":\"2099-01-01T10:00:00\"}",
                        "validUntil"),
                Arguments.of("scheduleAt not a time", "{$TO,$TEXT,\"scheduleAt\":\"tomorrow\"}", "scheduleAt"),
                Arguments.of("validUntil with a nine-digit year",
                        "{$TO,$TEXT,\"validUntil\":\"+999999999-12-31T23:59:59Z\"}", "validUntil"),
                Arguments.of("validUntil before year 0", "{$TO,$TEXT,\"validUntil\":\"-999999999-01-01T00:00:00Z\"}",
                        "validUntil"),
                Arguments.of("scheduleAt with a five-digit year",
                        "{$TO,$TEXT,\"scheduleAt\":\"+10000-01-01T00:00:00Z\"}", "scheduleAt"),
                Arguments.of("ttl past the year 9999", "{$TO,$TEXT,\"ttl\":9000000000000000}", "ttl"),
                Arguments.of("ttl of the largest long", "{$TO,$TEXT,\"ttl\":9223372036854775807}", "ttl"),
                Arguments.of("ttl beyond a long", "{$TO,$TEXT,\"ttl\":100000000000000000000}", "ttl"),
                Arguments.of("id of 37 chars", "{$TO,$TEXT,\"id\":\"" + "a".repeat(37) + "\"}", "id"),
                Arguments.of("deviceId of 22 chars", "{$TO,$TEXT,\"deviceId\":\"" + "a".repeat(22) + "\"}",
                        "deviceId"),
                Arguments.of("priority as string", "{$TO,$TEXT,\"priority\":\"5\"}", "priority"),
                Arguments.of("priority as fraction", "{$TO,$TEXT,\"priority\":5.5}", "priority"),
                Arguments.of("priority beyond an int", "{$TO,$TEXT,\"priority\":10000000000}", "priority"),
                Arguments.of("ttl as string", "{$TO,$TEXT,\"ttl\":\"60\"}", "ttl"),
                Arguments.of("phoneNumbers as string", "{$TEXT,\"phoneNumbers\":\"x\"}", "phoneNumbers"),
                Arguments.of("phone number as integer", "{$TEXT,\"phoneNumbers\":[14155552671]}", "phoneNumbers"),
                Arguments.of("textMessage as string", "{$TO,\"textMessage\":\"hi\"}", "textMessage"),
                Arguments.of("port as string", "{$TO,\"dataMessage\":{\"data\":\"SGVsbG8=\",\"port\":\"9\"}}",
                        "dataMessage.port"),
                Arguments.of("isEncrypted as string", "{$TO,$TEXT,\"isEncrypted\":\"yes\"}", "isEncrypted"),
                Arguments.of("withDeliveryReport as integer", "{$TO,$TEXT,\"withDeliveryReport\":1}",
                        "withDeliveryReport"),
                Arguments.of("validUntil as number", "{$TO,$TEXT,\"validUntil\":1700000000}", "validUntil"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBodies")
    void anInvalidFieldIs400NamingIt(String rule, String template, String fragment) {
        long before = total();
        assertError(gw.post("/messages", TestGateway.adminBasic(), body(template)), 400, fragment);
        assertThat(total()).as("nothing stored for: %s", rule).isEqualTo(before);
    }

    static Stream<Arguments> boundaryBodies() {
        String maxText = "x".repeat(65_535);
        String hundred = IntStream.rangeClosed(2600, 2699).mapToObj(i -> "\"+1415555" + i + "\"")
                .collect(Collectors.joining(","));
        return Stream.of(
                Arguments.of("text of 65535 chars", "{$TO,\"textMessage\":{\"text\":\"" + maxText + "\"}}"),
                Arguments.of("100 recipients", "{$TEXT,\"phoneNumbers\":[" + hundred + "]}"),
                Arguments.of("port 1", "{$TO,\"dataMessage\":{\"data\":\"SGVsbG8=\",\"port\":1}}"),
                Arguments.of("port 65535", "{$TO,\"dataMessage\":{\"data\":\"SGVsbG8=\",\"port\":65535}}"),
                Arguments.of("simNumber 1", "{$TO,$TEXT,\"simNumber\":1}"),
                Arguments.of("simNumber 3", "{$TO,$TEXT,\"simNumber\":3}"),
                Arguments.of("priority -128", "{$TO,$TEXT,\"priority\":-128}"),
                Arguments.of("priority 127", "{$TO,$TEXT,\"priority\":127}"),
                Arguments.of("ttl 5", "{$TO,$TEXT,\"ttl\":5}"),
                Arguments.of("scheduleAt equal to validUntil", "{$TO,$TEXT,\"scheduleAt\":\"$SOON\","
                        + "\"validUntil\":\"$SOON\"}"),
                Arguments.of("validUntil with an offset", "{$TO,$TEXT,\"validUntil\":\"2099-01-01T10:00:00+02:00\"}"),
                Arguments.of("id of 36 chars", "{$TO,$TEXT,\"id\":\"" + "b".repeat(36) + "\"}"),
                Arguments.of("explicit nulls", "{$TO,$TEXT,\"id\":null,\"deviceId\":null,\"simNumber\":null,"
                        + "\"priority\":null,\"ttl\":null,\"validUntil\":null,\"scheduleAt\":null}"),
                Arguments.of("unknown fields are ignored", "{$TO,$TEXT,\"recipient\":\"x\",\"extra\":{\"a\":1}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("boundaryBodies")
    void aValueAtTheEdgeOfItsRangeIsAccepted(String rule, String template) {
        JsonNode m = assertJson(gw.post("/messages", TestGateway.adminBasic(), body(template)), 202);
        assertThat(m.get("state").asText()).isEqualTo("Pending");
    }

    @Test
    void aScheduleJustAfterTheGatewayClockIsAcceptedAndOneAtItIsNot() {
        Instant now = gw.clock().instant();
        String at = "{$TO,$TEXT,\"scheduleAt\":\"" + WireTime.format(now) + "\"}";
        assertError(gw.post("/messages", TestGateway.adminBasic(), body(at)), 400, "scheduleAt");
        String soon = "{$TO,$TEXT,\"scheduleAt\":\"" + WireTime.format(now.plusSeconds(1)) + "\"}";
        assertJson(gw.post("/messages", TestGateway.adminBasic(), body(soon)), 202);
    }

    @Test
    void aNegativeDeviceActiveWithinIs400() {
        assertError(gw.post("/messages?deviceActiveWithin=-1", TestGateway.adminBasic(), body("{$TO,$TEXT}")), 400,
                "deviceActiveWithin");
        assertError(gw.post("/messages?deviceActiveWithin=soon", TestGateway.adminBasic(), body("{$TO,$TEXT}")),
                400, "deviceActiveWithin");
    }

    @Test
    void aMalformedSkipPhoneValidationIs400() {
        assertError(gw.post("/messages?skipPhoneValidation=maybe", TestGateway.adminBasic(), body("{$TO,$TEXT}")),
                400, "skipPhoneValidation");
    }

    private static String body(String template) {
        Instant now = gw.clock().instant();
        return template.replace("$TO", TO).replace("$TEXT", TEXT)
                .replace("$PAST", WireTime.format(now.minus(Duration.ofMinutes(1))))
                .replace("$SOON", WireTime.format(now.plus(Duration.ofHours(1))))
                .replace("$LATER", WireTime.format(now.plus(Duration.ofHours(2))));
    }

    private static long total() {
        return ApiAsserts.totalCount(gw.get("/messages?limit=1", TestGateway.adminBasic()));
    }
}
