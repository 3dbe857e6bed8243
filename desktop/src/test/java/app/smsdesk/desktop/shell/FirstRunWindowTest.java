package app.smsdesk.desktop.shell;

import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.desktop.testing.WindowTest;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The first-run secrets are a proper modal: an opaque card over a layer that covers the whole window and takes
 * every click, so nothing of the dashboard shows through or can be used until the admin confirms.
 */
class FirstRunWindowTest extends WindowTest {
    private void showFirstRun() {
        onFx(() -> {
            FirstRunDialog.show(window.modal(), console.clipboard(), "admin", "generated-password-123",
                    "generated-private-token-456");
            return null;
        });
        await(() -> window.modal().isShowing());
    }

    @Test
    void theSecretsAreShownOnAnOpaqueCardThatCoversTheWindowUntilConfirmed(FxRobot robot) {
        showFirstRun();
        Node card = find(robot, "#first-run-dialog");
        Node layer = find(robot, "#modal-layer");
        assertThat(robot.lookup(".text-field").queryAllAs(TextField.class)).extracting(TextField::getText)
                .contains("admin", "generated-password-123", "generated-private-token-456");
        Bounds whole = onFx(() -> stage.getScene().getRoot().getLayoutBounds());
        Bounds covered = onFx(() -> layer.localToScene(layer.getLayoutBounds()));
        assertThat(covered.getWidth()).isEqualTo(whole.getWidth());
        assertThat(covered.getHeight()).isEqualTo(whole.getHeight());
        assertThat(onFx(() -> card.getParent().getStyleClass())).contains("modal-card");
        await(() -> ((javafx.scene.layout.Region) card.getParent()).getBackground() != null); // after a CSS pass
        assertThat(onFx(() -> ((javafx.scene.layout.Region) card.getParent()).getBackground().getFills()
                .get(0).getFill().isOpaque())).as("the card has its own, opaque background").isTrue();

        robot.clickOn("#nav-messages"); // under the layer: must not reach the sidebar
        assertThat(onFx(() -> window.model().pageProperty().get())).isEqualTo(Page.DASHBOARD);

        robot.clickOn("#first-run-ok");
        await(() -> !window.modal().isShowing());
        robot.clickOn("#nav-messages");
        await(() -> window.model().pageProperty().get() == Page.MESSAGES);
    }

    @Test
    void escapeAndAClickBesideTheCardDoNotDismissIt(FxRobot robot) {
        showFirstRun();
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
        robot.clickOn(robot.point((Node) find(robot, "#modal-layer")).atOffset(new javafx.geometry.Point2D(-500, -300)));
        assertThat(onFx(() -> window.modal().isShowing())).isTrue();
    }
}
