package app.smsdesk.desktop.page.account;

import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.desktop.testing.TestConsole;
import app.smsdesk.gateway.domain.Scopes;
import app.smsdesk.gateway.service.TokenService;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountViewModelTest {
    private TestConsole tc;
    private AccountViewModel account;

    @BeforeEach
    void start() {
        tc = new TestConsole();
        account = new AccountViewModel(tc.console());
    }

    @AfterEach
    void stop() {
        tc.close();
    }

    @Test
    void changingThePasswordAsksThenRevokesTheTokens() {
        TokenService.IssuedTokens t = tc.services().tokens().mint(tc.principal(),
                new TokenService.MintRequest(List.of(Scopes.DEVICES_LIST), null, "x"));
        account.currentProperty().set(TestConsole.PASSWORD);
        account.nextProperty().set("a-much-longer-password-2026");
        assertThat(account.problemProperty().get()).contains("differ");
        account.repeatProperty().set("a-much-longer-password-2026");
        assertThat(account.canChangeProperty().get()).isTrue();

        account.change();

        assertThat(tc.dialogs.confirmations).singleElement().asString().contains("revoked");
        assertThat(tc.dialogs.infos).singleElement().asString().startsWith("Password changed");
        assertThat(tc.getWithToken("/devices", t.accessToken())).isEqualTo(401);
        assertThat(tc.services().accounts().verify(TestConsole.ADMIN, "a-much-longer-password-2026"))
                .isEqualTo(TestConsole.ADMIN);
        assertThat(account.currentProperty().get()).isEmpty();
    }

    @Test
    void aWrongCurrentPasswordIsExplained() {
        account.currentProperty().set("wrong-password");
        account.nextProperty().set("a-much-longer-password-2026");
        account.repeatProperty().set("a-much-longer-password-2026");
        account.change();
        assertThat(tc.dialogs.errors).singleElement().asString().contains("password is not correct");
    }

    @Test
    void shortPasswordsAreRefusedBeforeAsking() {
        account.currentProperty().set(TestConsole.PASSWORD);
        account.nextProperty().set("short");
        account.repeatProperty().set("short");
        assertThat(account.canChangeProperty().get()).isFalse();
        assertThat(account.problemProperty().get()).contains("at least 14");
        account.change();
        assertThat(tc.dialogs.confirmations).isEmpty();
    }
}
