package app.smsdesk.desktop.page.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.desktop.testing.WindowTest;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

class TokensWindowTest extends WindowTest {
    @Test
    void mintCopyUseAndRevokeATokenThroughTheWindow(FxRobot robot) {
        robot.clickOn("#nav-tokens");
        robot.clickOn("#new-token");
        robot.clickOn("#token-name").write("Shop website");
        robot.clickOn("#preset-send-only");
        assertThat(find(robot, "#create-token").isDisabled()).isFalse();
        robot.clickOn("#create-token");

        await(() -> !robot.lookup("#issued-token").queryAll().isEmpty());
        String token = ((TextArea) find(robot, "#issued-token")).getText();
        assertThat(((TextArea) find(robot, "#curl-example")).getText()).contains("Bearer " + token);
        robot.clickOn("#copy-token");
        assertThat(onFx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo(token);
        assertThat(((Button) find(robot, "#copy-token")).getText()).isEqualTo("Copied");
        assertThat(tc.getWithToken("/messages/unknown", token)).isEqualTo(404);
        robot.clickOn("#token-done");

        TableView<TokenRow> table = find(robot, "#token-table");
        await(() -> table.getItems().size() == 1 && table.getItems().get(0).info().useCount() == 1);
        assertThat(table.getItems().get(0).name()).isEqualTo("Shop website");

        robot.clickOn("Shop website");
        robot.clickOn("#revoke-selected");
        robot.clickOn("#confirm-action");
        await(() -> "revoked".equals(table.getItems().get(0).status()));
        assertThat(tc.getWithToken("/messages/unknown", token)).isEqualTo(401);
        assertThat(((Label) find(robot, "#token-summary")).getText()).contains("1 revoked");
    }

    @Test
    void createIsDisabledUntilAScopeIsChosen(FxRobot robot) {
        robot.clickOn("#nav-tokens");
        robot.clickOn("#new-token");
        assertThat(find(robot, "#create-token").isDisabled()).isTrue();
        assertThat(((Label) find(robot, "#token-problem")).getText()).contains("at least one scope");
        robot.clickOn("#scope-messages-send");
        await(() -> !find(robot, "#create-token").isDisabled());
        robot.clickOn("Cancel");
    }

    @Test
    void rollATokenFromItsDetailPane(FxRobot robot) {
        String old = tc.services().tokens().mint(tc.principal(), new app.smsdesk.gateway.service.TokenService
                .MintRequest(java.util.List.of("messages:read"), 86_400L, "Billing")).accessToken();
        assertThat(tc.getWithToken("/devices", old)).isEqualTo(403);
        robot.clickOn("#nav-tokens");
        robot.clickOn("Billing");
        await(() -> !robot.lookup("#token-roll").queryAll().isEmpty());
        await(() -> robot.lookup("#token-refusals").queryAll().stream().anyMatch(n -> robot.from(n)
                .lookup("missing scope devices:list").tryQuery().isPresent()));
        robot.clickOn("#token-roll");
        await(() -> !robot.lookup("#roll-grace").queryAll().isEmpty());
        robot.doubleClickOn("#roll-grace").write("2");
        robot.clickOn("OK");

        await(() -> !robot.lookup("#rolled-token").queryAll().isEmpty());
        String fresh = ((TextArea) find(robot, "#rolled-token")).getText();
        assertThat(onFx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo(fresh);
        assertThat(tc.getWithToken("/messages/unknown", fresh)).isEqualTo(404);
        assertThat(tc.getWithToken("/messages/unknown", old)).as("within the 2 hours").isEqualTo(404);
        robot.clickOn("#rolled-done");
        TableView<TokenRow> table = find(robot, "#token-table");
        await(() -> table.getItems().stream().filter(r -> r.name().equals("Billing")).count() == 2);
    }
}
