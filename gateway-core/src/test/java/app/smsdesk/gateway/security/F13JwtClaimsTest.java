package app.smsdesk.gateway.security;

import static app.smsdesk.gateway.testing.TestGateway.adminBasic;
import static app.smsdesk.gateway.testing.TestGateway.bearer;
import static app.smsdesk.gateway.testing.TestGateway.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.testing.HttpResult;
import app.smsdesk.gateway.testing.TestGateway;
import app.smsdesk.gateway.testing.TestJwts;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * F13 (part 2) and F16 (JWT claims), for holders of the signing key: every odd claim is a 401, never a 500, and
 * {@code aud}/{@code nbf} are honoured (RFC 7519 §4.1.3, §4.1.5). The audit proposed treating overflows and null
 * entries as 401; the codec reads claims with a strict streaming reader (whole seconds within 1970–9999, lists of
 * strings without nulls, no duplicate names) and parses a payload only after its signature checked out.
 */
class F13JwtClaimsTest {
    private static final String HEADER = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
    @RegisterExtension
    static final TestGateway gw = TestGateway.perClass();
    static long now;
    /** The id of a token in the inventory: the gateway accepts no other, so only the odd claim decides. */
    static String jti;

    @BeforeAll
    static void setUp() {
        jti = gw.post("/auth/token", adminBasic(), json(Map.of("scopes", List.of("messages:list")))).json()
                .path("id").asText();
        now = gw.clock().instant().getEpochSecond();
    }

    /** A token signed with the gateway's real key whose claims are the given JSON members (plus the usual ones). */
    private static String token(String members) {
        String payload = "{\"iss\":\"smsdesk\",\"jti\":\"" + jti + "\",\"user_id\":\"admin\","
                + "\"scopes\":[\"messages:list\"]" + (members.isEmpty() ? "" : "," + members) + "}";
        return TestJwts.withRawHeader(HEADER, payload, TestJwts.realKeyBytes(gw.dataDir()));
    }

    private static HttpResult call(String token) {
        return gw.get("/messages", bearer(token));
    }

    private static String times() {
        return "\"iat\":" + now + ",\"exp\":" + (now + 3600);
    }

    static Stream<Arguments> oddClaims() {
        String iat = "\"iat\":" + now;
        String exp = "\"exp\":" + (now + 3600);
        return Stream.of(
                Arguments.of("exp 2^63-1", iat + ",\"exp\":9223372036854775807"),
                Arguments.of("exp 2^64", iat + ",\"exp\":18446744073709551616"),
                Arguments.of("exp 1e30", iat + ",\"exp\":1e30"),
                Arguments.of("exp float", iat + ",\"exp\":" + (now + 3600) + ".5"),
                Arguments.of("exp string", iat + ",\"exp\":\"" + (now + 3600) + "\""),
                Arguments.of("exp negative", iat + ",\"exp\":-1"),
                Arguments.of("exp bool", iat + ",\"exp\":true"),
                Arguments.of("exp null", iat + ",\"exp\":null"),
                Arguments.of("iat huge", exp + ",\"iat\":9223372036854775807"),
                Arguments.of("iat -2^63", exp + ",\"iat\":-9223372036854775808"),
                Arguments.of("iat -2^62", exp + ",\"iat\":-4611686018427387904"),
                Arguments.of("iat float", exp + ",\"iat\":" + now + ".25"),
                Arguments.of("iat in the future", exp + ",\"iat\":" + (now + 600)),
                Arguments.of("no exp", iat),
                Arguments.of("no iat", exp),
                Arguments.of("duplicate exp", iat + "," + exp + ",\"exp\":" + (now + 7200)),
                Arguments.of("duplicate user_id", iat + "," + exp + ",\"user_id\":\"other\""),
                Arguments.of("duplicate scopes", iat + "," + exp + ",\"scopes\":[\"all:any\"]"),
                Arguments.of("aud of another service", iat + "," + exp + ",\"aud\":\"billing\""),
                Arguments.of("aud list without us", iat + "," + exp + ",\"aud\":[\"billing\",\"crm\"]"),
                Arguments.of("aud not a string", iat + "," + exp + ",\"aud\":42"),
                Arguments.of("nbf in the future", iat + "," + exp + ",\"nbf\":" + (now + 600)),
                Arguments.of("nbf not a number", iat + "," + exp + ",\"nbf\":\"soon\""),
                Arguments.of("iss in another case", iat + "," + exp + ",\"iss\":\"SMSDESK\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oddClaims")
    void anOddClaimIsA401NeverA500(String what, String members) {
        // Members later in the object replace the defaults only where duplicates are allowed; they are not.
        HttpResult r = call(token(members));
        assertThat(r.status()).as(what + ": " + r).isEqualTo(401);
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("jackson");
    }

    static Stream<Arguments> oddScopes() {
        return Stream.of(
                Arguments.of("scopes [null]", "[null]"),
                Arguments.of("scopes string", "\"all:any\""),
                Arguments.of("scopes nested", "[[\"all:any\"]]"),
                Arguments.of("scopes object", "{\"all\":\"any\"}"),
                Arguments.of("scopes number", "[1]"),
                Arguments.of("scopes null", "null"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oddScopes")
    void oddScopesAreA401NeverA500(String what, String scopes) {
        String payload = "{\"iss\":\"smsdesk\",\"jti\":\"" + jti + "\",\"user_id\":\"admin\","
                + "\"scopes\":" + scopes + "," + times() + "}";
        HttpResult r = call(TestJwts.withRawHeader(HEADER, payload, TestJwts.realKeyBytes(gw.dataDir())));
        assertThat(r.status()).as(what + ": " + r).isEqualTo(401);
    }

    @Test
    void nestedJwtAndOtherHeadersAreRefused() {
        String inner = token(times());
        for (String header : List.of("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"cty\":\"JWT\"}", "{\"alg\":\"HS256\"}",
                "{\"typ\":\"JWT\",\"alg\":\"HS256\"}", "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"1\"}",
                "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"crit\":[\"exp\"]}")) {
            String payload = header.contains("cty") ? "\"" + inner + "\"" : "{\"iss\":\"smsdesk\",\"jti\":\"" + jti + "\","
                    + "\"user_id\":\"admin\",\"scopes\":[\"messages:list\"]," + times() + "}";
            String t = TestJwts.withRawHeader(header, payload, TestJwts.realKeyBytes(gw.dataDir()));
            assertThat(call(t).status()).as(header).isEqualTo(401);
        }
    }

    @Test
    void ourAudienceAndAPastNbfAreAccepted() {
        assertThat(call(token(times())).status()).as("control: the claims the gateway issues").isEqualTo(200);
        assertThat(call(token(times() + ",\"aud\":\"smsdesk\"")).status()).isEqualTo(200);
        assertThat(call(token(times() + ",\"aud\":[\"crm\",\"smsdesk\"]")).status()).isEqualTo(200);
        assertThat(call(token(times() + ",\"nbf\":" + (now - 60))).status()).isEqualTo(200);
        assertThat(call(token(times() + ",\"extra\":{\"deep\":[1,2,{\"x\":null}]}")).status())
                .as("unknown claims are ignored").isEqualTo(200);
    }
}
