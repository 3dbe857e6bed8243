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
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code DELETE /auth/token/{jti}}: always 204, effective from the very next request, per account. */
class TokenRevocationTest {
    private static final String OTHER = "second-account";
    private static final String OTHER_PASSWORD = "another-long-password-42";

    @RegisterExtension
    static final TestGateway gw = TestGateway.perClass();

    @BeforeAll
    static void start() {
        gw.services().accounts().createAccount(OTHER, OTHER_PASSWORD);
    }

    private static JsonNode mint(String auth, String... scopes) {
        HttpResult r = gw.post("/auth/token", auth, json(Map.of("scopes", List.of(scopes))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    private static String access(JsonNode minted) {
        return bearer(minted.path("access_token").asText());
    }

    private static HttpResult refresh(JsonNode minted) {
        return gw.post("/auth/token/refresh", bearer(minted.path("refresh_token").asText()), null);
    }

    @Test
    void revocationAnswers204WithAnEmptyBodyAndHoldsFromTheNextRequest() {
        JsonNode t = mint(adminBasic(), "messages:list");
        assertThat(gw.get("/messages", access(t)).status()).isEqualTo(200);

        HttpResult r = gw.delete("/auth/token/" + t.path("id").asText(), adminBasic());

        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
        assertUnauthorized(gw.get("/messages", access(t)));
    }

    @Test
    void revokingAnAccessTokenAlsoRevokesItsRefreshToken() {
        JsonNode t = mint(adminBasic(), "messages:list");

        gw.delete("/auth/token/" + t.path("id").asText(), adminBasic());

        assertUnauthorized(refresh(t));
    }

    @Test
    void aRevokedTokenStaysRevokedAfterARotationAttempt() {
        JsonNode t = mint(adminBasic(), "messages:list");
        gw.delete("/auth/token/" + t.path("id").asText(), adminBasic());
        refresh(t);

        assertUnauthorized(gw.get("/messages", access(t)));
    }

    @Test
    void otherTokensOfTheAccountKeepWorking() {
        JsonNode revoked = mint(adminBasic(), "messages:list");
        JsonNode kept = mint(adminBasic(), "messages:list");

        gw.delete("/auth/token/" + revoked.path("id").asText(), adminBasic());

        assertThat(gw.get("/messages", access(kept)).status()).isEqualTo(200);
        assertThat(refresh(kept).status()).isEqualTo(201);
    }

    @Test
    void unknownAndAlreadyRevokedIdsAlsoAnswer204() {
        JsonNode t = mint(adminBasic(), "messages:list");
        String jti = t.path("id").asText();

        assertThat(gw.delete("/auth/token/" + jti, adminBasic()).status()).isEqualTo(204);
        assertThat(gw.delete("/auth/token/" + jti, adminBasic()).status()).isEqualTo(204);
        assertThat(gw.delete("/auth/token/NoSuchTokenId0000000", adminBasic()).status()).isEqualTo(204);
        assertThat(gw.delete("/auth/token/x", adminBasic()).status()).isEqualTo(204);
    }

    @Test
    void anotherAccountsTokenIsNotRevoked() {
        String otherBasic = basic(OTHER, OTHER_PASSWORD);
        JsonNode theirs = mint(otherBasic, "messages:list");

        HttpResult r = gw.delete("/auth/token/" + theirs.path("id").asText(), adminBasic());

        assertThat(r.status()).as("204 even though nothing matched").isEqualTo(204);
        assertThat(gw.get("/messages", access(theirs)).status()).isEqualTo(200);
        assertThat(refresh(theirs).status()).isEqualTo(201);
    }

    @Test
    void anotherAccountsJwtWithTokensManageCannotRevokeOurs() {
        JsonNode ours = mint(adminBasic(), "messages:list");
        String theirManager = access(mint(basic(OTHER, OTHER_PASSWORD), "tokens:manage"));

        assertThat(gw.delete("/auth/token/" + ours.path("id").asText(), theirManager).status()).isEqualTo(204);

        assertThat(gw.get("/messages", access(ours)).status()).isEqualTo(200);
    }

    @Test
    void eachAccountRevokesItsOwnTokens() {
        String otherBasic = basic(OTHER, OTHER_PASSWORD);
        JsonNode theirs = mint(otherBasic, "messages:list");

        assertThat(gw.delete("/auth/token/" + theirs.path("id").asText(), otherBasic).status()).isEqualTo(204);

        assertUnauthorized(gw.get("/messages", access(theirs)));
    }

    @Test
    void aJwtWithTokensManageCanRevokeItself() {
        JsonNode manager = mint(adminBasic(), "tokens:manage");

        HttpResult r = gw.delete("/auth/token/" + manager.path("id").asText(), access(manager));

        assertThat(r.status()).isEqualTo(204);
        assertUnauthorized(gw.delete("/auth/token/" + manager.path("id").asText(), access(manager)));
    }

    @Test
    void aJwtWithTokensManageRevokesASiblingToken() {
        String manager = access(mint(adminBasic(), "tokens:manage"));
        JsonNode victim = mint(adminBasic(), "messages:list");

        assertThat(gw.delete("/auth/token/" + victim.path("id").asText(), manager).status()).isEqualTo(204);

        assertUnauthorized(gw.get("/messages", access(victim)));
    }

    @Test
    void revokingNeedsTokensManage() {
        JsonNode victim = mint(adminBasic(), "messages:list");

        HttpResult r = gw.delete("/auth/token/" + victim.path("id").asText(), gw.bearerWith("messages:list"));

        assertScopeRequired(r, "tokens:manage");
        assertThat(gw.get("/messages", access(victim)).status()).isEqualTo(200);
    }

    @Test
    void revocationSurvivesARestart() {
        JsonNode revoked = mint(adminBasic(), "messages:list");
        JsonNode kept = mint(adminBasic(), "messages:list");
        gw.delete("/auth/token/" + revoked.path("id").asText(), adminBasic());

        gw.restart();

        assertUnauthorized(gw.get("/messages", access(revoked)));
        assertUnauthorized(refresh(revoked));
        assertThat(gw.get("/messages", access(kept)).status()).isEqualTo(200);
    }
}
