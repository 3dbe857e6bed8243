package app.smsdesk.gateway.security;

import static app.smsdesk.gateway.testing.TestGateway.adminBasic;
import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.testing.RawHttp;
import app.smsdesk.gateway.testing.TestGateway;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * F1: what a browser can send cross-site never changes state. The audit's proposals are taken together: bodies
 * must be {@code application/json} (415 otherwise; a browser cannot send that cross-site without a CORS
 * preflight, which the gateway never grants), a foreign {@code Origin} or {@code Sec-Fetch-Site: cross-site /
 * same-site} is refused on every state-changing request (403, which also covers body-less ones such as DELETE or
 * {@code POST /inbox/refresh}), and the 401 challenge names Bearer only, so browsers never prompt for the
 * password and cache it. Each case is sent raw, the way a browser's form would arrive.
 */
class F1CsrfTest {
    private static final String HOOK = "{\"url\":\"https://attacker.example/c\",\"event\":\"sms:received\","
            + "\"pad\":\"=\"}";
    private static final String SMS = "{\"phoneNumbers\":[\"+14155552671\"],\"textMessage\":{\"text\":\"csrf\"}}";
    @RegisterExtension
    static final TestGateway gw = TestGateway.perClass();

    private static RawHttp.Response send(String method, String path, String headers, String body)
            throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + gw.gateway().port() + "\r\n"
                + "Authorization: " + adminBasic() + "\r\n" + headers + "Content-Length: " + b.length;
        return RawHttp.send(gw.gateway().port(), null, RawHttp.request(head, b), Duration.ofSeconds(10));
    }

    private static boolean attackerHookExists() {
        return gw.get("/webhooks", adminBasic()).body().contains("attacker.example");
    }

    private static long messages() {
        return gw.get("/messages", adminBasic()).json().size();
    }

    @Test
    void csrfSimpleRequestWithForeignOriginRefused() throws IOException {
        RawHttp.Response r = send("POST", "/3rdparty/v1/webhooks", "Content-Type: text/plain\r\n"
                + "Origin: https://attacker.example\r\nSec-Fetch-Site: cross-site\r\n", HOOK);
        assertThat(r.status()).as(r.toString()).isEqualTo(403);
        assertThat(r.body()).contains("cross-site");
        assertThat(attackerHookExists()).isFalse();
    }

    static Stream<Arguments> simpleBodies() {
        return Stream.of(
                Arguments.of("text/plain", "Content-Type: text/plain\r\n"),
                Arguments.of("form", "Content-Type: application/x-www-form-urlencoded\r\n"),
                Arguments.of("multipart", "Content-Type: multipart/form-data; boundary=x\r\n"),
                Arguments.of("no content type", ""),
                Arguments.of("text/plain, charset", "Content-Type: text/plain; charset=UTF-8\r\n"),
                Arguments.of("json-ish text", "Content-Type: text/json\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("simpleBodies")
    void bodiesABrowserCanSendCrossSiteAre415AndChangeNothing(String what, String contentType) throws IOException {
        long before = messages();
        RawHttp.Response hook = send("POST", "/3rdparty/v1/webhooks", contentType, HOOK);
        RawHttp.Response sms = send("POST", "/api/3rdparty/v1/messages", contentType, SMS);
        assertThat(hook.status()).as(hook.toString()).isEqualTo(415);
        assertThat(sms.status()).as(sms.toString()).isEqualTo(415);
        assertThat(hook.body()).contains("\"message\":\"Content-Type: the body must be application/json");
        assertThat(attackerHookExists()).isFalse();
        assertThat(messages()).isEqualTo(before);
    }

    @Test
    void aForeignOriginIsRefusedEvenWithJsonAndWithoutABody() throws IOException {
        assertThat(send("POST", "/3rdparty/v1/webhooks", "Content-Type: application/json\r\n"
                + "Origin: http://attacker.example\r\n", HOOK).status()).isEqualTo(403);
        assertThat(send("POST", "/3rdparty/v1/inbox/refresh", "Origin: null\r\n", "").status()).isEqualTo(403);
        assertThat(send("DELETE", "/3rdparty/v1/webhooks/x", "Sec-Fetch-Site: same-site\r\n", "").status())
                .isEqualTo(403);
        assertThat(attackerHookExists()).isFalse();
    }

    @Test
    void theGatewaysOwnOriginAndJsonWithParametersStillWork() throws IOException {
        String origin = "Origin: http://127.0.0.1:" + gw.gateway().port() + "\r\n";
        RawHttp.Response sameOrigin = send("POST", "/3rdparty/v1/messages", "Content-Type: application/json\r\n"
                + origin + "Sec-Fetch-Site: same-origin\r\n", SMS);
        assertThat(sameOrigin.status()).as(sameOrigin.toString()).isEqualTo(202);
        RawHttp.Response charset = send("POST", "/3rdparty/v1/messages",
                "Content-Type: application/json; charset=utf-8\r\n", SMS);
        assertThat(charset.status()).as("what client-go and Ktor send").isEqualTo(202);
        RawHttp.Response typed = send("POST", "/3rdparty/v1/messages", "Content-Type: Application/JSON\r\n", SMS);
        assertThat(typed.status()).as("media types are case-insensitive").isEqualTo(202);
        assertThat(send("GET", "/3rdparty/v1/messages", "Origin: https://attacker.example\r\n"
                + "Sec-Fetch-Site: cross-site\r\n", "").status()).as("reads change nothing").isEqualTo(200);
    }

    @Test
    void aBodilessDeleteWithoutContentTypeWorksAsTheClientsSendIt() throws IOException {
        String id = gw.post("/webhooks", adminBasic(), TestGateway.json(java.util.Map.of(
                "url", "https://example.com/hook", "event", "sms:sent"))).json().path("id").asText();
        RawHttp.Response r = send("DELETE", "/3rdparty/v1/webhooks/" + id, "", "");
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
    }

    @Test
    void the401NeverAsksTheBrowserForAPassword() throws IOException {
        RawHttp.Response r = RawHttp.send(gw.gateway().port(), null, RawHttp.request(
                "GET /3rdparty/v1/messages HTTP/1.1\r\nHost: 127.0.0.1", new byte[0]), Duration.ofSeconds(10));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"SMSDesk\"").doesNotContainIgnoringCase(
                "basic");
    }

    @Test
    void theAppsJsonRequestsToThePhoneApiStillWork() throws IOException {
        byte[] body = "{\"name\":\"Samsung/SM-A515F\",\"pushToken\":null}".getBytes(StandardCharsets.UTF_8);
        RawHttp.Response r = RawHttp.send(gw.gateway().port(), null, RawHttp.request("POST /api/mobile/v1/device "
                + "HTTP/1.1\r\nHost: 127.0.0.1:" + gw.gateway().port() + "\r\nAuthorization: Bearer "
                + TestGateway.PRIVATE_TOKEN + "\r\nContent-Type: application/json; charset=UTF-8\r\n"
                + "User-Agent: me.capcom.smsgateway/1.68.0\r\nContent-Length: " + body.length, body),
                Duration.ofSeconds(10));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }
}
