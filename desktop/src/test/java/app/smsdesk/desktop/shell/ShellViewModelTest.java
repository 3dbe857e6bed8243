package app.smsdesk.desktop.shell;

import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.desktop.testing.TestConsole;
import app.smsdesk.gateway.GatewayConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellViewModelTest {
    @Test
    void statusBarShowsTheHttpAndHttpsUrlsAndCopiesThem() {
        try (TestConsole tc = new TestConsole()) {
            ShellViewModel shell = new ShellViewModel(tc.console(), false, dark -> { });

            assertThat(tc.gateway().httpsPort()).isPositive().isNotEqualTo(tc.gateway().port());
            assertThat(shell.gatewayUrl()).isEqualTo("http://127.0.0.1:" + tc.gateway().port());
            assertThat(shell.httpsOn()).isTrue();
            shell.start();
            // Bound to 127.0.0.1 here: phones reach it only through USB forwarding, on this address.
            assertThat(shell.phonesUrlProperty().get()).isEqualTo("https://127.0.0.1:" + tc.gateway().httpsPort());
            shell.copyGatewayUrl();
            shell.copyPhonesUrl();
            assertThat(tc.copied).containsExactly("http://127.0.0.1:" + tc.gateway().port() + "/3rdparty/v1",
                    "https://127.0.0.1:" + tc.gateway().httpsPort() + "/api/mobile/v1");
            shell.stop();
        }
    }

    @Test
    void statusBarSaysWhenHttpsIsOff() {
        try (TestConsole tc = new TestConsole(GatewayConfig.HTTPS_OFF)) {
            ShellViewModel shell = new ShellViewModel(tc.console(), false, dark -> { });

            assertThat(shell.httpsOn()).isFalse();
            assertThat(shell.phonesUrlProperty().get()).isEqualTo("HTTPS off");
            shell.copyPhonesUrl();
            assertThat(tc.copied).isEmpty();
        }
    }

    @Test
    void countsPhonesOnlineAndRemembersTheTheme() {
        try (TestConsole tc = new TestConsole()) {
            List<Boolean> saved = new ArrayList<>();
            ShellViewModel shell = new ShellViewModel(tc.console(), false, saved::add);
            shell.start();
            assertThat(shell.phonesTextProperty().get()).isEqualTo("No phones yet");

            tc.services().devices().register(TestConsole.ADMIN, "Phone", null, List.of(), "1.40.0");
            tc.tasks.tick();
            assertThat(shell.phonesTextProperty().get()).isEqualTo("1 of 1 phone online");
            tc.services().devices().register(TestConsole.ADMIN, "Unknown", null, List.of(), "1.68.0", false);
            tc.tasks.tick();
            assertThat(shell.phonesTextProperty().get()).as("a waiting phone sends nothing")
                    .isEqualTo("1 of 1 phone online, 1 waiting for approval");

            shell.toggleTheme();
            assertThat(saved).containsExactly(true);
            shell.stop();
            assertThat(tc.tasks.repeatingCount()).isZero();
        }
    }
}
