package app.smsdesk.gateway.http;

import static app.smsdesk.gateway.testing.AuthAssertions.assertScopeRequired;
import static app.smsdesk.gateway.testing.TestGateway.adminBasic;
import static app.smsdesk.gateway.testing.TestGateway.bearer;
import static app.smsdesk.gateway.testing.TestGateway.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.domain.GatewayOptions;
import app.smsdesk.gateway.service.GatewaySettingsService;
import app.smsdesk.gateway.testing.HttpResult;
import app.smsdesk.gateway.testing.TestGateway;
import app.smsdesk.gateway.testing.TestJwts;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /auth/token}: the response shape, lifetimes, scope validation and who may mint what. */
class TokenApiTest {
    private static final String WIRE_TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";
    private static final long MAX_TTL = Duration.ofDays(30).toSeconds();
    private static final List<String> REQUESTABLE = List.of("all:any", "messages:send", "messages:read",
            "messages:list", "messages:cancel", "messages:export", "inbox:list", "inbox:refresh", "devices:list",
            "devices:delete", "webhooks:list", "webhooks:write", "webhooks:delete", "settings:read",
            "settings:write", "logs:read", "tokens:manage");

    @RegisterExtension
    static final TestGateway gw = TestGateway.perClass();

    private static HttpResult mint(String auth, Object body) {
        return gw.post("/auth/token", auth, body instanceof String s ? s : json(body));
    }

    private static Instant expectedExpiry(long ttlSeconds) {
        // JWT times are whole seconds; the gateway's clock only moves when a test moves it.
        return gw.clock().instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(ttlSeconds);
    }

    @Test
    void mintAnswers201WithSnakeCaseFieldsAndTheirCamelCaseTwins() {
        HttpResult r = mint(adminBasic(), Map.of("scopes", List.of("messages:send", "messages:read"),
                "name", "billing robot"));

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode b = r.json();
        assertThat(b.path("id").asText()).matches("[A-Za-z0-9_-]{21}");
        assertThat(b.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(b.path("access_token").asText()).isNotBlank();
        assertThat(b.path("refresh_token").asText()).isNotBlank().isNotEqualTo(b.path("access_token").asText());
        assertThat(b.path("expires_at").asText()).matches(WIRE_TIME);
        assertThat(b.path("tokenType").asText()).isEqualTo(b.path("token_type").asText());
        assertThat(b.path("accessToken").asText()).isEqualTo(b.path("access_token").asText());
        assertThat(b.path("refreshToken").asText()).isEqualTo(b.path("refresh_token").asText());
        assertThat(b.path("expiresAt").asText()).isEqualTo(b.path("expires_at").asText());
        assertThat(b.path("name").asText()).isEqualTo("billing robot");
    }

    @Test
    void theAccessTokenCarriesTheSmsGateClaims() {
        JsonNode b = mint(adminBasic(), Map.of("scopes", List.of("messages:list", "devices:list"))).json();
        JsonNode claims = TestJwts.payload(b.path("access_token").asText());

        assertThat(TestJwts.header(b.path("access_token").asText()).path("alg").asText()).isEqualTo("HS256");
        assertThat(claims.path("jti").asText()).isEqualTo(b.path("id").asText());
        assertThat(claims.path("user_id").asText()).isEqualTo(TestGateway.ADMIN);
        assertThat(claims.path("sub").asText()).isEqualTo(TestGateway.ADMIN);
        assertThat(claims.path("iss").asText()).isNotEmpty();
        assertThat(claims.path("scopes")).extracting(JsonNode::asText).containsExactly("messages:list",
                "devices:list");
        assertThat(Instant.ofEpochSecond(claims.path("exp").asLong()))
                .isEqualTo(Instant.parse(b.path("expires_at").asText()));

        JsonNode refresh = TestJwts.payload(b.path("refresh_token").asText());
        assertThat(refresh.path("scopes")).extracting(JsonNode::asText).containsExactly("tokens:refresh");
        assertThat(refresh.path("original_scopes")).extracting(JsonNode::asText)
                .containsExactly("messages:list", "devices:list");
        assertThat(refresh.path("jti").asText()).isNotEqualTo(claims.path("jti").asText());
    }

    @Test
    void withoutTtlTheTokenLivesOneHour() {
        Instant expected = expectedExpiry(3600);
        JsonNode b = mint(adminBasic(), Map.of("scopes", List.of("logs:read"))).json();
        assertThat(Instant.parse(b.path("expires_at").asText())).isEqualTo(expected);
    }

    @Test
    void ttlZeroMeansTheDefault() {
        Instant expected = expectedExpiry(3600);
        JsonNode b = mint(adminBasic(), Map.of("scopes", List.of("logs:read"), "ttl", 0)).json();
        assertThat(Instant.parse(b.path("expires_at").asText())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "ttl {0} s")
    @ValueSource(longs = {1, 900, 3601, 7 * 86_400, 30 * 86_400})
    void requestedTtlUpToTheMaximumIsHonouredExactly(long ttl) {
        Instant expected = expectedExpiry(ttl);
        HttpResult r = mint(adminBasic(), Map.of("scopes", List.of("messages:send"), "ttl", ttl));

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(Instant.parse(r.json().path("expires_at").asText())).isEqualTo(expected);
        assertThat(TestJwts.payload(r.json().path("access_token").asText()).path("exp").asLong())
                .isEqualTo(expected.getEpochSecond());
    }

    @Test
    void ttlAboveTheMaximumIsRefusedNamingTheMaximum() {
        HttpResult r = mint(adminBasic(), Map.of("scopes", List.of("messages:send"), "ttl", MAX_TTL + 1));

        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().path("message").asText()).contains("ttl").contains("30 days");
    }

    @Test
    void theMaximumFollowsTheGatewaySetting() {
        GatewaySettingsService settings = gw.services().gatewaySettings();
        GatewayOptions saved = settings.get();
        settings.update(saved.withTokenTtls(Duration.ofHours(1), Duration.ofHours(2), Duration.ofDays(30)), "test");
        try {
            Instant expected = expectedExpiry(7200);
            HttpResult atMax = mint(adminBasic(), Map.of("scopes", List.of("messages:send"), "ttl", 7200));
            assertThat(Instant.parse(atMax.json().path("expires_at").asText())).isEqualTo(expected);

            HttpResult above = mint(adminBasic(), Map.of("scopes", List.of("messages:send"), "ttl", 7201));
            assertThat(above.status()).as(above.toString()).isEqualTo(400);
            assertThat(above.json().path("message").asText()).contains("7200 seconds");
        } finally {
            settings.update(saved, "test");
        }
    }

    @ParameterizedTest(name = "ttl {0}")
    @ValueSource(strings = {"-1", "-3600", "\"an hour\"", "1.5", "true", "9223372036854775807"})
    void negativeOrNonIntegerTtlIsRefused(String ttl) {
        HttpResult r = mint(adminBasic(), "{\"scopes\":[\"messages:send\"],\"ttl\":" + ttl + "}");

        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().path("message").asText()).contains("ttl");
    }

    @Test
    void aTtlBeyondTheIntegerRangeIsRefused() {
        HttpResult r = mint(adminBasic(), "{\"scopes\":[\"messages:send\"],\"ttl\":99999999999999999999}");
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
    }

    @Test
    void unknownScopeIsRefusedListingTheValidOnes() {
        HttpResult r = mint(adminBasic(), Map.of("scopes", List.of("messages:send", "messages:delete")));

        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        String message = r.json().path("message").asText();
        assertThat(message).contains("messages:delete");
        assertThat(message).contains(REQUESTABLE);
        assertThat(message).doesNotContain("tokens:refresh");
    }

    @Test
    void tokensRefreshCannotBeRequested() {
        HttpResult r = mint(adminBasic(), Map.of("scopes", List.of("messages:send", "tokens:refresh")));

        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().path("message").asText()).contains("tokens:refresh");
    }

    @ParameterizedTest(name = "body {0}")
    @ValueSource(strings = {"{\"scopes\":[]}", "{}", "{\"scopes\":null}", "{\"scopes\":[\"\"]}",
            "{\"scopes\":[\"  \"]}", "{\"scopes\":\"messages:send\"}", "{\"scopes\":[\"messages:send\"]",
            "[]", "null"})
    void missingEmptyOrMalformedScopesAreRefused(String body) {
        HttpResult r = mint(adminBasic(), body);

        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().path("message").asText()).isNotBlank();
    }

    @Test
    void theNameIsOptionalAndLimited() {
        HttpResult unnamed = mint(adminBasic(), Map.of("scopes", List.of("messages:send")));
        assertThat(unnamed.status()).isEqualTo(201);
        assertThat(unnamed.json().path("name").isMissingNode() || unnamed.json().path("name").isNull()).isTrue();

        HttpResult tooLong = mint(adminBasic(), Map.of("scopes", List.of("messages:send"), "name", "n".repeat(101)));
        assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(400);
        assertThat(tooLong.json().path("message").asText()).contains("name");

        HttpResult notText = mint(adminBasic(), "{\"scopes\":[\"messages:send\"],\"name\":{\"a\":1}}");
        assertThat(notText.status()).as(notText.toString()).isEqualTo(400);
    }

    @Test
    void aBodyIsRequired() {
        HttpResult r = gw.post("/auth/token", adminBasic(), null);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
    }

    @Test
    void everyRequestableScopeCanBeMintedWithBasic() {
        List<String> refused = new ArrayList<>();
        for (String scope : REQUESTABLE) {
            HttpResult r = mint(adminBasic(), Map.of("scopes", List.of(scope)));
            if (r.status() != 201) {
                refused.add(scope + " -> " + r);
            }
        }
        assertThat(refused).isEmpty();
    }

    @Test
    void theMintedTokenAuthenticatesRequests() {
        String auth = gw.bearerWith("messages:list");
        HttpResult r = gw.get("/messages", auth);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    @Test
    void aJwtWithTokensManageMintsAnySubsetOfItsOwnScopes() {
        String manager = gw.bearerWith("tokens:manage", "messages:send", "messages:read");

        for (List<String> subset : List.of(List.of("messages:send"), List.of("tokens:manage"),
                List.of("messages:read", "messages:send"), List.of("tokens:manage", "messages:send",
                        "messages:read"))) {
            HttpResult r = mint(manager, Map.of("scopes", subset));
            assertThat(r.status()).as(subset + ": " + r).isEqualTo(201);
            assertThat(TestJwts.payload(r.json().path("access_token").asText()).path("scopes"))
                    .extracting(JsonNode::asText).containsExactlyInAnyOrderElementsOf(subset);
        }
    }

    @Test
    void theTokenMintedByAJwtWorks() {
        String manager = gw.bearerWith("tokens:manage", "messages:list");
        String child = mint(manager, Map.of("scopes", List.of("messages:list"))).json()
                .path("access_token").asText();

        assertThat(gw.get("/messages", bearer(child)).status()).isEqualTo(200);
    }

    @Test
    void aJwtWithTokensManageCannotMintScopesItDoesNotHold() {
        String manager = gw.bearerWith("tokens:manage", "messages:send");

        for (List<String> wider : List.of(List.of("messages:list"), List.of("messages:send", "logs:read"),
                List.of("all:any"))) {
            HttpResult r = mint(manager, Map.of("scopes", wider));
            assertThat(r.status()).as(wider + ": " + r).isEqualTo(403);
            assertThat(r.json().path("message").asText()).isNotBlank();
        }
    }

    @Test
    void aJwtWithAllAnyCanMintAnything() {
        String root = gw.bearerWith("all:any");

        for (List<String> scopes : List.of(List.of("all:any"), List.of("tokens:manage", "logs:read"),
                List.of("settings:write"))) {
            HttpResult r = mint(root, Map.of("scopes", scopes));
            assertThat(r.status()).as(scopes + ": " + r).isEqualTo(201);
        }
    }

    @Test
    void aJwtWithoutTokensManageCannotMint() {
        HttpResult r = mint(gw.bearerWith("messages:send"), Map.of("scopes", List.of("messages:send")));
        assertScopeRequired(r, "tokens:manage");
    }

    @Test
    void aJwtWithTokensManageStillCannotRequestTokensRefresh() {
        HttpResult r = mint(gw.bearerWith("all:any"), Map.of("scopes", List.of("tokens:refresh")));
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
    }

    @Test
    void theApiPrefixedMountMintsToo() {
        HttpResult r = gw.post(gw.baseUrl() + "/api/3rdparty/v1/auth/token", adminBasic(),
                json(Map.of("scopes", List.of("messages:send"))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }
}
