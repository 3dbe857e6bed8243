package app.smsdesk.desktop.page.logs;

import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.desktop.testing.TestConsole;
import app.smsdesk.gateway.domain.LogEntry;
import app.smsdesk.gateway.service.SendRequest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LogsViewModelTest {
    private TestConsole tc;
    private LogsViewModel logs;

    @BeforeEach
    void start() {
        tc = new TestConsole();
        logs = new LogsViewModel(tc.console());
    }

    @AfterEach
    void stop() {
        tc.close();
    }

    /**
     * Log entries are queued for the next group commit; any synchronous write behind them makes them visible.
     * Revoking an unknown token id writes synchronously and logs nothing itself.
     */
    private void flushLog() {
        tc.services().tokens().revokeAll(tc.principal(), List.of("no-such-token"));
    }

    @Test
    void tailsNewEntriesAndFiltersByLevelAreaAndText() {
        tc.services().messages().send(tc.principal(), SendRequest.text("hi", List.of("+14155552671")));
        flushLog();
        logs.start();
        int before = logs.visibleEntries().size();
        assertThat(logs.visibleEntries()).extracting(LogEntry::message).contains("message accepted");

        tc.services().devices().delete(tc.principal(), "nothing"); // logs nothing
        tc.services().webhooks().upsert(tc.principal(), null, null, "https://example.com/hook", "sms:received");
        flushLog();
        tc.tasks.tick();

        assertThat(logs.visibleEntries()).hasSizeGreaterThan(before);
        assertThat(logs.visibleEntries().get(0).createdAt()).isAfterOrEqualTo(logs.visibleEntries()
                .get(logs.visibleEntries().size() - 1).createdAt());
        assertThat(logs.modules()).contains("messages", "webhooks");

        logs.moduleProperty().set("webhooks");
        assertThat(logs.visibleEntries()).extracting(LogEntry::module).containsOnly("webhooks");
        logs.moduleProperty().set(LogsViewModel.ALL);
        logs.searchProperty().set("example.com");
        assertThat(logs.visibleEntries()).extracting(LogEntry::message).containsExactly("webhook saved");
        logs.searchProperty().set("");
        logs.levelProperty().set("WARN");
        assertThat(logs.visibleEntries()).isEmpty();

        logs.liveProperty().set(false);
        assertThat(tc.tasks.repeatingCount()).isZero();
    }

    @Test
    void tickingTwiceDoesNotDuplicateEntries() {
        tc.services().messages().send(tc.principal(), SendRequest.text("hi", List.of("+14155552671")));
        flushLog();
        logs.start();
        int n = logs.visibleEntries().size();
        tc.tasks.tick();
        tc.tasks.tick();
        assertThat(logs.visibleEntries()).hasSize(n);
        logs.stop();
    }
}
