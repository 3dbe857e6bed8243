package app.smsdesk.gateway.http;

import static app.smsdesk.gateway.testing.AuthAssertions.assertScopeRequired;
import static app.smsdesk.gateway.testing.AuthAssertions.assertUnauthorized;
import static app.smsdesk.gateway.testing.TestGateway.adminBasic;
import static app.smsdesk.gateway.testing.TestGateway.basic;
import static app.smsdesk.gateway.testing.TestGateway.bearer;
import static app.smsdesk.gateway.testing.TestGateway.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.testing.HttpResult;
import app.smsdesk.gateway.testing.TestGateway;
import app.smsdesk.gateway.testing.TestJwts;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code POST /auth/token/refresh}: one-time rotation, replay detection that kills the family, wrong tokens. */
class TokenRefreshTest {
    private static final String SEND = "{\"phoneNumbers\":[\"+14155552671\"],\"textMessage\":{\"text\":\"hi\"}}";

    @RegisterExtension
    static final TestGateway gw = TestGateway.perClass();

    private static JsonNode mint(long ttl, String... scopes) {
        HttpResult r = gw.post("/auth/token", adminBasic(), json(Map.of("scopes", List.of(scopes), "ttl", ttl)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    private static HttpResult refresh(JsonNode pair, String body) {
        return gw.post("/auth/token/refresh", bearer(pair.path("refresh_token").asText()), body);
    }

    private static String access(JsonNode pair) {
        return bearer(pair.path("access_token").asText());
    }

    @Test
    void refreshRotatesThePairWithTheSameScopes() {
        JsonNode first = mint(600, "messages:list", "devices:list");

        HttpResult r = refresh(first, null);

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode second = r.json();
        assertThat(second.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(second.path("tokenType").asText()).isEqualTo("Bearer");
        assertThat(second.path("id").asText()).isNotEqualTo(first.path("id").asText());
        assertThat(second.path("access_token").asText()).isNotEqualTo(first.path("access_token").asText());
        assertThat(second.path("refresh_token").asText()).isNotEqualTo(first.path("refresh_token").asText());
        assertThat(second.path("accessToken").asText()).isEqualTo(second.path("access_token").asText());
        assertThat(second.path("refreshToken").asText()).isEqualTo(second.path("refresh_token").asText());
        assertThat(second.path("expiresAt").asText()).isEqualTo(second.path("expires_at").asText());
        assertThat(TestJwts.payload(second.path("access_token").asText()).path("scopes"))
                .extracting(JsonNode::asText).containsExactly("messages:list", "devices:list");
        assertThat(TestJwts.payload(second.path("access_token").asText()).path("jti").asText())
                .isEqualTo(second.path("id").asText());
        assertThat(gw.get("/messages", access(second)).status()).isEqualTo(200);
        assertThat(gw.get("/devices", access(second)).status()).isEqualTo(200);
        assertScopeRequired(gw.get("/logs", access(second)), "logs:read");
    }

    @Test
    void refreshAcceptsAnEmptyJsonObjectAsBody() {
        JsonNode first = mint(600, "messages:list");

        HttpResult r = refresh(first, "{}");

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(gw.get("/messages", access(r.json())).status()).isEqualTo(200);
    }

    @Test
    void theRotatedTokenKeepsTheRequestedLifetime() {
        JsonNode first = mint(600, "messages:list");
        Instant now = gw.clock().instant().truncatedTo(ChronoUnit.SECONDS);

        JsonNode second = refresh(first, null).json();

        assertThat(Instant.parse(second.path("expires_at").asText())).isEqualTo(now.plusSeconds(600));
    }

    @Test
    void rotationCanBeChained() {
        JsonNode pair = mint(600, "messages:list");
        for (int i = 0; i < 3; i++) {
            HttpResult r = refresh(pair, i % 2 == 0 ? null : "{}");
            assertThat(r.status()).as("rotation " + i + ": " + r).isEqualTo(201);
            pair = r.json();
        }
        assertThat(gw.get("/messages", access(pair)).status()).isEqualTo(200);
    }

    @Test
    void replayingAUsedRefreshTokenIsRefusedAndRevokesTheWholeFamily() {
        JsonNode first = mint(600, "messages:list");
        JsonNode second = refresh(first, null).json();
        assertThat(gw.get("/messages", access(second)).status()).isEqualTo(200);

        assertUnauthorized(refresh(first, null));

        assertUnauthorized(gw.get("/messages", access(second)));
        assertUnauthorized(gw.get("/messages", access(first)));
        assertUnauthorized(refresh(second, null));
    }

    @Test
    void replayAfterSeveralRotationsRevokesTheLatestPairToo() {
        JsonNode first = mint(600, "messages:list");
        JsonNode second = refresh(first, null).json();
        JsonNode third = refresh(second, "{}").json();

        assertUnauthorized(refresh(second, null));

        assertUnauthorized(gw.get("/messages", access(third)));
        assertUnauthorized(refresh(third, null));
    }

    @Test
    void twoConcurrentRefreshesWithOneTokenYieldOneRotationAndOneReplay() throws Exception {
        JsonNode pair = mint(600, "messages:list");
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<HttpResult>> calls = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                calls.add(pool.submit(() -> {
                    go.await();
                    return refresh(pair, null);
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResult> f : calls) {
                statuses.add(f.get(30, TimeUnit.SECONDS).status());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 401);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void replayDoesNotTouchOtherFamilies() {
        JsonNode victim = mint(600, "messages:list");
        JsonNode bystander = mint(600, "messages:list");
        refresh(victim, null);

        assertUnauthorized(refresh(victim, null));

        assertThat(gw.get("/messages", access(bystander)).status()).isEqualTo(200);
        assertThat(refresh(bystander, null).status()).isEqualTo(201);
    }

    @Test
    void basicAuthOnRefreshIsForbidden() {
        HttpResult r = gw.post("/auth/token/refresh", adminBasic(), null);
        assertScopeRequired(r, "tokens:refresh");
    }

    @Test
    void basicAuthWithAWrongPasswordOnRefreshIsUnauthorized() {
        assertUnauthorized(gw.post("/auth/token/refresh", basic(TestGateway.ADMIN, "wrong-password"), null));
    }

    @Test
    void anAccessTokenOnRefreshIsForbidden() {
        JsonNode pair = mint(600, "messages:list");
        assertScopeRequired(gw.post("/auth/token/refresh", access(pair), null), "tokens:refresh");
    }

    @Test
    void evenAnAllAnyAccessTokenCannotRefresh() {
        JsonNode pair = mint(600, "all:any");
        assertScopeRequired(gw.post("/auth/token/refresh", access(pair), "{}"), "tokens:refresh");
    }

    @Test
    void aRefreshTokenIsNoAccessToken() {
        JsonNode pair = mint(600, "all:any");
        String refreshToken = bearer(pair.path("refresh_token").asText());

        assertScopeRequired(gw.post("/messages", refreshToken, SEND), "messages:send");
        assertScopeRequired(gw.get("/messages", refreshToken), "messages:list");
        assertScopeRequired(gw.post("/auth/token", refreshToken, json(Map.of("scopes", List.of("all:any")))),
                "tokens:manage");
        assertThat(refresh(pair, null).status()).as("the refresh token itself is still good").isEqualTo(201);
    }

    @Test
    void refreshWithoutCredentialsIsUnauthorized() {
        assertUnauthorized(gw.post("/auth/token/refresh", null, null));
        assertUnauthorized(gw.post("/auth/token/refresh", "Token abc", null));
    }

    @Test
    void aTamperedRefreshTokenIsUnauthorized() {
        JsonNode pair = mint(600, "messages:list");
        String token = pair.path("refresh_token").asText();

        assertUnauthorized(gw.post("/auth/token/refresh", bearer(TestJwts.tamperSignature(token)), null));
        assertUnauthorized(gw.post("/auth/token/refresh", bearer(TestJwts.tamperPayload(token,
                p -> p.putArray("original_scopes").add("all:any"))), null));
        assertThat(refresh(pair, null).status()).as("the genuine token was not used up").isEqualTo(201);
    }

    @Test
    void aTokenWithTokensRefreshButNoOriginalScopesIsNoRefreshToken() {
        JsonNode pair = mint(600, "messages:list");
        String forged = TestJwts.signReal(gw, TestJwts.changed(pair.path("access_token").asText(),
                c -> c.setStringListClaim("scopes", "tokens:refresh")));

        assertUnauthorized(gw.post("/auth/token/refresh", bearer(forged), null));
    }
}
