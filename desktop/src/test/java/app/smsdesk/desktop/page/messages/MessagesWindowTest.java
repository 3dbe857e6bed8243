package app.smsdesk.desktop.page.messages;

import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.desktop.testing.WindowTest;
import app.smsdesk.gateway.domain.OutgoingMessage;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

class MessagesWindowTest extends WindowTest {
    @Test
    void sendAMessageAndSeeItsDetail(FxRobot robot) {
        robot.clickOn("#nav-messages");
        robot.clickOn("#compose");
        robot.clickOn("#compose-numbers").write("+14155552671");
        robot.clickOn("#compose-text").write("Your order ships today");
        assertThat(((Label) find(robot, "#compose-segments")).getText()).startsWith("GSM-7 \u00b7 22 characters");
        robot.clickOn("#compose-send");

        TableView<OutgoingMessage> table = find(robot, "#message-table");
        await(() -> table.getItems().size() == 1);
        await(() -> robot.lookup("#detail-id").tryQuery().isPresent());
        String id = ((Label) find(robot, "#detail-id")).getText();
        assertThat(id).isEqualTo(table.getItems().get(0).id());
        assertThat(((VBox) find(robot, "#detail-timeline")).getChildren()).hasSize(1);
        assertThat(robot.lookup("+14155552671").tryQuery()).isPresent();
        assertThat(find(robot, "#cancel-message").isDisabled()).isFalse();
    }
}
