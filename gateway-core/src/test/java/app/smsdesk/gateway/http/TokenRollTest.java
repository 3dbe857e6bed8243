package app.smsdesk.gateway.http;

import static app.smsdesk.gateway.testing.TestGateway.adminBasic;
import static app.smsdesk.gateway.testing.TestGateway.bearer;
import static app.smsdesk.gateway.testing.TestGateway.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.smsdesk.gateway.domain.ConflictException;
import app.smsdesk.gateway.domain.NotFoundException;
import app.smsdesk.gateway.domain.TokenInfo;
import app.smsdesk.gateway.domain.ValidationException;
import app.smsdesk.gateway.service.TokenService;
import app.smsdesk.gateway.testing.TestGateway;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rolling a token: a successor with the same name and scopes, while the old token works out a grace period (its
 * refresh token renews it only within that period), then gets 401; the inventory links the two; a restart changes
 * nothing.
 */
class TokenRollTest {
    private static JsonNode mint(TestGateway gw) {
        return gw.post("/auth/token", adminBasic(), json(Map.of("scopes", List.of("messages:list", "messages:read"),
                "ttl", Duration.ofDays(7).toSeconds(), "name", "crm"))).json();
    }

    private static TokenInfo row(TestGateway gw, String jti) {
        return gw.services().tokens().inventory(gw.admin()).stream().filter(t -> t.jti().equals(jti)).findFirst()
                .orElseThrow();
    }

    @Test
    void theOldTokenWorksOutItsGracePeriodThenDiesWhileTheNewOneCarriesOn() {
        try (TestGateway gw = TestGateway.start()) {
            JsonNode old = mint(gw);
            String oldJti = old.path("id").asText();
            String oldBearer = bearer(old.path("access_token").asText()); // the old client, as it renews itself
            Instant now = gw.clock().instant().truncatedTo(ChronoUnit.SECONDS);

            TokenService.IssuedTokens rolled = gw.services().tokens().roll(gw.admin(), oldJti, Duration.ofHours(24));

            String newBearer = bearer(rolled.accessToken());
            assertThat(rolled.access().name()).isEqualTo("crm");
            assertThat(rolled.access().scopes()).containsExactly("messages:list", "messages:read");
            assertThat(rolled.access().mintedBy()).as("linked in the inventory").isEqualTo("roll:" + oldJti);
            assertThat(rolled.access().expiresAt()).isEqualTo(now.plus(Duration.ofDays(7)));
            assertThat(gw.get("/messages", newBearer).status()).isEqualTo(200);
            assertThat(gw.get("/messages", oldBearer).status()).as("in its grace period").isEqualTo(200);
            assertThat(row(gw, oldJti).expiresAt()).isEqualTo(now.plus(Duration.ofHours(24)));
            JsonNode renewed = gw.post("/auth/token/refresh", bearer(old.path("refresh_token").asText()), null)
                    .json();
            assertThat(Instant.parse(renewed.path("expires_at").asText()))
                    .as("the old refresh token renews within the grace only")
                    .isBeforeOrEqualTo(now.plus(Duration.ofHours(24)));
            oldBearer = bearer(renewed.path("access_token").asText());

            gw.restart();
            assertThat(gw.get("/messages", newBearer).status()).as("the new one after a restart").isEqualTo(200);
            assertThat(gw.get("/messages", oldBearer).status()).as("a restart keeps the grace").isEqualTo(200);
            gw.clock().advance(Duration.ofHours(24).plusSeconds(1));
            assertThat(gw.get("/messages", oldBearer).status()).as("grace over").isEqualTo(401);
            assertThat(gw.get("/messages", newBearer).status()).isEqualTo(200);
            assertThat(row(gw, oldJti).status(gw.clock().instant())).isEqualTo("expired");
            assertThat(gw.get("/logs", adminBasic()).body()).contains("token rolled");
        }
    }

    @Test
    void onlyTheAccountsActiveAccessTokensRollWithABoundedGrace() {
        try (TestGateway gw = TestGateway.start()) {
            JsonNode t = mint(gw);
            String jti = t.path("id").asText();
            TokenService tokens = gw.services().tokens();
            assertThatThrownBy(() -> tokens.roll(gw.admin(), jti, Duration.ofDays(8)))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("grace: 0 to 168 hours");
            String refreshJti = TestJwtsPayload.jti(t.path("refresh_token").asText());
            assertThatThrownBy(() -> tokens.roll(gw.admin(), refreshJti, Duration.ofHours(1)))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> tokens.roll(gw.admin(), "no-such-token-0000000", Duration.ofHours(1)))
                    .isInstanceOf(NotFoundException.class);
            gw.services().accounts().createAccount("other", "other-account-password-1");
            assertThatThrownBy(() -> tokens.roll(app.smsdesk.gateway.domain.Principal.console("other"), jti,
                    Duration.ofHours(1))).as("another account's token").isInstanceOf(NotFoundException.class);
            assertThat(gw.delete("/auth/token/" + jti, adminBasic()).status()).isEqualTo(204);
            assertThatThrownBy(() -> tokens.roll(gw.admin(), jti, Duration.ofHours(1)))
                    .isInstanceOf(ConflictException.class).hasMessageContaining("revoked");

            JsonNode now = mint(gw);
            TokenService.IssuedTokens rolled = tokens.roll(gw.admin(), now.path("id").asText(), Duration.ZERO);
            assertThat(gw.get("/messages", bearer(now.path("access_token").asText())).status())
                    .as("no grace: dead at once").isEqualTo(401);
            assertThat(gw.get("/messages", bearer(rolled.accessToken())).status()).isEqualTo(200);
        }
    }

    /** The jti of a token, read from its payload. */
    private static final class TestJwtsPayload {
        static String jti(String jwt) {
            return app.smsdesk.gateway.testing.TestJwts.payload(jwt).path("jti").asText();
        }
    }
}
