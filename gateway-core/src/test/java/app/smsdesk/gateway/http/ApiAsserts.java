package app.smsdesk.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.domain.Principal;
import app.smsdesk.gateway.testing.HttpResult;
import app.smsdesk.gateway.testing.TestGateway;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Shared checks and fixtures of the third-party API tests. */
final class ApiAsserts {
    /** RFC 3339 in UTC with exactly three fractional digits, as the phone app needs. */
    static final String WIRE_TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    private static final AtomicInteger SEQ = new AtomicInteger();

    private ApiAsserts() {
    }

    /** A further account of the gateway, so a test sees only its own messages, phones and settings. */
    record Account(String login, String basic) {
        Principal principal() {
            return Principal.console(login);
        }
    }

    static Account newAccount(TestGateway gw) {
        String login = "acct" + SEQ.incrementAndGet();
        String password = "password-of-" + login;
        gw.services().accounts().createAccount(login, password);
        return new Account(login, TestGateway.basic(login, password));
    }

    /** An error answer: the status, a JSON body with a non-blank {@code message} containing every fragment. */
    static JsonNode assertError(HttpResult r, int status, String... fragments) {
        assertThat(r.status()).as("status of %s", r).isEqualTo(status);
        assertThat(r.header("Content-Type")).as("Content-Type of %s", r)
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
        JsonNode body = r.json();
        assertThat(body.path("message").isTextual()).as("message of %s", r).isTrue();
        assertThat(body.get("message").asText()).isNotBlank();
        if (fragments.length > 0) {
            assertThat(body.get("message").asText()).contains(fragments);
        }
        return body;
    }

    /** A 2xx answer with a JSON body. */
    static JsonNode assertJson(HttpResult r, int status) {
        assertThat(r.status()).as("status of %s", r).isEqualTo(status);
        assertThat(r.header("Content-Type")).as("Content-Type of %s", r)
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
        return r.json();
    }

    /** A 202/204 answer without a body (clients call {@code .json()} on any non-empty 2xx body). */
    static void assertEmpty(HttpResult r, int status) {
        assertThat(r.status()).as("status of %s", r).isEqualTo(status);
        assertThat(r.body()).as("body of %s", r).isEmpty();
        r.header("Content-Length").ifPresent(len -> assertThat(len).isEqualTo("0"));
    }

    static void assertWireTime(JsonNode value) {
        assertThat(value.isTextual()).as("timestamp %s", value).isTrue();
        assertThat(value.asText()).matches(WIRE_TIME);
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    static String q(Instant instant) {
        return URLEncoder.encode(WireTime.format(instant), StandardCharsets.UTF_8);
    }

    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static long totalCount(HttpResult r) {
        return Long.parseLong(r.header("X-Total-Count").orElseThrow(
                () -> new AssertionError("no X-Total-Count on " + r)));
    }
}
