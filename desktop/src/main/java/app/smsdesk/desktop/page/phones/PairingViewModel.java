package app.smsdesk.desktop.page.phones;

import app.smsdesk.desktop.Console;
import app.smsdesk.desktop.GatewayInfo;
import app.smsdesk.desktop.task.TaskRunner;
import app.smsdesk.desktop.ui.ViewModel;
import app.smsdesk.gateway.domain.Device;
import app.smsdesk.gateway.mobile.PairingService;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The "Pair a phone" wizard, from the gateway's {@link PairingService}: the HTTPS API URL to type in the phone
 * app (one per network address of this computer), the private token, the CA certificate's download URL (shown
 * as a QR code) and SHA-256 fingerprint to compare on the phone, the USB alternative, and a live check that
 * turns green when a new phone registers (and says how to switch it to "SSE only" when it registered with a
 * Firebase push token).
 */
public final class PairingViewModel extends ViewModel {
    static final Duration CHECK_PERIOD = Duration.ofSeconds(2);

    /**
     * One way for the phone to reach this computer.
     *
     * @param host the address (what the picker shows)
     * @param apiUrl what to type into the app's "API URL" field
     * @param caUrl where the phone downloads the CA certificate; empty when HTTPS is off
     */
    public record Address(String host, String apiUrl, String caUrl) {
        @Override
        public String toString() {
            return host;
        }
    }

    /** What the background read found. */
    private record Found(PairingService.PairingInfo info, List<Address> addresses) {
    }

    private final ObservableList<Address> addresses = FXCollections.observableArrayList();
    private final ObjectProperty<Address> address = new SimpleObjectProperty<>(this, "address");
    private final ReadOnlyStringWrapper apiUrl = new ReadOnlyStringWrapper(this, "apiUrl", "");
    private final ReadOnlyStringWrapper caUrl = new ReadOnlyStringWrapper(this, "caUrl", "");
    private final ReadOnlyStringWrapper caFingerprint = new ReadOnlyStringWrapper(this, "caFingerprint", "");
    private final ReadOnlyStringWrapper privateToken = new ReadOnlyStringWrapper(this, "privateToken", "");
    private final ReadOnlyStringWrapper usbApiUrl = new ReadOnlyStringWrapper(this, "usbApiUrl", "");
    private final ReadOnlyBooleanWrapper paired = new ReadOnlyBooleanWrapper(this, "paired", false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            "Waiting for the phone to connect\u2026");
    private final ReadOnlyStringWrapper sseOnlyHint = new ReadOnlyStringWrapper(this, "sseOnlyHint", "");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper(this, "warning", "");
    private final ReadOnlyStringWrapper code = new ReadOnlyStringWrapper(this, "code", "");
    private final ReadOnlyStringWrapper codeValidity = new ReadOnlyStringWrapper(this, "codeValidity", "");
    private final ReadOnlyObjectWrapper<Device> waiting = new ReadOnlyObjectWrapper<>(this, "waiting");
    private Set<String> known;
    private TaskRunner.Cancellable check;

    PairingViewModel(Console console) {
        super(console);
        address.addListener((o, a, b) -> {
            apiUrl.set(b == null ? "" : b.apiUrl());
            caUrl.set(b == null ? "" : b.caUrl());
        });
    }

    /** Reads the pairing details and the phones already paired, then starts the live check. */
    public void start() {
        call("Could not read this computer's network addresses", this::find, this::show);
        newCode();
        call("Could not load the phones", () -> console.services().devices().list(console.principal()), list -> {
            known = new HashSet<>();
            list.forEach(d -> known.add(d.id()));
            check = console.tasks().every(CHECK_PERIOD, this::checkForNewPhone);
        });
    }

    /** Runs off the FX thread: the pairing service reads the network interfaces. */
    private Found find() {
        PairingService.PairingInfo info = console.services().pairing().info();
        return new Found(info, addresses(console.gateway(), info));
    }

    /**
     * The addresses a phone can use, best first: the pairing service's HTTPS ones (only the bound address when
     * the gateway listens on one LAN address), or plain HTTP ones when HTTPS is off. May read the network
     * interfaces: call off the FX thread.
     */
    public static List<Address> addresses(GatewayInfo gw, PairingService.PairingInfo info) {
        List<Address> out = new ArrayList<>();
        if (gw.httpsOn()) {
            for (int i = 0; i < info.mobileApiUrls().size(); i++) {
                String api = info.mobileApiUrls().get(i);
                out.add(new Address(URI.create(api).getHost(), api, info.caDownloadUrls().get(i)));
            }
            // Bound to one LAN address: only that one answers. (Bound to loopback: none does; the warning says so.)
            if (!gw.listensOnAllAddresses() && gw.reachableFromNetwork()
                    && out.stream().anyMatch(a -> a.host().equals(gw.bindHost()))) {
                out.removeIf(a -> !a.host().equals(gw.bindHost()));
            }
        } else {
            List<String> hosts = gw.lanHosts();
            for (String h : hosts.isEmpty() ? List.of(gw.bindHost()) : hosts) {
                out.add(new Address(h, gw.plainMobileApiUrl(h), ""));
            }
        }
        return out;
    }

    private void show(Found found) {
        GatewayInfo gw = console.gateway();
        addresses.setAll(found.addresses());
        address.set(addresses.isEmpty() ? null : addresses.get(0));
        privateToken.set(found.info().privateToken());
        caFingerprint.set(found.info().caFingerprint() == null ? "" : found.info().caFingerprint());
        usbApiUrl.set(found.info().usbMobileApiUrl());
        List<String> problems = new ArrayList<>();
        if (!gw.reachableFromNetwork()) {
            problems.add("The gateway listens on " + gw.bindHost() + " only, so phones on the network cannot reach "
                    + "it. Start SMSDesk with " + (gw.httpsOn() ? "--https-host 0.0.0.0" : "--host 0.0.0.0")
                    + ", or connect the phone with a USB cable.");
        } else if (addresses.stream().allMatch(a -> a.host().startsWith("127."))) {
            problems.add("This computer has no local network address. Connect it to the same Wi-Fi as the phone, "
                    + "or connect the phone with a USB cable.");
        }
        if (!gw.httpsOn()) {
            problems.add("HTTPS is off (--https-port off). The app from the store only talks HTTPS on the network: "
                    + "connect the phone with a USB cable, use the app's \u201cinsecure\u201d build, or start "
                    + "SMSDesk with HTTPS.");
        }
        warning.set(String.join("\n", problems));
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
                    paired(d);
                    return;
                }
            }
        }, e -> status.set("Could not check the phones: " + e.getMessage()));
    }

    private void paired(Device d) {
        if (!d.approved()) {
            // Signed up with the private token: it waits for the admin, who is right here (audit F2).
            waiting.set(d);
            status.set("\u201c" + (d.name().isEmpty() ? "A new phone" : d.name()) + "\u201d signed up with the "
                    + "private token and waits for your approval. Approve it if it is the phone in your hand.");
            stop();
            return;
        }
        waiting.set(null);
        paired.set(true);
        status.set("Paired: " + (d.name().isEmpty() ? "a new phone" : d.name()) + " is connected.");
        if (d.pushToken() != null) {
            sseOnlyHint.set("It registered with a Firebase push token, which SMSDesk cannot use: it checks for "
                    + "new messages about once a minute. For instant sending, open the app's Settings \u203a "
                    + "Cloud server \u203a Notification channel, choose \u201cSSE only\u201d and restart the app.");
        }
        stop();
    }

    /** Lets the phone that signed up with the private token in (one click). */
    public void approveWaiting() {
        Device d = waiting.get();
        if (d == null) {
            return;
        }
        call("Could not approve the phone", () -> {
            console.services().devices().approve(console.principal(), d.id());
            return console.services().devices().find(console.principal(), d.id()).orElse(d);
        }, this::paired);
    }

    /** A fresh one-time code for the app's "Sign in by code": a phone that uses it joins approved. */
    public void newCode() {
        call("Could not make a sign-in code", () -> console.services().pairing().oneTimeCode(console.principal()),
                c -> {
                    code.set(c.code());
                    codeValidity.set("valid once, until " + java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                            .format(c.validUntil().atZone(console.zone())));
                });
    }

    /**
     * Replaces the private token after asking: phones already paired keep working; anyone who knows the old
     * token (a lost phone, a former employee) can no longer sign a phone up.
     */
    public void rotatePrivateToken() {
        if (!console.dialogs().confirm("Replace the private token?", "Phones already paired keep working. Phones "
                + "set up later need the new token; whoever knows the old one can no longer sign a phone up.",
                "Replace")) {
            return;
        }
        call("Could not replace the private token", () -> console.services().privateTokens()
                .rotate(console.principal()), privateToken::set);
    }

    public ReadOnlyStringProperty codeProperty() {
        return code.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty codeValidityProperty() {
        return codeValidity.getReadOnlyProperty();
    }

    /** The phone that signed up with the private token during this wizard and waits for approval, or null. */
    public ReadOnlyObjectProperty<Device> waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    /** True when the gateway serves HTTPS, so the wizard shows the certificate steps. */
    public boolean httpsOn() {
        return console.gateway().httpsOn();
    }

    /** The USB alternative: forward the phone's port to this computer, then the app may use plain HTTP. */
    public String usbCommand() {
        int port = console.gateway().port();
        return "adb reverse tcp:" + port + " tcp:" + port;
    }

    public void copy(String text) {
        if (text != null && !text.isEmpty()) {
            console.clipboard().copy(text);
        }
    }

    public ObservableList<Address> addresses() {
        return addresses;
    }

    public ObjectProperty<Address> addressProperty() {
        return address;
    }

    public ReadOnlyStringProperty apiUrlProperty() {
        return apiUrl.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty caUrlProperty() {
        return caUrl.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty caFingerprintProperty() {
        return caFingerprint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty privateTokenProperty() {
        return privateToken.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty usbApiUrlProperty() {
        return usbApiUrl.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pairedProperty() {
        return paired.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Non-empty when the new phone registered with a push token: how to switch it to "SSE only". */
    public ReadOnlyStringProperty sseOnlyHintProperty() {
        return sseOnlyHint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }
}
