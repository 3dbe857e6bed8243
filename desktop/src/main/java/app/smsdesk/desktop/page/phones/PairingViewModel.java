package app.smsdesk.desktop.page.phones;

import app.smsdesk.desktop.Console;
import app.smsdesk.desktop.task.TaskRunner;
import app.smsdesk.desktop.ui.ViewModel;
import app.smsdesk.gateway.domain.Device;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The "Pair a phone" wizard: what to type in the phone app (API URL, private token), a QR code of the CA
 * download URL, and a live check that turns green when a new phone registers.
 */
public final class PairingViewModel extends ViewModel {
    static final Duration CHECK_PERIOD = Duration.ofSeconds(2);

    private final ObservableList<String> hosts = FXCollections.observableArrayList();
    private final ObjectProperty<String> host = new SimpleObjectProperty<>(this, "host");
    private final ReadOnlyStringWrapper apiUrl = new ReadOnlyStringWrapper(this, "apiUrl", "");
    private final ReadOnlyStringWrapper caUrl = new ReadOnlyStringWrapper(this, "caUrl", "");
    private final ReadOnlyBooleanWrapper paired = new ReadOnlyBooleanWrapper(this, "paired", false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            "Waiting for the phone to connect\u2026");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper(this, "warning", "");
    private Set<String> known;
    private TaskRunner.Cancellable check;

    PairingViewModel(Console console) {
        super(console);
        host.addListener((o, a, b) -> {
            apiUrl.set(b == null ? "" : console.gateway().mobileApiUrl(b));
            caUrl.set(b == null ? "" : console.gateway().caUrl(b));
        });
    }

    /** Finds this computer's network addresses and the phones already paired, then starts the live check. */
    public void start() {
        call("Could not read the network addresses", () -> console.gateway().lanHosts(), list -> {
            hosts.setAll(list.isEmpty() ? List.of(console.gateway().bindHost()) : list);
            host.set(hosts.get(0));
            if (!console.gateway().reachableFromNetwork()) {
                warning.set("The gateway listens on " + console.gateway().bindHost() + " only, so phones cannot "
                        + "reach it. Start SMSDesk with --host 0.0.0.0 to pair phones.");
            } else if (list.isEmpty()) {
                warning.set("This computer has no local network address. Connect it to the same Wi-Fi as the phone.");
            }
        });
        call("Could not load the phones", () -> console.services().devices().list(console.principal()), list -> {
            known = new HashSet<>();
            list.forEach(d -> known.add(d.id()));
            check = console.tasks().every(CHECK_PERIOD, this::checkForNewPhone);
        });
    }

    public void stop() {
        if (check != null) {
            check.cancel();
            check = null;
        }
    }

    /** One poll of the phone list; a phone that was not there at the start means pairing worked. */
    public void checkForNewPhone() {
        if (known == null || paired.get()) {
            return;
        }
        call(() -> console.services().devices().list(console.principal()), list -> {
            for (Device d : list) {
                if (!known.contains(d.id())) {
                    paired.set(true);
                    status.set("Paired: " + (d.name().isEmpty() ? "a new phone" : d.name()) + " is connected.");
                    stop();
                    return;
                }
            }
        }, e -> status.set("Could not check the phones: " + e.getMessage()));
    }

    public String privateToken() {
        return console.gateway().privateToken();
    }

    public void copyPrivateToken() {
        console.clipboard().copy(privateToken());
    }

    public void copyApiUrl() {
        console.clipboard().copy(apiUrl.get());
    }

    public ObservableList<String> hosts() {
        return hosts;
    }

    public ObjectProperty<String> hostProperty() {
        return host;
    }

    public ReadOnlyStringProperty apiUrlProperty() {
        return apiUrl.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty caUrlProperty() {
        return caUrl.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pairedProperty() {
        return paired.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }
}
