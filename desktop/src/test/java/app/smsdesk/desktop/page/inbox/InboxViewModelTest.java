package app.smsdesk.desktop.page.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.desktop.testing.TestConsole;
import app.smsdesk.gateway.domain.IncomingMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxViewModelTest {
    private TestConsole tc;

    @BeforeEach
    void start() {
        tc = new TestConsole();
    }

    @AfterEach
    void stop() {
        tc.close();
    }

    private void receive(String id, String sender, String text) {
        tc.clock.advance(Duration.ofSeconds(1));
        tc.services().inbox().record(TestConsole.ADMIN, null, new IncomingMessage(id, "SMS", null, sender, null, 1,
                text, tc.clock.instant()), id);
    }

    @Test
    void listsNewestFirstSearchesAndExports(@TempDir Path dir) throws IOException {
        receive("m1", "+14155550001", "Is the shop open today?");
        receive("m2", "+14155550002", "STOP");
        InboxViewModel inbox = new InboxViewModel(tc.console());
        inbox.start();

        assertThat(inbox.items()).extracting(IncomingMessage::id).containsExactly("m2", "m1");
        assertThat(inbox.pageTextProperty().get()).isEqualTo("1\u20132 of 2");
        inbox.searchProperty().set("shop");
        inbox.applySearch();
        assertThat(inbox.items()).extracting(IncomingMessage::id).containsExactly("m1");

        inbox.exportCsv(dir.resolve("inbox.csv"));
        assertThat(Files.readAllLines(dir.resolve("inbox.csv"))).hasSize(2).last().asString()
                .startsWith("m1,").endsWith(",Is the shop open today?");
        assertThat(inbox.exportStatusProperty().get()).isEqualTo("Exported 1 messages to inbox.csv");
        inbox.stop();
    }
}
