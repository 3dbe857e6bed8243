package app.smsdesk.desktop.page.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.desktop.testing.TestConsole;
import app.smsdesk.desktop.page.messages.PhoneChoice;
import app.smsdesk.gateway.domain.Device;
import app.smsdesk.gateway.domain.IncomingMessage;
import app.smsdesk.gateway.service.DeviceService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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

        assertThat(inbox.list().items()).extracting(IncomingMessage::id).containsExactly("m2", "m1");
        assertThat(inbox.list().pageTextProperty().get()).isEqualTo("1\u20132 of 2");
        inbox.searchProperty().set("shop");
        inbox.applyFilters();
        assertThat(inbox.list().items()).extracting(IncomingMessage::id).containsExactly("m1");

        inbox.exportCsv(dir.resolve("inbox.csv"));
        assertThat(Files.readAllLines(dir.resolve("inbox.csv"))).hasSize(2).last().asString()
                .startsWith("m1,").endsWith(",Is the shop open today?");
        assertThat(inbox.list().exportStatusProperty().get()).isEqualTo("Exported 1 messages to inbox.csv");
        inbox.stop();
    }

    private DeviceService.Registration phone(String name) {
        return tc.services().devices().register(TestConsole.ADMIN, name, null, List.of(), "1.40.0");
    }

    private void receiveAt(String at, String id, String type, Device device) {
        tc.services().inbox().record(TestConsole.ADMIN, device, new IncomingMessage(id, type, null, "+14155550000",
                null, 1, "text " + id, Instant.parse(at)), id);
    }

    @Test
    void filtersByTypePhoneAndDaysAndExportsWhatTheyMatch(@TempDir Path dir) throws IOException {
        Device a = phone("Phone A").device();
        Device b = phone("Phone B").device();
        receiveAt("2026-03-01T10:00:00Z", "m1", "SMS", a);
        receiveAt("2026-03-02T23:30:00Z", "m2", "DATA_SMS", b);
        receiveAt("2026-03-03T08:00:00Z", "m3", "SMS", b);
        InboxViewModel inbox = new InboxViewModel(tc.console());
        inbox.start();
        assertThat(inbox.list().items()).extracting(IncomingMessage::id).containsExactly("m3", "m2", "m1");
        assertThat(inbox.phones()).extracting(PhoneChoice::toString).contains("Any phone")
                .anyMatch(p -> p.startsWith("Phone B"));
        assertThat(inbox.phoneName(b.id())).isEqualTo("Phone B");

        inbox.typeFilterProperty().set("SMS");
        inbox.applyFilters();
        assertThat(inbox.list().items()).extracting(IncomingMessage::id).containsExactly("m3", "m1");

        inbox.phoneFilterProperty().set(inbox.phones().stream().filter(p -> b.id().equals(p.deviceId())).findFirst()
                .orElseThrow());
        inbox.applyFilters();
        assertThat(inbox.list().items()).extracting(IncomingMessage::id).containsExactly("m3");

        inbox.typeFilterProperty().set(null);
        inbox.fromDateProperty().set(LocalDate.parse("2026-03-02"));
        inbox.toDateProperty().set(LocalDate.parse("2026-03-02"));
        inbox.applyFilters();
        assertThat(inbox.list().items()).extracting(IncomingMessage::id).containsExactly("m2");
        assertThat(inbox.filtered()).isTrue();

        inbox.fromDateProperty().set(null);
        inbox.toDateProperty().set(null);
        inbox.applyFilters();
        inbox.exportCsv(dir.resolve("phone-b.csv"));
        assertThat(Files.readAllLines(dir.resolve("phone-b.csv"))).hasSize(3).element(1).asString()
                .startsWith("m3,");

        inbox.clearFilters();
        assertThat(inbox.list().items()).hasSize(3);
        assertThat(inbox.filtered()).isFalse();
        inbox.stop();
    }

    @Test
    void aToDateBeforeTheFromDateIsExplainedAndNotApplied() {
        receive("m1", "+14155550001", "hello");
        InboxViewModel inbox = new InboxViewModel(tc.console());
        inbox.start();
        inbox.fromDateProperty().set(LocalDate.parse("2026-03-05"));
        inbox.toDateProperty().set(LocalDate.parse("2026-03-01"));

        inbox.applyFilters();

        assertThat(tc.dialogs.infos).singleElement().asString().contains("before");
        assertThat(inbox.list().items()).hasSize(1);
        assertThat(inbox.filtered()).isFalse();
        inbox.stop();
    }

    @Test
    void anEmptyFilteredListSaysNothingMatches() {
        receive("m1", "+14155550001", "hello");
        InboxViewModel inbox = new InboxViewModel(tc.console());
        inbox.start();
        inbox.typeFilterProperty().set("MMS");
        inbox.applyFilters();

        assertThat(inbox.list().items()).isEmpty();
        assertThat(inbox.list().pageTextProperty().get()).isEqualTo("No messages match");
        inbox.stop();
    }
}
