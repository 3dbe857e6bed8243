package app.smsdesk.gateway.http;

import static app.smsdesk.gateway.http.ApiAsserts.assertJson;
import static app.smsdesk.gateway.http.ApiAsserts.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.testing.TestGateway;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The probes answer without credentials at the root and under both API bases. */
class HealthApiTest {
    @RegisterExtension
    static final TestGateway gw = TestGateway.perClass();

    static Stream<Arguments> probes() {
        return Stream.of("", "/3rdparty/v1", "/api/3rdparty/v1").flatMap(base -> Stream.of(
                Arguments.of(base + "/health", "db:ping"),
                Arguments.of(base + "/health/ready", "db:ping"),
                Arguments.of(base + "/health/live", null), // no figures without credentials (F18)
                Arguments.of(base + "/health/startup", null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("probes")
    void aProbeAnswersPassWithoutCredentials(String path, String check) {
        JsonNode h = assertJson(gw.get(gw.baseUrl() + path, null), 200);

        assertThat(h.get("status").asText()).isEqualTo("pass");
        assertThat(h.get("version").asText()).isNotBlank();
        if (check == null) {
            assertThat(h.has("checks")).isFalse();
        } else {
            JsonNode c = h.get("checks").get(check);
            assertThat(c).as("check %s in %s", check, h).isNotNull();
            assertThat(c.get("status").asText()).isEqualTo("pass");
            assertThat(c.get("observedValue").isIntegralNumber()).isTrue();
            assertThat(fieldNames(c)).contains("status", "observedValue");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("probes")
    void aProbeIgnoresBadCredentials(String path, String check) {
        assertJson(gw.get(gw.baseUrl() + path, TestGateway.basic("admin", "wrong")), 200);
        assertJson(gw.get(gw.baseUrl() + path, "Bearer not-a-jwt"), 200);
    }
}
