package app.smsdesk.desktop.page.phones;

import app.smsdesk.desktop.Console;
import app.smsdesk.desktop.task.TaskRunner;
import app.smsdesk.desktop.ui.Formats;
import app.smsdesk.desktop.ui.ViewModel;
import app.smsdesk.gateway.domain.Device;
import app.smsdesk.gateway.domain.SimCard;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The account's phones: online state, last seen, app version, SIM cards; removal; the pairing wizard. */
public final class PhonesViewModel extends ViewModel {
    /** A phone as the list shows it. */
    public record PhoneRow(Device device, boolean online, String lastSeen, String sims) {
        public String name() {
            return device.name().isEmpty() ? "Unnamed phone" : device.name();
        }
    }

    private final ObservableList<PhoneRow> phones = FXCollections.observableArrayList();
    private final ObjectProperty<PhoneRow> selected = new SimpleObjectProperty<>(this, "selected");
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
        call("Could not load the phones", () -> console.services().devices().list(console.principal()), list ->
                phones.setAll(list.stream().map(d -> new PhoneRow(d, PhoneStatus.isOnline(d, console.now()),
                        Formats.relative(d.lastSeen(), console.now()), sims(d.simCards()))).toList()));
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
}
