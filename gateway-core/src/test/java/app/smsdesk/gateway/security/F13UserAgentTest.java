package app.smsdesk.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.mobile.AppVersion;
import app.smsdesk.gateway.testing.TestGateway;
import app.smsdesk.gateway.testing.phone.PhoneSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * F13 (part 1): an app version beyond any real one is read as unknown (the newest known behaviour), never a
 * 500, on every phone route that reads the User-Agent. The audit's fix, taken as is: versions are bounded
 * numbers (at most 6 digits a part). Stack traces of unexpected failures are rate-limited in {@code ErrorMapper}.
 */
class F13UserAgentTest {
    @RegisterExtension
    static final TestGateway gw = TestGateway.perClass();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static int call(String method, String path, String auth, String agent, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gw.mobileApi() + path)).header("User-Agent", agent)
                .header("Authorization", auth).header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"me.capcom.smsgateway/99999999999.1", "me.capcom.smsgateway/1.99999999999",
            "me.capcom.smsgateway/1.68.99999999999", "me.capcom.smsgateway/v2147483648.0.0",
            "me.capcom.smsgateway/1.68.0 (Android 99999999999)", "me.capcom.smsgateway/-1.-2",
            "me.capcom.smsgateway/99999999999999999999999999999999999999999999999999.1.1"})
    void phoneUserAgentVersionDoesNotCrash(String agent) throws Exception {
        PhoneSimulator phone = new PhoneSimulator(PhoneSimulator.Config.of(gw.mobileApi(),
                new PhoneSimulator.SignUp(TestGateway.PRIVATE_TOKEN)));
        String token = "Bearer " + phone.register().token();
        try {
            assertThat(call("GET", "/message", token, agent, null)).isEqualTo(200);
            assertThat(call("GET", "/webhooks", token, agent, null)).isEqualTo(200);
            assertThat(call("GET", "/settings", token, agent, null)).isEqualTo(200);
            assertThat(call("PATCH", "/device", token, agent, "{\"id\":\"" + phone.registration().id()
                    + "\",\"pushToken\":null}")).isEqualTo(204);
            assertThat(call("POST", "/device", "Bearer " + TestGateway.PRIVATE_TOKEN, agent,
                    "{\"name\":\"Google/Pixel\"}")).isEqualTo(201);
        } finally {
            phone.close();
        }
    }

    @Test
    void anAbsurdVersionIsUnknownAndARealOneIsRead() {
        assertThat(AppVersion.fromUserAgent("me.capcom.smsgateway/99999999999.1")).isEqualTo(AppVersion.NEWEST_KNOWN);
        assertThat(AppVersion.versionString("me.capcom.smsgateway/99999999999.1")).isNull();
        assertThat(AppVersion.fromUserAgent("me.capcom.smsgateway/1.19.2")).isEqualTo(new AppVersion(1, 19, 2));
        assertThat(AppVersion.parse("123456.7.8")).isEqualTo(new AppVersion(123456, 7, 8));
        assertThat(List.of(AppVersion.parse("1234567.0"))).containsExactly(AppVersion.NEWEST_KNOWN);
    }
}
