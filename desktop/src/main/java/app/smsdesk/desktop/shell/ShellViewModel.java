package app.smsdesk.desktop.shell;

import app.smsdesk.desktop.Console;
import app.smsdesk.desktop.GatewayInfo;
import app.smsdesk.desktop.page.phones.PairingViewModel;
import app.smsdesk.desktop.page.phones.PhoneStatus;
import app.smsdesk.desktop.task.TaskRunner;
import app.smsdesk.desktop.ui.ViewModel;
import app.smsdesk.gateway.domain.Device;
import app.smsdesk.gateway.mobile.PairingService;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/** The window around the screens: which screen shows, the status bar, the theme. */
public final class ShellViewModel extends ViewModel {
    static final Duration STATUS_PERIOD = Duration.ofSeconds(10);

    private final ObjectProperty<Page> page = new SimpleObjectProperty<>(this, "page", Page.DASHBOARD);
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark", false);
    private final ReadOnlyIntegerWrapper phonesOnline = new ReadOnlyIntegerWrapper(this, "phonesOnline", 0);
    private final ReadOnlyIntegerWrapper phonesTotal = new ReadOnlyIntegerWrapper(this, "phonesTotal", 0);
    private final ReadOnlyStringWrapper phonesText = new ReadOnlyStringWrapper(this, "phonesText", "No phones yet");
    private final ReadOnlyStringWrapper phonesUrl = new ReadOnlyStringWrapper(this, "phonesUrl", "");
    private String phonesApiUrl;
    private TaskRunner.Cancellable poll;

    public ShellViewModel(Console console, boolean darkTheme, Consumer<Boolean> saveTheme) {
        super(console);
        dark.set(darkTheme);
        dark.addListener((o, was, is) -> saveTheme.accept(is));
        GatewayInfo gw = console.gateway();
        phonesUrl.set(gw.httpsOn() ? gw.httpsUrl() : "HTTPS off");
        phonesApiUrl = gw.httpsOn() ? gw.httpsUrl() + PairingService.MOBILE_PATH : null;
    }

    /** Starts polling the phone count for the status bar, and finds the address phones use. */
    public void start() {
        if (console.gateway().httpsOn() && console.gateway().reachableFromNetwork()) {
            call(() -> PairingViewModel.addresses(console.gateway(), console.services().pairing().info()), list -> {
                if (!list.isEmpty()) {
                    phonesApiUrl = list.get(0).apiUrl();
                    phonesUrl.set(phonesApiUrl.substring(0,
                            phonesApiUrl.length() - PairingService.MOBILE_PATH.length()));
                }
            }, e -> { });
        }
        refreshStatus();
        poll = console.tasks().every(STATUS_PERIOD, this::refreshStatus);
    }

    public void stop() {
        if (poll != null) {
            poll.cancel();
        }
    }

    public void refreshStatus() {
        call(() -> console.services().devices().list(console.principal()), this::showPhones,
                e -> phonesText.set("Phones: unknown"));
    }

    private void showPhones(List<Device> all) {
        // Phones waiting for approval send nothing: counted apart, so the admin sees them.
        List<Device> devices = all.stream().filter(Device::approved).toList();
        long waiting = all.size() - devices.size();
        int online = (int) devices.stream().filter(d -> PhoneStatus.isOnline(d, console.now())).count();
        phonesOnline.set(online);
        phonesTotal.set(devices.size());
        String text = devices.isEmpty() ? (waiting == 0 ? "No phones yet" : "No approved phones")
                : online + " of " + devices.size() + (devices.size() == 1 ? " phone" : " phones") + " online";
        phonesText.set(waiting == 0 ? text : text + ", " + waiting + " waiting for approval");
    }

    public void show(Page p) {
        page.set(p);
    }

    public void toggleTheme() {
        dark.set(!dark.get());
    }

    public ObjectProperty<Page> pageProperty() {
        return page;
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public ReadOnlyIntegerProperty phonesOnlineProperty() {
        return phonesOnline.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty phonesTotalProperty() {
        return phonesTotal.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty phonesTextProperty() {
        return phonesText.getReadOnlyProperty();
    }

    public String gatewayUrl() {
        return console.gateway().localUrl();
    }

    /** Where phones connect: the HTTPS base on this computer's network address, or "HTTPS off". */
    public ReadOnlyStringProperty phonesUrlProperty() {
        return phonesUrl.getReadOnlyProperty();
    }

    public boolean httpsOn() {
        return console.gateway().httpsOn();
    }

    public String version() {
        return console.gateway().version();
    }

    public void copyGatewayUrl() {
        console.clipboard().copy(console.gateway().apiUrl());
    }

    /** Copies the phones' API URL (what the app's "API URL" field needs). */
    public void copyPhonesUrl() {
        if (phonesApiUrl != null) {
            console.clipboard().copy(phonesApiUrl);
        }
    }
}
