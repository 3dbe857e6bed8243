package app.smsdesk.gateway.http;

import static app.smsdesk.gateway.http.ApiAsserts.assertError;
import static app.smsdesk.gateway.http.ApiAsserts.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.testing.HttpResult;
import app.smsdesk.gateway.testing.TestGateway;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The same API under {@code /3rdparty/v1} (public cloud style) and {@code /api/3rdparty/v1} (self-hosted). */
class ApiMountTest {
    @RegisterExtension
    static final TestGateway gw = TestGateway.perClass();

    static Stream<Arguments> readEndpoints() {
        return Stream.of("/3rdparty/v1", "/api/3rdparty/v1").flatMap(prefix -> Stream.of("/messages", "/message",
                "/devices", "/device", "/webhooks", "/settings", "/logs", "/inbox")
                .map(path -> Arguments.of(prefix, path)));
    }

    @ParameterizedTest(name = "{0}{1}")
    @MethodSource("readEndpoints")
    void everyListAnswersUnderBothMounts(String prefix, String path) {
        HttpResult r = gw.get(gw.baseUrl() + prefix + path, TestGateway.adminBasic());
        assertThat(assertJson(r, 200).isContainerNode()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/3rdparty/v1", "/api/3rdparty/v1"})
    void bothMountsNeedCredentials(String prefix) {
        assertError(gw.get(gw.baseUrl() + prefix + "/messages", null), 401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/3rdparty/v1", "/api/3rdparty/v1"})
    void aTrailingOrDoubledSlashIsTolerated(String prefix) {
        assertJson(gw.get(gw.baseUrl() + prefix + "/messages/", TestGateway.adminBasic()), 200);
        assertJson(gw.get(gw.baseUrl() + prefix + "//webhooks", TestGateway.adminBasic()), 200);
    }
}
