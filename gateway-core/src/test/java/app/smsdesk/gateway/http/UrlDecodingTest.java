package app.smsdesk.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.smsdesk.gateway.domain.ValidationException;
import app.smsdesk.gateway.testing.RawHttp;
import app.smsdesk.gateway.testing.TestGateway;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The gateway decodes paths and queries itself: percent-encoded bytes that are not UTF-8 are a JSON 400 naming
 * the part (Undertow decoded them leniently), good escapes work as before. Sent over a raw socket, since no client
 * library would send a malformed URL.
 */
class UrlDecodingTest {
    @RegisterExtension
    static final TestGateway gw = TestGateway.perClass();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static RawHttp.Response get(String target) throws IOException {
        return RawHttp.send(gw.gateway().port(), null, RawHttp.request("GET " + target
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + TestGateway.adminBasic(), new byte[0]),
                Duration.ofSeconds(10));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/3rdparty/v1/messages?state=%FF", "/3rdparty/v1/messages?state=%C3%28",
        "/3rdparty/v1/messages?%FF=1", "/3rdparty/v1/messages/%C3", "/api/mobile/v1/message?order=%ED%A0%80",
        "/health?x=%E2%82"})
    void percentEncodedBytesThatAreNotUtf8AreAJson400(String target) throws IOException {
        RawHttp.Response r = get(target);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.header("Content-Type")).as(r.toString()).startsWith("application/json");
        assertThat(MAPPER.readTree(r.body()).path("message").asText()).contains("not UTF-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/3rdparty/v1/messages?limit=%zz", "/3rdparty/v1/messages?limit=%",
        "/3rdparty/v1/messages?limit=%4", "/3rdparty/v1/messages/%zz", "/health?x=%G0"})
    void aMalformedEscapeIsA400FromTheHttpParser(String target) throws IOException {
        // Undertow 2.4's request parser checks escapes itself and answers this 400 (empty body, connection
        // closed) before any handler runs; it has no option to hand it over. Documented in RELIABILITY.md.
        RawHttp.Response r = get(target);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.header("Connection")).isEqualTo("close");
        assertThat(gw.get("/health", null).status()).as("the server carries on").isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource({
        "/3rdparty/v1/messages?limit=%31%30, 200",
        "/3rdparty/v1/message%73?limit=1, 200",
        "/3rdparty/v1/messages?from=2024-01-01T00%3A00%3A00.000Z, 200",
        "/3rdparty/v1/messages/%C3%A9t%C3%A9, 404",
        "/3rdparty/v1/messages/%2F, 404",
        "/3rdparty/v1/messages?state=Pend%69ng, 200",
        "/3rdparty/v1/messages?state=Nope%20State, 400"})
    void goodEscapesAreDecodedAsBefore(String target, int status) throws IOException {
        assertThat(get(target).status()).as(target).isEqualTo(status);
    }

    @Test
    void plusIsASpaceInTheQueryButNotInThePathAndEncodedSlashesNeverSplitSegments() {
        assertThat(UrlDecoding.decode("a+b%2Bc", true, false, "q")).isEqualTo("a b+c");
        assertThat(UrlDecoding.path("/a+b/c%2Fd/%41")).isEqualTo("/a+b/c%2Fd/A");
        assertThat(UrlDecoding.path("/%F0%9F%98%80")).isEqualTo("/😀");
        assertThatThrownBy(() -> UrlDecoding.path("/%ED%A0%80")).as("an encoded lone surrogate")
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> UrlDecoding.decode("a%zz", true, false, "q")).as("in case the parser lets one by")
                .isInstanceOf(ValidationException.class).hasMessageContaining("malformed percent-encoding");
    }
}
