package app.smsdesk.desktop.page.phones;

import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.desktop.testing.TestConsole;
import app.smsdesk.desktop.testing.WindowTest;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TabPane;
import javafx.scene.image.ImageView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

class PairingWindowTest extends WindowTest {
    @Test
    void pairWizardShowsTheUrlTokenAndQrAndSeesTheNewPhone(FxRobot robot) {
        robot.clickOn("#nav-phones");
        robot.clickOn("#pair-phone");

        await(() -> !((TextField) find(robot, "#pair-api-url")).getText().isEmpty());
        assertThat(((TextField) find(robot, "#pair-private-token")).getText()).isEqualTo(TestConsole.PRIVATE_TOKEN);
        assertThat(((TextField) find(robot, "#pair-api-url")).getText()).startsWith("https://")
                .endsWith(":" + tc.gateway().httpsPort() + "/api/mobile/v1");
        assertThat(((Label) find(robot, "#pair-ca-fingerprint")).getText().replace('\n', ':'))
                .isEqualTo(tc.gateway().certificates().caFingerprint());
        assertThat(((Label) find(robot, "#pair-ca-url")).getText()).endsWith(":" + tc.gateway().caPort() + "/ca.crt");
        assertThat(((ImageView) find(robot, "#pair-qr")).getImage()).isNotNull();
        assertThat(((Label) find(robot, "#pair-channel")).getText()).isEqualTo("SSE only");
        // The gateway listens on 127.0.0.1 only: the warning says so and the USB way shows.
        assertThat(((Label) find(robot, "#pair-warning")).isVisible()).isTrue();
        assertThat(((TabPane) find(robot, "#pair-tabs")).getSelectionModel().getSelectedItem().getId())
                .isEqualTo("pair-tab-usb");
        assertThat(((TextField) find(robot, "#pair-usb-url")).getText())
                .isEqualTo("http://127.0.0.1:" + tc.gateway().port() + "/api/mobile/v1");
        assertThat(((TextField) find(robot, "#pair-usb-command")).getText())
                .isEqualTo("adb reverse tcp:" + tc.gateway().port() + " tcp:" + tc.gateway().port());

        tc.services().devices().register(TestConsole.ADMIN, "Google/Pixel 8", "fcm-token", List.of(), "1.40.0");
        await(() -> ((Label) find(robot, "#pair-status")).getText().contains("Google/Pixel 8"));
        await(() -> find(robot, "#pair-sse-only").isVisible());
        robot.clickOn("Close");
        await(() -> robot.lookup("Google/Pixel 8").tryQuery().isPresent());
        // No event stream open and a push token: the Phones screen says how to switch it to SSE only.
        await(() -> find(robot, "#phones-sse-only").isVisible());
        assertThat(((Label) find(robot, "#phones-sse-only")).getText()).contains("SSE only");
    }

    @Test
    void aPhoneThatSignsUpWithThePrivateTokenIsApprovedFromTheWizardAndTheCodeIsShown(FxRobot robot) {
        var settings = tc.services().gatewaySettings();
        settings.update(settings.get().withPhoneApproval(true), "test");
        robot.clickOn("#nav-phones");
        robot.clickOn("#pair-phone");
        await(() -> ((TextField) find(robot, "#pair-code")).getText().length() == 6);
        assertThat(find(robot, "#pair-approve").isVisible()).isFalse();

        tc.services().devices().register(TestConsole.ADMIN, "Samsung/SM-A515F", null, List.of(), "1.68.0", false);
        await(() -> find(robot, "#pair-approve").isVisible());
        assertThat(((Label) find(robot, "#pair-status")).getText()).contains("waits for your approval");
        robot.clickOn("#pair-approve");
        await(() -> ((Label) find(robot, "#pair-status")).getText().startsWith("Paired"));
        robot.clickOn("Close");
        await(() -> robot.lookup("Samsung/SM-A515F").tryQuery().isPresent());
        assertThat(tc.services().devices().list(tc.principal())).allMatch(d -> d.approved());
    }

    @Test
    void aWaitingPhoneIsApprovedOnThePhonesScreenWithOneClick(FxRobot robot) {
        tc.services().devices().register(TestConsole.ADMIN, "Samsung/SM-A515F", null, List.of(), "1.68.0", false);
        robot.clickOn("#nav-phones");
        await(() -> find(robot, "#phones-waiting").isVisible());
        robot.clickOn(".phone-approve");
        await(() -> !find(robot, "#phones-waiting").isVisible());
        assertThat(tc.services().devices().list(tc.principal())).singleElement().matches(d -> d.approved());
    }
}
