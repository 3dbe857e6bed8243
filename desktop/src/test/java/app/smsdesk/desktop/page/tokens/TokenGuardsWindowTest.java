package app.smsdesk.desktop.page.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.desktop.testing.WindowTest;
import app.smsdesk.gateway.domain.TokenGuards;
import app.smsdesk.gateway.domain.TokenInfo;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Guards set in the New token dialog and edited in the detail pane, driving the real window. */
class TokenGuardsWindowTest extends WindowTest {
    private TokenInfo token(String name) {
        return tc.services().tokens().inventory(tc.principal()).stream()
                .filter(t -> name.equals(t.name()) && !t.isRefresh()).findFirst().orElseThrow();
    }

    @Test
    void mintWithLimitsThenNarrowThemFromTheDetailPane(FxRobot robot) {
        robot.clickOn("#nav-tokens");
        robot.clickOn("#new-token");
        robot.clickOn("#token-name").write("Newsletter");
        robot.clickOn("#preset-send-only");
        robot.clickOn("#token-limits");
        robot.clickOn("#guard-budget").write("x");
        robot.clickOn("#create-token");
        await(() -> ((Label) find(robot, "#token-problem")).getText().startsWith("guards.dailyBudget"));
        robot.doubleClickOn("#guard-budget").write("200");
        robot.clickOn("#guard-prefixes").write("+49, 0043");
        robot.clickOn("#guard-zone").write("UTC");
        robot.clickOn("#create-token");
        await(() -> !robot.lookup("#issued-token").queryAll().isEmpty());
        String issued = ((TextArea) find(robot, "#issued-token")).getText();
        robot.clickOn("#token-done");

        TokenGuards minted = tc.services().tokens().guards(tc.principal(), token("Newsletter").jti());
        assertThat(minted.dailyBudget()).isEqualTo(200);
        assertThat(minted.recipientPrefixes()).containsExactly("+49", "+43");
        var refused = tc.post("/messages", "Bearer " + issued,
                "{\"textMessage\":{\"text\":\"hi\"},\"phoneNumbers\":[\"+33612345678\"]}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("guard:recipient");

        robot.clickOn("Newsletter");
        await(() -> ((Label) find(robot, "#token-guards-summary")).getText().contains("0 of 200 SMS today"));
        assertThat(((Label) find(robot, "#token-guards-summary")).getText()).contains("to +49, +43");
        robot.clickOn("#token-guards");
        robot.clickOn("#guard-hours").write("25:00-26:00");
        robot.clickOn("#guards-save");
        await(() -> ((Label) find(robot, "#guards-problem")).getText().startsWith("guards.hours"));
        robot.doubleClickOn("#guard-hours").eraseText(11);
        robot.clickOn("#guard-addresses").write("10.1.0.0/16");
        robot.clickOn("#guards-save");
        await(() -> ((Label) find(robot, "#token-guards-summary")).getText().contains("from 10.1.0.0/16"));
        assertThat(tc.services().tokens().guards(tc.principal(), token("Newsletter").jti()).addresses())
                .containsExactly("10.1.0.0/16");
        assertThat(tc.getWithToken("/messages", issued)).as("127.0.0.1 is not in 10.1.0.0/16").isEqualTo(403);
    }
}
