package app.smsdesk.gateway.http;

import static app.smsdesk.gateway.testing.TestGateway.adminBasic;
import static app.smsdesk.gateway.testing.TestGateway.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.smsdesk.gateway.domain.Principal;
import app.smsdesk.gateway.domain.Refusal;
import app.smsdesk.gateway.testing.TestGateway;
import app.smsdesk.gateway.testing.TestJwts;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/**
 * "Why was I refused?": every 401 and 403 of a genuine token is recorded under its id with a reason (missing scope,
 * expired, revoked, rolled), newest first; forgeries are attributed to no one, and only the token's account sees
 * them.
 */
class TokenRefusalsTest {
    private static List<String> reasons(TestGateway gw, String jti) {
        return gw.services().tokens().refusals(gw.admin(), jti).stream().map(Refusal::reason).toList();
    }

    @Test
    void eachRefusalOfAGenuineTokenIsRecordedWithItsReason() {
        try (TestGateway gw = TestGateway.start()) {
            JsonNode t = gw.mint(List.of("messages:list"));
            String jti = t.path("id").asText();
            String token = t.path("access_token").asText();
            assertThat(gw.get("/messages", bearer(token)).status()).isEqualTo(200);
            assertThat(gw.get("/devices", bearer(token)).status()).isEqualTo(403);
            assertThat(reasons(gw, jti)).containsExactly("scope:devices:list");
            Refusal first = gw.services().tokens().refusals(gw.admin(), jti).get(0);
            assertThat(first.request()).isEqualTo("GET /3rdparty/v1/devices");
            assertThat(first.address()).isEqualTo("127.0.0.1");
            assertThat(first.at()).isCloseTo(gw.clock().instant(), within(1, ChronoUnit.SECONDS));

            JwtClaims forged = TestJwts.changed(token, c -> c.setStringListClaim("scopes", "all:any"));
            assertThat(gw.get("/devices", bearer(TestJwts.sign(forged, "HS256",
                    new org.jose4j.keys.HmacKey(new byte[64])))).status()).isEqualTo(401);
            assertThat(reasons(gw, jti)).as("a forgery under its id is not its refusal").hasSize(1);

            gw.clock().advance(Duration.ofHours(2));
            assertThat(gw.get("/messages", bearer(token)).status()).isEqualTo(401);
            assertThat(reasons(gw, jti)).containsExactly("expired", "scope:devices:list");

            JsonNode other = gw.mint(List.of("messages:list"));
            gw.delete("/auth/token/" + other.path("id").asText(), adminBasic());
            gw.get("/messages", bearer(other.path("access_token").asText()));
            assertThat(reasons(gw, other.path("id").asText())).containsExactly("revoked");

            JsonNode rolled = gw.mint(List.of("messages:list"));
            gw.services().tokens().roll(gw.admin(), rolled.path("id").asText(), Duration.ZERO);
            gw.get("/messages", bearer(rolled.path("access_token").asText()));
            assertThat(reasons(gw, rolled.path("id").asText())).containsExactly("rolled");

            gw.services().accounts().createAccount("other", "other-account-password-1");
            assertThat(gw.services().tokens().refusals(Principal.console("other"), jti))
                    .as("another account's token").isEmpty();
        }
    }
}
