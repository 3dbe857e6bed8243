package app.smsdesk.desktop.page.settings;

import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.desktop.testing.WindowTest;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

class SettingsWindowTest extends WindowTest {
    @Test
    void invalidInputIsMarkedAndAValidOneIsSaved(FxRobot robot) {
        robot.clickOn("#nav-settings");
        await(() -> find(robot, "#setting-messages-send-interval-min") != null);
        assertThat(find(robot, "#unsaved-bar").isVisible()).isFalse();

        // The field may be below the fold of the page's scroll pane: focus it, as a Tab from above would.
        robot.interact(() -> find(robot, "#setting-messages-send-interval-min").requestFocus());
        robot.write("0");
        await(() -> find(robot, "#unsaved-bar").isVisible());
        Label error = find(robot, "#error-setting-messages-send-interval-min");
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).contains("at least 1");
        assertThat(find(robot, "#settings-save").isDisabled()).isTrue();

        robot.eraseText(1).write("45");
        await(() -> !find(robot, "#settings-save").isDisabled());
        robot.clickOn("#settings-save");
        await(() -> !find(robot, "#unsaved-bar").isVisible());
        assertThat(tc.services().settings().get(tc.principal()).path("messages").path("send_interval_min").intValue())
                .isEqualTo(45);
    }
}
