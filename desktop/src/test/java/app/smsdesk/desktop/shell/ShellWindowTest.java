package app.smsdesk.desktop.shell;

import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.desktop.testing.WindowTest;
import app.smsdesk.gateway.Gateway;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

class ShellWindowTest extends WindowTest {
    private void clickWindowClose() {
        WaitForAsyncUtils.asyncFx(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void closingTheWindowStopsTheConsoleByDefault() {
        clickWindowClose();

        await(() -> exits.get() == 1);
        assertThat(tc.tray.installed()).isZero();
    }

    @Test
    void keepRunningInBackgroundHidesTheWindowToTheTrayWithOpenAndQuit() {
        tc.preferences.setKeepRunningInBackground(true);

        clickWindowClose();
        await(() -> !stage.isShowing());
        assertThat(tc.tray.installed()).isEqualTo(1);
        assertThat(onFx(() -> window.background().inTray())).isTrue();
        assertThat(exits.get()).isZero();

        tc.tray.clickOpen();
        await(stage::isShowing);
        clickWindowClose();
        await(() -> !stage.isShowing());
        assertThat(tc.tray.installed()).isEqualTo(1);

        tc.tray.clickQuit();
        await(() -> exits.get() == 1);
        onFx(() -> {
            window.close();
            return null;
        });
        assertThat(tc.tray.removed()).isEqualTo(1);
    }

    @Test
    void withoutATraySayingSoAndStoppingCleanly(FxRobot robot) {
        tc.preferences.setKeepRunningInBackground(true);
        tc.tray.supported(false);

        clickWindowClose();
        await(() -> robot.lookup(n -> n instanceof Label l && l.getText() != null
                && l.getText().contains("no system tray")).tryQuery().isPresent());
        assertThat(exits.get()).isZero();
        robot.clickOn("OK");

        await(() -> exits.get() == 1);
        assertThat(tc.tray.installed()).isZero();
    }

    @Test
    void theWindowHasTheAppIconAndAboutShowsVersionDataDirectoryAndLicences(FxRobot robot) {
        assertThat(onFx(() -> stage.getIcons().size())).isGreaterThanOrEqualTo(4);
        assertThat(onFx(() -> stage.getIcons().get(0).isError())).isFalse();

        robot.clickOn("#about");

        await(() -> robot.lookup("#about-dialog").tryQuery().isPresent());
        assertThat(((Label) find(robot, "#about-version")).getText()).isEqualTo("Version " + Gateway.version());
        assertThat(((TextField) find(robot, "#about-data-dir")).getText())
                .isEqualTo(tc.dataDir().toAbsolutePath().toString());
        assertThat(((Label) find(robot, "#about-licences")).getText()).contains("Apache 2.0").contains("MIT")
                .contains("SMSDesk\u2019s code and artwork are under the Apache License 2.0");
        robot.clickOn("Third-party notices");
        String notices = onFx(() -> ((javafx.scene.control.TextArea) find(robot, "#about-notices .text-area"))
                .getText());
        // Generated at build time from the dependencies' POMs: every library the console ships, with its licence.
        assertThat(notices).contains("org.openjfx:javafx-controls", "GPLv2+CE", "io.github.mkpaz:atlantafx-base",
                "io.undertow:undertow-core", "org.xerial:sqlite-jdbc", "org.bitbucket.b_c:jose4j",
                "org.bouncycastle:bcprov-jdk18on", "Bouncy Castle Licence", "com.google.zxing:core")
                .doesNotContain("junit", "testfx", "Unknown license");
        robot.clickOn("Close");
        await(() -> robot.lookup("#about-dialog").tryQuery().isEmpty());
    }
}
