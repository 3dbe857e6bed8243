package app.smsdesk.gateway.http;

import static app.smsdesk.gateway.testing.AuthAssertions.assertScopeRequired;
import static app.smsdesk.gateway.testing.TestGateway.adminBasic;
import static app.smsdesk.gateway.testing.TestGateway.basic;
import static app.smsdesk.gateway.testing.TestGateway.bearer;
import static app.smsdesk.gateway.testing.TestGateway.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.testing.HttpResult;
import app.smsdesk.gateway.testing.TestGateway;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /auth/tokens}: every issued token with its metadata and usage, never the token itself. */
class TokenInventoryTest {
    private static final String WIRE_TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";
    private static final String OTHER = "inventory-other";
    private static final String OTHER_PASSWORD = "inventory-other-password";

    @RegisterExtension
    static final TestGateway gw = TestGateway.perClass();

    @BeforeAll
    static void start() {
        gw.services().accounts().createAccount(OTHER, OTHER_PASSWORD);
    }

    private static JsonNode mint(String auth, Map<String, Object> body) {
        HttpResult r = gw.post("/auth/token", auth, json(body));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    private static HttpResult inventory(String auth) {
        return gw.get("/auth/tokens", auth);
    }

    /** The inventory as seen with Basic auth (which adds no use to any token). */
    private static List<JsonNode> rows() {
        HttpResult r = inventory(adminBasic());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.json().forEach(out::add);
        return out;
    }

    private static JsonNode row(String jti) {
        return find(rows(), jti).orElseThrow(() -> new AssertionError("no inventory row " + jti));
    }

    private static Optional<JsonNode> find(List<JsonNode> rows, String jti) {
        return rows.stream().filter(n -> n.path("jti").asText().equals(jti)).findFirst();
    }

    /** The refresh token issued with access token {@code accessJti}. */
    private static JsonNode refreshRow(String accessJti) {
        return rows().stream().filter(n -> n.path("type").asText().equals("refresh")
                        && n.path("parentJti").asText().equals(accessJti)).findFirst()
                .orElseThrow(() -> new AssertionError("no refresh row for " + accessJti));
    }

    private static void use(String token, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(gw.get("/messages", bearer(token)).status()).isEqualTo(200);
        }
    }

    @Test
    void listsTheAccessAndTheRefreshTokenOfAMint() {
        JsonNode t = mint(adminBasic(), Map.of("scopes", List.of("messages:list", "logs:read"), "name", "reporting",
                "ttl", 7200));
        String jti = t.path("id").asText();

        JsonNode access = row(jti);
        assertThat(access.path("type").asText()).isEqualTo("access");
        assertThat(access.path("name").asText()).isEqualTo("reporting");
        assertThat(access.path("scopes")).extracting(JsonNode::asText).containsExactly("messages:list", "logs:read");
        assertThat(access.path("status").asText()).isEqualTo("active");
        assertThat(access.path("createdAt").asText()).matches(WIRE_TIME);
        assertThat(access.path("expiresAt").asText()).isEqualTo(t.path("expires_at").asText());
        assertThat(Duration.between(Instant.parse(access.path("createdAt").asText()),
                Instant.parse(access.path("expiresAt").asText()))).isEqualTo(Duration.ofSeconds(7200));
        assertThat(access.path("useCount").asLong()).isZero();
        assertThat(access.path("revokedAt").isMissingNode() || access.path("revokedAt").isNull()).isTrue();
        assertThat(access.path("lastUsedAt").isMissingNode() || access.path("lastUsedAt").isNull()).isTrue();
        assertThat(access.path("mintedBy").asText()).isEqualTo("basic:" + TestGateway.ADMIN);

        JsonNode refresh = refreshRow(jti);
        assertThat(refresh.path("jti").asText()).isNotEqualTo(jti);
        assertThat(refresh.path("name").asText()).isEqualTo("reporting");
        assertThat(refresh.path("status").asText()).isEqualTo("active");
        assertThat(Instant.parse(refresh.path("expiresAt").asText()))
                .isAfter(Instant.parse(access.path("expiresAt").asText()));
        assertThat(refresh.path("mintedBy").asText()).isEqualTo("basic:" + TestGateway.ADMIN);
    }

    @Test
    void neverContainsATokenString() {
        JsonNode t = mint(adminBasic(), Map.of("scopes", List.of("messages:list"), "name", "secret-check"));
        String access = t.path("access_token").asText();
        String refresh = t.path("refresh_token").asText();
        use(access, 1);

        String body = inventory(adminBasic()).body();

        assertThat(body).contains(t.path("id").asText());
        for (String token : List.of(access, refresh)) {
            assertThat(body).doesNotContain(token);
            assertThat(body).doesNotContain(token.substring(token.lastIndexOf('.') + 1)); // its signature
            assertThat(body).doesNotContain(token.substring(token.indexOf('.') + 1, token.lastIndexOf('.')));
        }
        assertThat(body).doesNotContain("access_token", "refresh_token", "eyJ");
    }

    @Test
    void useCountAndLastUseGrowWithUseBeforeAndAfterTheFlush() {
        JsonNode t = mint(adminBasic(), Map.of("scopes", List.of("messages:list")));
        String jti = t.path("id").asText();

        use(t.path("access_token").asText(), 3);
        Instant lastUse = gw.clock().instant();
        assertThat(row(jti).path("useCount").asLong()).as("counted in memory before the flush").isEqualTo(3);

        gw.services().tokens().flushUsage();
        JsonNode flushed = row(jti);
        assertThat(flushed.path("useCount").asLong()).as("after the flush, not counted twice").isEqualTo(3);
        assertThat(Instant.parse(flushed.path("lastUsedAt").asText())).isEqualTo(lastUse.truncatedTo(
                ChronoUnit.MILLIS));

        gw.clock().advance(Duration.ofSeconds(5));
        use(t.path("access_token").asText(), 2);
        JsonNode later = row(jti);
        assertThat(later.path("useCount").asLong()).isEqualTo(5);
        assertThat(Instant.parse(later.path("lastUsedAt").asText()))
                .isAfter(Instant.parse(flushed.path("lastUsedAt").asText()));
        gw.services().tokens().flushUsage();
        assertThat(row(jti).path("useCount").asLong()).isEqualTo(5);
        assertThat(refreshRow(jti).path("useCount").asLong()).as("the refresh token was not used").isZero();
    }

    @Test
    void aRevokedTokenAndItsRefreshTokenShowStatusRevoked() {
        JsonNode t = mint(adminBasic(), Map.of("scopes", List.of("messages:list")));
        String jti = t.path("id").asText();
        Instant revokedAt = gw.clock().instant();

        assertThat(gw.delete("/auth/token/" + jti, adminBasic()).status()).isEqualTo(204);

        JsonNode access = row(jti);
        assertThat(access.path("status").asText()).isEqualTo("revoked");
        assertThat(Instant.parse(access.path("revokedAt").asText()))
                .isEqualTo(revokedAt.truncatedTo(ChronoUnit.MILLIS));
        JsonNode refresh = refreshRow(jti);
        assertThat(refresh.path("status").asText()).isEqualTo("revoked");
        assertThat(refresh.path("revokedAt").asText()).matches(WIRE_TIME);
    }

    @Test
    void anExpiredTokenShowsStatusExpired() {
        JsonNode t = mint(adminBasic(), Map.of("scopes", List.of("messages:list"), "ttl", 30));
        String jti = t.path("id").asText();
        assertThat(row(jti).path("status").asText()).isEqualTo("active");

        gw.clock().advance(Duration.ofSeconds(31));

        assertThat(row(jti).path("status").asText()).isEqualTo("expired");
        assertThat(refreshRow(jti).path("status").asText()).as("its refresh token lives longer").isEqualTo("active");
    }

    @Test
    void aRotationIsListedWithTheOldRefreshTokenRevoked() {
        JsonNode first = mint(adminBasic(), Map.of("scopes", List.of("messages:list"), "name", "rotating"));
        String oldRefreshJti = refreshRow(first.path("id").asText()).path("jti").asText();

        HttpResult r = gw.post("/auth/token/refresh", bearer(first.path("refresh_token").asText()), null);
        assertThat(r.status()).isEqualTo(201);
        String newJti = r.json().path("id").asText();

        assertThat(row(oldRefreshJti).path("status").asText()).isEqualTo("revoked");
        JsonNode rotated = row(newJti);
        assertThat(rotated.path("status").asText()).isEqualTo("active");
        assertThat(rotated.path("name").asText()).isEqualTo("rotating");
        assertThat(rotated.path("mintedBy").asText()).isEqualTo("refresh:" + oldRefreshJti);
        assertThat(refreshRow(newJti).path("status").asText()).isEqualTo("active");
    }

    @Test
    void aTokenMintedByAJwtNamesItsMinter() {
        JsonNode manager = mint(adminBasic(), Map.of("scopes", List.of("tokens:manage", "messages:send")));
        JsonNode child = mint(bearer(manager.path("access_token").asText()),
                Map.of("scopes", List.of("messages:send")));

        assertThat(row(child.path("id").asText()).path("mintedBy").asText())
                .isEqualTo("jwt:" + manager.path("id").asText());
    }

    @Test
    void listsOnlyTheCallersOwnTokens() {
        JsonNode theirs = mint(basic(OTHER, OTHER_PASSWORD), Map.of("scopes", List.of("messages:list")));
        JsonNode ours = mint(adminBasic(), Map.of("scopes", List.of("messages:list")));

        List<JsonNode> adminRows = rows();
        assertThat(find(adminRows, ours.path("id").asText())).isPresent();
        assertThat(find(adminRows, theirs.path("id").asText())).isEmpty();

        HttpResult r = inventory(basic(OTHER, OTHER_PASSWORD));
        List<String> otherJtis = new ArrayList<>();
        r.json().forEach(n -> otherJtis.add(n.path("jti").asText()));
        assertThat(otherJtis).contains(theirs.path("id").asText()).doesNotContain(ours.path("id").asText());
        assertThat(otherJtis).hasSize(2);
    }

    @Test
    void everyIssuedTokenIsListed() {
        Map<String, Integer> before = countByType(rows());
        mint(adminBasic(), Map.of("scopes", List.of("messages:list")));
        mint(adminBasic(), Map.of("scopes", List.of("devices:list")));

        Map<String, Integer> after = countByType(rows());

        assertThat(after.getOrDefault("access", 0)).isEqualTo(before.getOrDefault("access", 0) + 2);
        assertThat(after.getOrDefault("refresh", 0)).isEqualTo(before.getOrDefault("refresh", 0) + 2);
    }

    @Test
    void needsTokensManage() {
        String manager = gw.bearerWith("tokens:manage");
        assertThat(inventory(manager).status()).isEqualTo(200);
        assertScopeRequired(inventory(gw.bearerWith("messages:list", "logs:read")), "tokens:manage");
    }

    private static Map<String, Integer> countByType(List<JsonNode> rows) {
        Map<String, Integer> counts = new HashMap<>();
        rows.forEach(n -> counts.merge(n.path("type").asText(), 1, Integer::sum));
        return counts;
    }
}
