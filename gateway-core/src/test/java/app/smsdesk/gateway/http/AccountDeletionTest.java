package app.smsdesk.gateway.http;

import static app.smsdesk.gateway.testing.AuthAssertions.assertUnauthorized;
import static app.smsdesk.gateway.testing.TestGateway.basic;
import static app.smsdesk.gateway.testing.TestGateway.bearer;
import static app.smsdesk.gateway.testing.TestGateway.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.smsdesk.gateway.domain.ConflictException;
import app.smsdesk.gateway.domain.NotFoundException;
import app.smsdesk.gateway.testing.TestGateway;
import app.smsdesk.gateway.testing.phone.PhoneSimulator;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A deleted account's tokens, refresh tokens and phones stop working at once and stay dead after a restart,
 * although the cascade deleted the token rows the revocations were loaded from.
 */
class AccountDeletionTest {
    private static final String LOGIN = "leaver";
    private static final String PASSWORD = "leaver-password-0001";

    @Test
    void everythingOfADeletedAccountIsRefusedNowAndAfterARestart() {
        try (TestGateway gw = TestGateway.start()) {
            gw.services().accounts().createAccount(LOGIN, PASSWORD);
            JsonNode tokens = gw.post("/auth/token", basic(LOGIN, PASSWORD),
                    json(Map.of("scopes", List.of("messages:list", "messages:send")))).json();
            String access = bearer(tokens.path("access_token").asText());
            String refresh = bearer(tokens.path("refresh_token").asText());
            PhoneSimulator phone = new PhoneSimulator(PhoneSimulator.Config.of(gw.mobileApi(),
                    new PhoneSimulator.SignIn(LOGIN, PASSWORD)));
            phone.register();
            assertThat(gw.get("/messages", access).status()).isEqualTo(200);

            gw.services().accounts().deleteAccount(LOGIN);

            assertUnauthorized(gw.get("/messages", access));
            assertUnauthorized(gw.post("/auth/token/refresh", refresh, null));
            assertUnauthorized(gw.get("/messages", basic(LOGIN, PASSWORD)));
            assertThat(phone.updateDevice()).as("the account's phone").isEqualTo(401);

            gw.restart();
            assertUnauthorized(gw.get("/messages", access));
            assertUnauthorized(gw.post("/auth/token/refresh", refresh, null));
            assertThat(gw.get("/messages", TestGateway.adminBasic()).status()).isEqualTo(200);
            phone.close();
        }
    }

    @Test
    void thePrimaryAccountCannotBeDeletedNorAnUnknownOne() {
        try (TestGateway gw = TestGateway.start()) {
            assertThatThrownBy(() -> gw.services().accounts().deleteAccount(TestGateway.ADMIN))
                    .isInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> gw.services().accounts().deleteAccount("nobody"))
                    .isInstanceOf(NotFoundException.class);
            assertThat(gw.get("/messages", TestGateway.adminBasic()).status()).isEqualTo(200);
        }
    }
}
