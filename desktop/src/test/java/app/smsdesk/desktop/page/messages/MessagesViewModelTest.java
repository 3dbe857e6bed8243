package app.smsdesk.desktop.page.messages;

import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.desktop.task.ImmediateTaskRunner;
import app.smsdesk.desktop.testing.TestConsole;
import app.smsdesk.gateway.domain.OutgoingMessage;
import app.smsdesk.gateway.domain.ProcessingState;
import app.smsdesk.gateway.service.SendRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessagesViewModelTest {
    private TestConsole tc;
    private MessagesViewModel messages;

    @BeforeEach
    void start() {
        tc = new TestConsole();
        messages = new MessagesViewModel(tc.console());
    }

    @AfterEach
    void stop() {
        tc.close();
    }

    private OutgoingMessage send(String text, String number) {
        tc.clock.advance(Duration.ofMillis(5));
        return tc.services().messages().send(tc.principal(), SendRequest.text(text, List.of(number)));
    }

    @Test
    void showsOnePageAtATimeWithItsPositionAndPagesOn() {
        for (int i = 0; i < 120; i++) {
            send("message " + i, "+14155552671");
        }
        messages.startLive();

        assertThat(messages.list().items()).hasSize(MessagesViewModel.PAGE_SIZE);
        assertThat(messages.list().items().get(0).content().text()).isEqualTo("message 119");
        assertThat(messages.list().pageTextProperty().get()).isEqualTo("1\u201350 of 120");
        messages.list().lastPage();
        assertThat(messages.list().items()).hasSize(20);
        assertThat(messages.list().pageTextProperty().get()).isEqualTo("101\u2013120 of 120");
        messages.list().nextPage();
        assertThat(messages.list().pageIndexProperty().get()).isEqualTo(2);
        messages.list().previousPage();
        assertThat(messages.list().items().get(0).content().text()).isEqualTo("message 69");
        messages.stopLive();
    }

    @Test
    void filtersByTextStateAndDate() {
        send("invoice 42 is ready", "+14155552671");
        OutgoingMessage other = send("hello", "+14155552672");
        tc.services().messages().cancel(tc.principal(), other.id());
        messages.reload();

        messages.searchProperty().set("invoice");
        messages.applyFilters();
        assertThat(messages.list().items()).extracting(m -> m.content().text()).containsExactly("invoice 42 is ready");

        messages.searchProperty().set("");
        messages.stateFilterProperty().set(ProcessingState.Cancelling);
        messages.applyFilters();
        assertThat(messages.list().items()).extracting(OutgoingMessage::id).containsExactly(other.id());

        messages.stateFilterProperty().set(null);
        LocalDate today = LocalDate.ofInstant(tc.clock.instant(), ZoneOffset.UTC);
        messages.fromDateProperty().set(today.plusDays(1));
        messages.applyFilters();
        assertThat(messages.list().items()).isEmpty();
        assertThat(messages.list().pageTextProperty().get()).isEqualTo("No messages");

        messages.clearFilters();
        assertThat(messages.list().totalProperty().get()).isEqualTo(2);
    }

    @Test
    void detailShowsRecipientsAndTimelineAndCancelsAPendingMessage() {
        OutgoingMessage m = send("hi", "+14155552671");
        messages.reload();
        messages.select(messages.list().items().get(0));

        assertThat(messages.selectedProperty().get().id()).isEqualTo(m.id());
        assertThat(messages.timeline()).extracting(MessagesViewModel.TimelineStep::state)
                .containsExactly(ProcessingState.Pending);
        assertThat(messages.canCancelProperty().get()).isTrue();

        messages.cancelSelected();

        assertThat(tc.dialogs.confirmations).hasSize(1);
        assertThat(messages.selectedProperty().get().state()).isEqualTo(ProcessingState.Cancelling);
        assertThat(messages.canCancelProperty().get()).isFalse();
        assertThat(tc.services().messages().get(tc.principal(), m.id()).state()).isEqualTo(ProcessingState.Cancelling);
    }

    @Test
    void composeSendsEveryOptionAndCountsSegments() {
        ComposeViewModel compose = messages.compose();
        compose.load();
        assertThat(compose.canSendProperty().get()).isFalse();
        compose.numbersProperty().set("+1 415 555 2671,\n+14155552672");
        compose.textProperty().set("x".repeat(161));
        assertThat(compose.segmentsProperty().get()).isEqualTo("GSM-7 \u00b7 161 characters \u00b7 2 SMS parts \u00b7 145 left");
        compose.simProperty().set(compose.sims().get(2));
        compose.highPriorityProperty().set(true);
        compose.deliveryReportProperty().set(false);
        compose.scheduledProperty().set(true);

        compose.send();

        OutgoingMessage sent = compose.sentProperty().get();
        assertThat(tc.dialogs.errors).isEmpty();
        assertThat(sent.recipients()).extracting(r -> r.phoneNumber()).containsExactly("+14155552671", "+14155552672");
        assertThat(sent.simNumber()).isEqualTo(2);
        assertThat(sent.priority()).isEqualTo(100);
        assertThat(sent.withDeliveryReport()).isFalse();
        assertThat(sent.scheduleAt()).isEqualTo(LocalDate.ofInstant(sent.createdAt(), ZoneOffset.UTC).plusDays(1)
                .atTime(9, 0).toInstant(ZoneOffset.UTC));

        ComposeViewModel expiring = messages.compose();
        expiring.numbersProperty().set("+14155552671");
        expiring.textProperty().set("Код: 1234");
        assertThat(expiring.segmentsProperty().get()).isEqualTo("UCS-2 \u00b7 9 characters \u00b7 1 SMS \u00b7 61 left");
        expiring.expiryProperty().set(ComposeViewModel.Expiry.HOUR_1);
        expiring.send();
        OutgoingMessage e = expiring.sentProperty().get();
        assertThat(e.validUntil()).isEqualTo(e.createdAt().plusSeconds(3600));
    }

    @Test
    void composeShowsTheGatewaysReasonForABadNumber() {
        ComposeViewModel compose = messages.compose();
        compose.numbersProperty().set("12");
        compose.textProperty().set("hi");
        compose.send();
        assertThat(compose.sentProperty().get()).isNull();
        assertThat(tc.dialogs.errors).singleElement().asString().contains("phoneNumbers[0]");
    }

    @Test
    void exportWritesEveryMatchingMessageAcrossPagesEvenWithinOneMillisecond(@TempDir Path dir) throws IOException {
        // 230 messages in the same millisecond: paging by time alone would repeat or lose some.
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 230; i++) {
            ids.add(tc.services().messages().send(tc.principal(),
                    SendRequest.text("bulk, \"quoted\" " + i, List.of("+14155552671"))).id());
        }
        tc.clock.advance(Duration.ofSeconds(1));
        send("=cmd()", "+14155552671");
        List<Double> progress = new ArrayList<>();
        Path file = dir.resolve("out.csv");
        long n = MessageExporter.export(tc.services().messages(), tc.principal(),
                new app.smsdesk.gateway.domain.MessageQuery(null, null, null, null, null, 1, 0, false), file,
                new app.smsdesk.desktop.task.TaskRunner.Progress() {
                    @Override
                    public void update(long done, long total) {
                        progress.add((double) done / total);
                    }

                    @Override
                    public boolean isCancelled() {
                        return false;
                    }
                });

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(n).isEqualTo(231);
        assertThat(lines).hasSize(232);
        assertThat(lines.subList(2, 232)).extracting(l -> l.substring(0, l.indexOf(',')))
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(lines.get(1)).endsWith(",'=cmd()");
        assertThat(lines.get(2)).contains("\"bulk, \"\"quoted\"\" ");
        assertThat(progress).last().isEqualTo(1.0);
    }

    @Test
    void exportThroughTheViewModelReportsProgressAndTheResult(@TempDir Path dir) {
        send("one", "+14155552671");
        messages.reload();
        messages.exportCsv(dir.resolve("m.csv"));
        assertThat(messages.list().exportingProperty().get()).isFalse();
        assertThat(messages.list().exportProgressProperty().get()).isEqualTo(1.0);
        assertThat(messages.list().exportStatusProperty().get()).isEqualTo("Exported 1 messages to m.csv");
        assertThat(dir.resolve("m.csv")).exists();
    }
}
