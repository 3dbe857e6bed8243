package app.smsdesk.gateway.http;

import static app.smsdesk.gateway.testing.AuthAssertions.assertUnauthorized;
import static app.smsdesk.gateway.testing.TestGateway.adminBasic;
import static app.smsdesk.gateway.testing.TestGateway.bearer;
import static app.smsdesk.gateway.testing.TestGateway.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.service.GatewaySettingsService;
import app.smsdesk.gateway.testing.HttpResult;
import app.smsdesk.gateway.testing.TestGateway;
import app.smsdesk.gateway.testing.TestJwts;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With JWT switched off, token endpoints answer 501, every Bearer token is refused, Basic keeps working. */
class JwtDisabledTest {
    @RegisterExtension
    static final TestGateway gw = TestGateway.perClass(false);

    private static void setJwt(boolean enabled) {
        GatewaySettingsService settings = gw.services().gatewaySettings();
        settings.update(settings.get().withJwtEnabled(enabled), "test");
    }

    private static String knownJti;

    /**
     * A token with the claims the gateway issues, signed with its own key: well-formed in every respect, with the
     * id of a token in the inventory (the gateway accepts no other), so only the JWT switch decides.
     */
    private static String wellFormedToken() {
        if (knownJti == null) {
            boolean was = gw.services().gatewaySettings().jwtEnabled();
            setJwt(true);
            knownJti = gw.mint(List.of("all:any")).path("id").asText();
            setJwt(was);
        }
        Instant now = gw.clock().instant();
        JwtClaims c = new JwtClaims();
        c.setJwtId(knownJti);
        c.setIssuer("smsdesk");
        c.setSubject(TestGateway.ADMIN);
        c.setClaim("user_id", TestGateway.ADMIN);
        c.setStringListClaim("scopes", "all:any");
        c.setIssuedAt(TestJwts.seconds(now));
        c.setExpirationTime(TestJwts.seconds(now.plusSeconds(3600)));
        return TestJwts.signReal(gw, c);
    }

    private static void assertDisabled(HttpResult r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(501);
        assertThat(r.json().path("message").asText()).contains("disabled");
    }

    @Test
    void mintingAnswers501() {
        assertDisabled(gw.post("/auth/token", adminBasic(), json(Map.of("scopes", List.of("messages:send")))));
    }

    @Test
    void revokingAnswers501() {
        assertDisabled(gw.delete("/auth/token/NoSuchTokenId0000000", adminBasic()));
    }

    @Test
    void refreshingAnswers501() {
        assertDisabled(gw.post("/auth/token/refresh", bearer(wellFormedToken()), null));
        assertDisabled(gw.post("/auth/token/refresh", bearer(wellFormedToken()), "{}"));
    }

    @Test
    void mintingStillNeedsValidCredentials() {
        assertUnauthorized(gw.post("/auth/token", null, json(Map.of("scopes", List.of("messages:send")))));
    }

    @Test
    void anyBearerTokenIsUnauthorized() {
        assertUnauthorized(gw.get("/messages", bearer(wellFormedToken())));
        assertUnauthorized(gw.get("/messages", "Bearer garbage"));
        assertUnauthorized(gw.get("/no/such/path", bearer(wellFormedToken())));
    }

    @Test
    void basicKeepsWorking() {
        assertThat(gw.get("/messages", adminBasic()).status()).isEqualTo(200);
        assertThat(gw.get("/devices", adminBasic()).status()).isEqualTo(200);
        HttpResult sent = gw.post("/messages", adminBasic(),
                "{\"phoneNumbers\":[\"+14155552671\"],\"textMessage\":{\"text\":\"hi\"}}");
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
    }

    @Test
    void tokensIssuedWhileEnabledStopWorkingWhenJwtIsSwitchedOffAndWorkAgainAfter() {
        setJwt(true);
        try {
            JsonNode minted = gw.mint(List.of("messages:list"));
            String token = bearer(minted.path("access_token").asText());
            assertThat(gw.get("/messages", token).status()).isEqualTo(200);
            assertThat(gw.get("/messages", bearer(wellFormedToken())).status())
                    .as("the hand-made token is accepted while JWT is on").isEqualTo(200);

            setJwt(false);
            assertUnauthorized(gw.get("/messages", token));
            assertDisabled(gw.post("/auth/token/refresh", bearer(minted.path("refresh_token").asText()), null));

            setJwt(true);
            assertThat(gw.get("/messages", token).status()).isEqualTo(200);
        } finally {
            setJwt(false);
        }
    }
}
