package app.smsdesk.gateway.http;

import static app.smsdesk.gateway.http.ApiAsserts.assertError;
import static app.smsdesk.gateway.http.ApiAsserts.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.testing.HttpResult;
import app.smsdesk.gateway.testing.TestGateway;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Failures outside any one endpoint's rules: unknown routes, wrong methods, unreadable or missing bodies, and
 * oversized uploads. Each is a JSON {@code {"message": ...}} with the right status, never a 500.
 */
class ErrorHandlingTest {
    private static final String ADMIN = TestGateway.adminBasic();
    /** Endpoints that need a JSON body: method and path. */
    private static final List<String[]> BODY_ENDPOINTS = List.of(
            new String[] {"POST", "/messages"}, new String[] {"POST", "/message"},
            new String[] {"POST", "/webhooks"}, new String[] {"PATCH", "/settings"},
            new String[] {"PUT", "/settings"}, new String[] {"POST", "/inbox/refresh"},
            new String[] {"POST", "/messages/inbox/export"}, new String[] {"POST", "/inbox/export"});

    @RegisterExtension
    static final TestGateway gw = TestGateway.perClass();

    @ParameterizedTest
    @ValueSource(strings = {"/nope", "/messages/a/b", "/webhooks/x/y", "/devices/x/messages", "/auth",
        "//api/3rdparty/v1/nope", "//api/3rdparty/v1", "//3rdparty/v2/messages", "//api/mobile/v2/device",
        "//favicon.ico"})
    void anUnknownRouteIs404(String path) {
        assertError(gw.get(path, ADMIN), 404, "Not Found");
    }

    @Test
    void anUnknownRouteWithoutCredentialsIsRefusedAsJson() {
        HttpResult r = gw.get("/nope", null);
        assertError(r, 401, "Unauthorized");
        assertThat(r.header("WWW-Authenticate")).isPresent();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "PUT,    /messages,          'POST,GET'",
        "PATCH,  /messages/abc,      'GET,DELETE'",
        "PUT,    /message/abc,       'GET,DELETE'",
        "POST,   /devices,           GET",
        "GET,    /devices/abc,       DELETE",
        "DELETE, /settings,          'GET,PATCH,PUT'",
        "POST,   /settings,          'GET,PATCH,PUT'",
        "PUT,    /webhooks,          'GET,POST'",
        "GET,    /webhooks/abc,      DELETE",
        "GET,    /inbox/refresh,     POST",
        "POST,   /inbox,             GET",
        "DELETE, /logs,              GET",
        "POST,   /health,            GET",
        "DELETE, //health/live,      GET",
        "POST,   //api/3rdparty/v1/health/ready, GET"})
    void aKnownPathWithTheWrongMethodIs405ListingTheAllowedOnes(String method, String path, String allowed) {
        HttpResult r = gw.call(method, path, ADMIN, null);
        assertError(r, 405, method);
        List<String> allow = Arrays.stream(r.header("Allow").orElseThrow().split(",")).map(String::strip).toList();
        assertThat(allow).containsExactlyInAnyOrder(allowed.split(","));
    }

    static Stream<Arguments> unreadableBodies() {
        List<String> bodies = List.of("{", "{\"since\":}", "not json", "{} {}", "{\"url\":\"a\",\"url\":\"b\"}",
                "[]", "\"text\"", "42", "null", "[{\"a\":1}]", "{\"a\":".repeat(1500) + "1" + "}".repeat(1500));
        return BODY_ENDPOINTS.stream().flatMap(e -> bodies.stream().map(b -> Arguments.of(e[0], e[1], b)));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("unreadableBodies")
    void aBodyThatIsNotAJsonObjectIs400(String method, String path, String body) {
        assertError(gw.call(method, path, ADMIN, body), 400);
    }

    static Stream<Arguments> bodyEndpoints() {
        return BODY_ENDPOINTS.stream().map(e -> Arguments.of(e[0], e[1]));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("bodyEndpoints")
    void aMissingBodyIs400(String method, String path) {
        assertError(gw.call(method, path, ADMIN, null), 400, "body");
        assertError(gw.call(method, path, ADMIN, ""), 400, "body");
        assertError(gw.call(method, path, ADMIN, "  \n"), 400);
    }

    @Test
    void malformedJsonSaysSo() {
        assertError(gw.post("/messages", ADMIN, "{\"phoneNumbers\":["), 400, "malformed JSON");
    }

    @Test
    void aBodyOfExactlyOneMebibyteIsRead() {
        String head = "{\"phoneNumbers\":[\"+14155552671\"],\"textMessage\":{\"text\":\"";
        String tail = "\"}}";
        String body = head + "x".repeat(ApiExchange.MAX_BODY_BYTES - head.length() - tail.length()) + tail;
        assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(ApiExchange.MAX_BODY_BYTES);

        assertError(gw.post("/messages", ADMIN, body), 400, "textMessage.text"); // read and validated, not refused
    }

    @Test
    void aBodyOverOneMebibyteIs413WithoutHangingAndTheServerStaysUsable() throws Exception {
        byte[] big = oversized();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest sized = request("/messages").POST(HttpRequest.BodyPublishers.ofByteArray(big)).build();

        HttpResponse<String> r = client.send(sized, HttpResponse.BodyHandlers.ofString());
        assertError(new HttpResult(r.statusCode(), r), 413, "1 MiB");

        assertJson(gw.get("/messages?limit=1", ADMIN), 200);
    }

    @Test
    void aChunkedBodyOverOneMebibyteIs413() throws Exception {
        byte[] big = oversized();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest chunked = request("/webhooks")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();

        HttpResponse<String> r = client.send(chunked, HttpResponse.BodyHandlers.ofString());
        assertError(new HttpResult(r.statusCode(), r), 413);

        assertJson(gw.get("/webhooks", ADMIN), 200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/messages/%2F", "/messages/%C3%A9t%C3%A9", "/messages/..", "/messages/%20"})
    void oddMessageIdsAreNotFound(String path) {
        assertError(gw.get(path, ADMIN), 404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/messages?limit=", "/messages?limit=1&limit=2", "/messages?from=", "/messages?state=",
        "/messages?includeContent=", "/messages?unknown=1"})
    void emptyRepeatedOrUnknownQueryParametersAreHarmless(String path) {
        assertJson(gw.get(path, ADMIN), 200);
    }

    private static byte[] oversized() {
        String head = "{\"phoneNumbers\":[\"+14155552671\"],\"textMessage\":{\"text\":\"";
        return (head + "y".repeat(ApiExchange.MAX_BODY_BYTES + 1 - head.length()) + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(gw.api() + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", ADMIN).header("Content-Type", "application/json");
    }
}
