package app.smsdesk.desktop.page.phones;

import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.desktop.testing.TestConsole;
import app.smsdesk.desktop.testing.WindowTest;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
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
        assertThat(((TextField) find(robot, "#pair-api-url")).getText()).endsWith(":" + tc.gateway().port()
                + "/api/mobile/v1");
        assertThat(((ImageView) find(robot, "#pair-qr")).getImage()).isNotNull();

        tc.services().devices().register(TestConsole.ADMIN, "Google/Pixel 8", null, List.of(), "1.40.0");
        await(() -> ((Label) find(robot, "#pair-status")).getText().contains("Google/Pixel 8"));
        robot.clickOn("Close");
        await(() -> robot.lookup("Google/Pixel 8").tryQuery().isPresent());
    }
}
