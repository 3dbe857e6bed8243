package app.smsdesk.desktop.page.phones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.smsdesk.desktop.testing.TestConsole;
import app.smsdesk.gateway.GatewayConfig;
import app.smsdesk.gateway.mobile.PairingService;
import app.smsdesk.gateway.domain.SimCard;
import app.smsdesk.gateway.service.DeviceService;
import java.io.IOException;
import java.io.InputStream;
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
    void pairingShowsTheHttpsUrlTokenCertificateAndUsbWayAndTurnsGreenWhenANewPhoneRegisters() {
        register("Old phone");
        PairingViewModel pairing = phones.pairing();
        pairing.start();

        int port = tc.gateway().port();
        int httpsPort = tc.gateway().httpsPort();
        PairingService.PairingInfo info = tc.services().pairing().info();
        assertThat(pairing.httpsOn()).isTrue();
        assertThat(pairing.addresses()).extracting(PairingViewModel.Address::apiUrl)
                .containsExactlyElementsOf(info.mobileApiUrls());
        PairingViewModel.Address first = pairing.addresses().get(0);
        assertThat(pairing.apiUrlProperty().get())
                .isEqualTo("https://" + first.host() + ":" + httpsPort + "/api/mobile/v1");
        assertThat(pairing.caUrlProperty().get()).isEqualTo("http://" + first.host() + ":" + tc.gateway().caPort()
                + "/ca.crt");
        assertThat(pairing.caFingerprintProperty().get()).isEqualTo(tc.gateway().certificates().caFingerprint())
                .matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(pairing.privateTokenProperty().get()).isEqualTo(TestConsole.PRIVATE_TOKEN);
        assertThat(pairing.usbApiUrlProperty().get()).isEqualTo("http://127.0.0.1:" + port + "/api/mobile/v1");
        assertThat(pairing.usbCommand()).isEqualTo("adb reverse tcp:" + port + " tcp:" + port);
        assertThat(pairing.warningProperty().get()).contains("--https-host 0.0.0.0").doesNotContain("HTTPS is off");
        tc.tasks.tick();
        assertThat(pairing.pairedProperty().get()).isFalse();

        register("Samsung/Galaxy A54");
        tc.tasks.tick();

        assertThat(pairing.pairedProperty().get()).isTrue();
        assertThat(pairing.statusProperty().get()).contains("Samsung/Galaxy A54");
        assertThat(pairing.sseOnlyHintProperty().get()).isEmpty();
        assertThat(tc.tasks.repeatingCount()).isZero();
        pairing.copy(pairing.privateTokenProperty().get());
        pairing.copy(pairing.caFingerprintProperty().get());
        assertThat(tc.copied).containsExactly(TestConsole.PRIVATE_TOKEN, info.caFingerprint());
    }

    @Test
    void aPhoneThatPairsWithAPushTokenIsToldHowToSwitchToSseOnly() {
        PairingViewModel pairing = phones.pairing();
        pairing.start();

        tc.services().devices().register(TestConsole.ADMIN, "Xiaomi/Redmi", "fcm-token-1", List.of(), "1.40.0");
        tc.tasks.tick();

        assertThat(pairing.pairedProperty().get()).isTrue();
        assertThat(pairing.sseOnlyHintProperty().get()).contains("push token")
                .contains("Notification channel").contains("SSE only");
    }

    @Test
    void withoutHttpsThePairingOffersPlainHttpAndTheUsbWay() {
        try (TestConsole plain = new TestConsole(GatewayConfig.HTTPS_OFF)) {
            PairingViewModel pairing = new PhonesViewModel(plain.console()).pairing();
            pairing.start();

            int port = plain.gateway().port();
            assertThat(pairing.httpsOn()).isFalse();
            assertThat(pairing.apiUrlProperty().get()).isEqualTo("http://127.0.0.1:" + port + "/api/mobile/v1");
            assertThat(pairing.caUrlProperty().get()).isEmpty();
            assertThat(pairing.caFingerprintProperty().get()).isEmpty();
            assertThat(pairing.usbApiUrlProperty().get()).isEqualTo("http://127.0.0.1:" + port + "/api/mobile/v1");
            assertThat(pairing.warningProperty().get()).contains("HTTPS is off").contains("USB");
            pairing.stop();
        }
    }

    @Test
    void showsHowNewMessagesReachEachPhoneAndHowToSwitchPollingPhonesToSseOnly() throws IOException {
        tc.services().devices().register(TestConsole.ADMIN, "Polling phone", "fcm-token-1", List.of(), "1.40.0");
        tc.services().devices().register(TestConsole.ADMIN, "Quiet phone", null, List.of(), "1.40.0");
        // Switched to "SSE only" after registering with a token: the server keeps the token, the stream counts.
        DeviceService.Registration switched = tc.services().devices().register(TestConsole.ADMIN, "Switched phone",
                "fcm-token-2", List.of(), "1.40.0");
        try (InputStream stream = tc.openEventStream(switched.token())) {
            phones.refresh();

            assertThat(phones.phones()).extracting(PhonesViewModel.PhoneRow::name, PhonesViewModel.PhoneRow::channel)
                    .containsExactlyInAnyOrder(tuple("Polling phone", PhonesViewModel.Channel.POLLING),
                            tuple("Quiet phone", PhonesViewModel.Channel.WAITING),
                            tuple("Switched phone", PhonesViewModel.Channel.LIVE));
            assertThat(phones.sseOnlyHintProperty().get()).startsWith("\u201cPolling phone\u201d registered")
                    .contains(PhonesViewModel.SSE_ONLY_STEPS).doesNotContain("Switched phone");

            tc.services().devices().delete(tc.principal(), phones.phones().stream()
                    .filter(p -> p.channel() == PhonesViewModel.Channel.POLLING).findFirst().orElseThrow()
                    .device().id());
            phones.refresh();
            assertThat(phones.sseOnlyHintProperty().get()).isEmpty();
        }
    }

    @Test
    void aPhoneThatSignedUpWithThePrivateTokenWaitsUntilApprovedWithOneClick() {
        DeviceService.Registration waiting = tc.services().devices().register(TestConsole.ADMIN, "Samsung/SM-A515F",
                null, List.of(), "1.68.0", false);
        register("Shop phone");
        phones.refresh();
        assertThat(phones.phones()).extracting(PhonesViewModel.PhoneRow::name, PhonesViewModel.PhoneRow::status)
                .containsExactlyInAnyOrder(tuple("Samsung/SM-A515F", "waiting"), tuple("Shop phone", "online"));
        assertThat(phones.waitingHintProperty().get()).startsWith("\u201cSamsung/SM-A515F\u201d signed up with the "
                + "private token and waits for your approval");

        phones.approve(phones.phones().stream().filter(p -> !p.device().approved()).findFirst().orElseThrow());

        assertThat(tc.services().devices().find(tc.principal(), waiting.device().id()).orElseThrow().approved())
                .isTrue();
        assertThat(phones.phones()).extracting(PhonesViewModel.PhoneRow::status).containsOnly("online");
        assertThat(phones.waitingHintProperty().get()).isEmpty();
    }

    @Test
    void pairingOffersAOneTimeCodeApprovesAWaitingPhoneAndReplacesThePrivateToken() {
        PairingViewModel pairing = phones.pairing();
        pairing.start();
        assertThat(pairing.codeProperty().get()).hasSize(6);
        assertThat(pairing.codeValidityProperty().get()).startsWith("valid once, until ");
        String first = pairing.codeProperty().get();
        pairing.newCode();
        assertThat(pairing.codeProperty().get()).hasSize(6).isNotEqualTo(first);

        tc.services().devices().register(TestConsole.ADMIN, "Samsung/SM-A515F", null, List.of(), "1.68.0", false);
        pairing.checkForNewPhone();
        assertThat(pairing.waitingProperty().get()).isNotNull();
        assertThat(pairing.pairedProperty().get()).isFalse();
        assertThat(pairing.statusProperty().get()).contains("waits for your approval");
        pairing.approveWaiting();
        assertThat(pairing.pairedProperty().get()).isTrue();
        assertThat(pairing.waitingProperty().get()).isNull();
        assertThat(tc.services().devices().list(tc.principal())).allMatch(d -> d.approved());

        tc.dialogs.answering(false);
        pairing.rotatePrivateToken();
        assertThat(pairing.privateTokenProperty().get()).isEqualTo(TestConsole.PRIVATE_TOKEN);
        tc.dialogs.answering(true);
        pairing.rotatePrivateToken();
        assertThat(pairing.privateTokenProperty().get()).isNotEqualTo(TestConsole.PRIVATE_TOKEN)
                .isEqualTo(tc.gateway().privateToken());
        pairing.stop();
    }
}
