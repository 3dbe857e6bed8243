package app.smsdesk.desktop.page.messages;

import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.desktop.testing.WindowTest;
import app.smsdesk.gateway.domain.IncomingMessage;
import app.smsdesk.gateway.domain.OutgoingMessage;
import app.smsdesk.gateway.service.SendRequest;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Clicking a column header sorts the whole result on the gateway, not the page on screen: rows that were pages
 * away come to the top, and the position text still counts the whole list.
 */
class ServerSortWindowTest extends WindowTest {
    @Test
    void sortingMessagesByStateBringsTheOldestCancelledOnesToTheFirstPage(FxRobot robot) {
        List<String> cancelled = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            tc.clock.advance(Duration.ofSeconds(1));
            OutgoingMessage m = tc.services().messages().send(tc.principal(),
                    SendRequest.text("message " + i, List.of("+14155552671")));
            if (i < 3) {
                cancelled.add(tc.services().messages().cancel(tc.principal(), m.id()).id());
            }
        }
        robot.clickOn("#nav-messages");
        TableView<OutgoingMessage> table = find(robot, "#message-table");
        await(() -> table.getItems().size() == MessagesViewModel.PAGE_SIZE);
        assertThat(table.getItems()).extracting(OutgoingMessage::id).doesNotContainAnyElementsOf(cancelled);

        robot.clickOn("#col-state"); // ascending: "Cancel…" before "Pending"
        await(() -> cancelled.contains(table.getItems().get(0).id()));
        assertThat(table.getItems().subList(0, 3)).extracting(OutgoingMessage::id)
                .containsExactlyInAnyOrderElementsOf(cancelled);
        assertThat(((Label) find(robot, "#page-text")).getText()).isEqualTo("1\u201350 of 60");

        robot.clickOn("#col-state"); // descending: all Pending, the cancelled ones on the last page
        await(() -> table.getItems().get(0).state().name().equals("Pending"));
        robot.clickOn("#page-next");
        await(() -> table.getItems().size() == 10);
        assertThat(table.getItems().subList(7, 10)).extracting(OutgoingMessage::id)
                .containsExactlyInAnyOrderElementsOf(cancelled);
    }

    @Test
    void sortingTheInboxBySenderSortsEveryReceivedMessage(FxRobot robot) {
        for (int i = 0; i < 110; i++) {
            tc.clock.advance(Duration.ofSeconds(1));
            String sender = i == 0 ? "ACME Bank" : "Shop " + (100 + i);
            tc.services().inbox().record(tc.principal().userId(), null, new IncomingMessage("in-" + i, "SMS", null,
                    sender, null, 1, "text " + i, tc.clock.instant()), "in-" + i);
        }
        robot.clickOn("#nav-inbox");
        TableView<IncomingMessage> table = find(robot, "#inbox-table");
        await(() -> table.getItems().size() == 100);
        assertThat(table.getItems()).extracting(IncomingMessage::sender).doesNotContain("ACME Bank");

        robot.clickOn("#col-from");
        await(() -> table.getItems().get(0).sender().equals("ACME Bank"));
        assertThat(table.getItems().get(1).sender()).isEqualTo("Shop 101");
        assertThat(((Label) find(robot, "#page-text")).getText()).isEqualTo("1\u2013100 of 110");
    }
}
