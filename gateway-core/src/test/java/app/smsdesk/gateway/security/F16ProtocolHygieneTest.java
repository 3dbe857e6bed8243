package app.smsdesk.gateway.security;

import static app.smsdesk.gateway.testing.TestGateway.adminBasic;
import static app.smsdesk.gateway.testing.TestGateway.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.testing.HttpResult;
import app.smsdesk.gateway.testing.RawHttp;
import app.smsdesk.gateway.testing.TestGateway;
import app.smsdesk.gateway.testing.phone.PhoneSimulator;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * F16: protocol hygiene. Taken as the audit proposes, a little wider: not only the answers that carry a secret
 * but every answer is {@code Cache-Control: no-store} (an API answer is never worth caching, and a list is as
 * private as a token) with {@code nosniff}; two Authorization headers are a 400; HEAD answers GET routes; method
 * names are case-sensitive. The JWT parts (aud, nbf, nested tokens) are in {@link F13JwtClaimsTest}.
 */
class F16ProtocolHygieneTest {
    @RegisterExtension
    static final TestGateway gw = TestGateway.perClass();

    private static void assertNotCacheable(String what, java.net.http.HttpHeaders headers) {
        assertThat(headers.firstValue("Cache-Control")).as(what).hasValue("no-store");
        assertThat(headers.firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
    }

    @Test
    void tokenResponsesNotCacheable() {
        HttpResult token = gw.post("/auth/token", adminBasic(), TestGateway.json(Map.of("scopes",
                List.of("messages:send"))));
        assertThat(token.status()).isEqualTo(201);
        assertNotCacheable("POST /auth/token", token.raw().headers());
        HttpResult refreshed = gw.call("POST", "/auth/token/refresh", bearer(token.json().path("refresh_token")
                .asText()), null);
        assertNotCacheable("POST /auth/token/refresh", refreshed.raw().headers());

        PhoneSimulator phone = new PhoneSimulator(PhoneSimulator.Config.of(gw.mobileApi(),
                new PhoneSimulator.SignUp(TestGateway.PRIVATE_TOKEN)));
        java.net.http.HttpResponse<String> registered = phone.send("POST", "/device", "Bearer "
                + TestGateway.PRIVATE_TOKEN, "{\"name\":\"Google/Pixel 8\"}");
        assertNotCacheable("POST /mobile/v1/device", registered.headers());
        phone.register();
        assertNotCacheable("GET /mobile/v1/settings", phone.send("GET", "/settings", phone.bearer(), null)
                .headers());
        HttpResult code = gw.get(gw.mobileApi() + "/user/code", adminBasic());
        assertThat(code.status()).isEqualTo(200);
        assertNotCacheable("GET /mobile/v1/user/code", code.raw().headers());
        assertNotCacheable("GET /3rdparty/v1/messages", gw.get("/messages", adminBasic()).raw().headers());
        assertNotCacheable("a 401", gw.get("/messages", null).raw().headers());
        phone.close();
    }

    @Test
    void twoAuthorizationHeadersRefused() throws IOException {
        String token = gw.bearerWith("messages:list");
        for (String pair : List.of(token + "\r\nAuthorization: Basic Z2FyYmFnZQ==",
                "Basic Z2FyYmFnZQ==\r\nAuthorization: " + token, token + "\r\nAuthorization: " + token)) {
            RawHttp.Response r = RawHttp.send(gw.gateway().port(), null, RawHttp.request(
                    "GET /3rdparty/v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + pair, new byte[0]),
                    Duration.ofSeconds(10));
            assertThat(r.status()).as(r.toString()).isEqualTo(400);
            assertThat(r.body()).contains("Authorization: send one header");
        }
    }

    @Test
    void headAnswersGetRoutesWithoutABodyAndMethodNamesAreCaseSensitive() throws IOException {
        String token = gw.bearerWith("messages:list");
        RawHttp.Response head = RawHttp.send(gw.gateway().port(), null, RawHttp.request(
                "HEAD /3rdparty/v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + token, new byte[0]),
                Duration.ofSeconds(10));
        assertThat(head.status()).as(head.toString()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.header("Content-Type")).isEqualTo("application/json");
        RawHttp.Response health = RawHttp.send(gw.gateway().port(), null, RawHttp.request(
                "HEAD /health HTTP/1.1\r\nHost: 127.0.0.1", new byte[0]), Duration.ofSeconds(10));
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).isEmpty();

        RawHttp.Response lower = RawHttp.send(gw.gateway().port(), null, RawHttp.request(
                "get /3rdparty/v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + token, new byte[0]),
                Duration.ofSeconds(10));
        assertThat(lower.status()).as(lower.toString()).isEqualTo(400);
        assertThat(lower.body()).contains("case-sensitive");
    }
}
