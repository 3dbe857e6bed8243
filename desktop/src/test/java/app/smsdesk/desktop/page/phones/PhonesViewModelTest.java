package app.smsdesk.desktop.page.phones;

import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.desktop.testing.TestConsole;
import app.smsdesk.gateway.domain.SimCard;
import app.smsdesk.gateway.service.DeviceService;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PhonesViewModelTest {
    private TestConsole tc;
    private PhonesViewModel phones;

    @BeforeEach
    void start() {
        tc = new TestConsole();
        phones = new PhonesViewModel(tc.console());
    }

    @AfterEach
    void stop() {
        tc.close();
    }

    private DeviceService.Registration register(String name) {
        return tc.services().devices().register(TestConsole.ADMIN, name, null,
                List.of(new SimCard(0, 1, "...1234", "Telekom", null), new SimCard(1, 2, null, "Vodafone", null)),
                "1.40.0");
    }

    @Test
    void listsPhonesWithOnlineStateAppVersionAndSimCards() {
        register("Google/Pixel 7");
        phones.startLive();

        assertThat(phones.phones()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("Google/Pixel 7");
            assertThat(p.online()).isTrue();
            assertThat(p.sims()).isEqualTo("SIM 1 Telekom (...1234), SIM 2 Vodafone");
            assertThat(p.device().appVersion()).isEqualTo("1.40.0");
        });

        tc.clock.advance(Duration.ofMinutes(20));
        tc.tasks.tick();
        assertThat(phones.phones().get(0).online()).isFalse();
        assertThat(phones.phones().get(0).lastSeen()).isEqualTo("20 min ago");
        phones.stopLive();
    }

    @Test
    void removesAPhoneOnlyAfterConfirmation() {
        register("Phone A");
        phones.refresh();
        tc.dialogs.answering(false);
        phones.remove(phones.phones().get(0));
        assertThat(tc.services().devices().list(tc.principal())).hasSize(1);

        tc.dialogs.answering(true);
        phones.remove(phones.phones().get(0));
        assertThat(tc.services().devices().list(tc.principal())).isEmpty();
        assertThat(phones.phones()).isEmpty();
    }

    @Test
    void pairingShowsWhatToTypeAndTurnsGreenWhenANewPhoneRegisters() {
        register("Old phone");
        PairingViewModel pairing = phones.pairing();
        pairing.start();

        int port = tc.gateway().port();
        assertThat(pairing.apiUrlProperty().get()).isEqualTo("http://127.0.0.1:" + port + "/api/mobile/v1");
        assertThat(pairing.caUrlProperty().get()).isEqualTo("http://127.0.0.1:" + port + "/ca.crt");
        assertThat(pairing.privateToken()).isEqualTo(TestConsole.PRIVATE_TOKEN);
        assertThat(pairing.warningProperty().get()).contains("--host 0.0.0.0");
        tc.tasks.tick();
        assertThat(pairing.pairedProperty().get()).isFalse();

        register("Samsung/Galaxy A54");
        tc.tasks.tick();

        assertThat(pairing.pairedProperty().get()).isTrue();
        assertThat(pairing.statusProperty().get()).contains("Samsung/Galaxy A54");
        assertThat(tc.tasks.repeatingCount()).isZero();
        pairing.copyPrivateToken();
        assertThat(tc.copied).containsExactly(TestConsole.PRIVATE_TOKEN);
    }
}
