package app.smsdesk.gateway.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The two auth failure shapes of the API: a dull 401 and a 403 naming the missing scope. */
public final class AuthAssertions {
    private AuthAssertions() {
    }

    /** 401, {@code {"message":"Unauthorized"}} (no reason on the wire) and a {@code WWW-Authenticate} header. */
    public static void assertUnauthorized(HttpResult r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(401);
        JsonNode body = r.json();
        assertThat(body.path("message").asText()).isEqualTo("Unauthorized");
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).as("error body fields").isSubsetOf("message", "code");
        assertThat(r.header("WWW-Authenticate")).as("WWW-Authenticate").isPresent();
    }

    /** 403 {@code {"message":"scope required: <scope>"}}. */
    public static void assertScopeRequired(HttpResult r, String scope) {
        assertThat(r.status()).as(r.toString()).isEqualTo(403);
        assertThat(r.json().path("message").asText()).isEqualTo("scope required: " + scope);
    }
}
