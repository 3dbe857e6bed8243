package app.smsdesk.desktop.page.phones;

import app.smsdesk.desktop.Console;
import app.smsdesk.desktop.task.TaskRunner;
import app.smsdesk.desktop.ui.Formats;
import app.smsdesk.desktop.ui.ViewModel;
import app.smsdesk.gateway.domain.Device;
import app.smsdesk.gateway.domain.SimCard;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The account's phones: online state, last seen, app version, SIM cards, how new messages reach them; removal;
 * the pairing wizard.
 */
public final class PhonesViewModel extends ViewModel {
    /** How a new message reaches a phone. */
    public enum Channel {
        /** An event stream (SSE) is open: the phone fetches new messages at once. */
        LIVE("live", "success", "An event stream is open: new messages reach this phone at once."),
        /** Registered with a Firebase push token and no event stream open: it only polls. */
        POLLING("polls", "warning", "Registered with a Firebase push token, which SMSDesk cannot use, so it checks "
                + "for messages about once a minute. Switch it to \u201cSSE only\u201d for instant sending."),
        /** Uses event streams, but none is open right now (app stopped or phone away). */
        WAITING("no stream", "muted", "No event stream open right now: the app is stopped or the phone is away.");

        private final String label;
        private final String tone;
        private final String explanation;

        Channel(String label, String tone, String explanation) {
            this.label = label;
            this.tone = tone;
            this.explanation = explanation;
        }

        public String label() {
            return label;
        }

        /** Badge tone: success, warning or muted. */
        public String tone() {
            return tone;
        }

        public String explanation() {
            return explanation;
        }

        /**
         * A phone that switched to "SSE only" keeps its old push token on the server (the app omits the field),
         * so an open stream wins over a stored token.
         */
        static Channel of(Device d, Set<String> connected) {
            if (connected.contains(d.id())) {
                return LIVE;
            }
            return d.pushToken() != null ? POLLING : WAITING;
        }
    }

    /** A phone as the list shows it. */
    public record PhoneRow(Device device, boolean online, String lastSeen, String sims, Channel channel) {
        public String name() {
            return device.name().isEmpty() ? "Unnamed phone" : device.name();
        }

        /** "waiting" (for approval), "online" or "offline". */
        public String status() {
            return !device.approved() ? "waiting" : online ? "online" : "offline";
        }
    }

    /** What one refresh reads. */
    private record Snapshot(List<Device> devices, Set<String> connected) {
    }

    /** How to switch a phone to "SSE only" (shown while a phone polls). */
    public static final String SSE_ONLY_STEPS = "on the phone, open the app\u2019s Settings \u203a Cloud server "
            + "\u203a Notification channel, choose \u201cSSE only\u201d and restart the app.";

    private final ObservableList<PhoneRow> phones = FXCollections.observableArrayList();
    private final ObjectProperty<PhoneRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper sseOnlyHint = new ReadOnlyStringWrapper(this, "sseOnlyHint", "");
    private final ReadOnlyStringWrapper waitingHint = new ReadOnlyStringWrapper(this, "waitingHint", "");
    private TaskRunner.Cancellable live;

    public PhonesViewModel(Console console) {
        super(console);
    }

    public void startLive() {
        refresh();
        if (live == null) {
            live = console.tasks().every(Duration.ofSeconds(10), this::refresh);
        }
    }

    public void stopLive() {
        if (live != null) {
            live.cancel();
            live = null;
        }
    }

    public void refresh() {
        call("Could not load the phones", () -> new Snapshot(console.services().devices().list(console.principal()),
                console.services().pairing().connectedPhones()), this::show);
    }

    private void show(Snapshot s) {
        phones.setAll(s.devices().stream().map(d -> new PhoneRow(d, PhoneStatus.isOnline(d, console.now()),
                Formats.relative(d.lastSeen(), console.now()), sims(d.simCards()), Channel.of(d, s.connected())))
                .toList());
        List<String> polling = phones.stream().filter(p -> p.channel() == Channel.POLLING).map(PhoneRow::name)
                .toList();
        List<String> waiting = phones.stream().filter(p -> !p.device().approved()).map(PhoneRow::name).toList();
        waitingHint.set(waiting.isEmpty() ? "" : quoted(waiting) + (waiting.size() == 1 ? " signed" : " signed")
                + " up with the private token and " + (waiting.size() == 1 ? "waits" : "wait") + " for your approval: "
                + "until then " + (waiting.size() == 1 ? "it gets" : "they get") + " no messages, webhooks or "
                + "settings. Approve the phones you set up; remove any you do not know and replace the private "
                + "token (Pair a phone).");
        sseOnlyHint.set(polling.isEmpty() ? "" : quoted(polling) + " registered with a Firebase push token, "
                + "which SMSDesk cannot use, so "
                + (polling.size() == 1 ? "it checks" : "they check") + " for new messages only about once a minute. "
                + "For instant sending, " + SSE_ONLY_STEPS);
    }

    private static String quoted(List<String> names) {
        List<String> q = names.stream().map(n -> "\u201c" + n + "\u201d").toList();
        return q.size() == 1 ? q.get(0)
                : String.join(", ", q.subList(0, q.size() - 1)) + " and " + q.get(q.size() - 1);
    }

    static String sims(List<SimCard> cards) {
        if (cards.isEmpty()) {
            return "not reported";
        }
        return cards.stream().map(c -> "SIM " + c.simNumber() + (c.carrierName() == null ? "" : " " + c.carrierName())
                + (c.phoneNumber() == null ? "" : " (" + c.phoneNumber() + ")")).collect(Collectors.joining(", "));
    }

    /** Asks, then removes the phone with its messages. */
    public void remove(PhoneRow row) {
        if (row == null) {
            return;
        }
        if (!console.dialogs().confirm("Remove phone?", "\u201c" + row.name() + "\u201d stops sending for this "
                + "gateway, and its messages and webhooks are deleted. To use it again, pair it again.", "Remove")) {
            return;
        }
        call("Could not remove the phone", () -> {
            console.services().devices().delete(console.principal(), row.device().id());
            return null;
        }, v -> refresh());
    }

    /** Lets a phone that signed up with the private token in: it fetches its messages and settings at once. */
    public void approve(PhoneRow row) {
        if (row == null || row.device().approved()) {
            return;
        }
        call("Could not approve the phone", () -> console.services().devices().approve(console.principal(),
                row.device().id()), v -> refresh());
    }

    public void copyId(PhoneRow row) {
        if (row != null) {
            console.clipboard().copy(row.device().id());
        }
    }

    public PairingViewModel pairing() {
        return new PairingViewModel(console);
    }

    public ObservableList<PhoneRow> phones() {
        return phones;
    }

    public ObjectProperty<PhoneRow> selectedProperty() {
        return selected;
    }

    /** Non-empty while phones wait for approval: which, and what approving means. */
    public ReadOnlyStringProperty waitingHintProperty() {
        return waitingHint.getReadOnlyProperty();
    }

    /** Non-empty while a phone registered with a push token and has no event stream: how to switch it. */
    public ReadOnlyStringProperty sseOnlyHintProperty() {
        return sseOnlyHint.getReadOnlyProperty();
    }
}
