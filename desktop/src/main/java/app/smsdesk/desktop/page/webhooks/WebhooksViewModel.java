package app.smsdesk.desktop.page.webhooks;

import app.smsdesk.desktop.Console;
import app.smsdesk.desktop.page.messages.PhoneChoice;
import app.smsdesk.desktop.ui.ViewModel;
import app.smsdesk.gateway.domain.Webhook;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The account's webhooks (SMSDesk's internal ones hidden): list, add or edit, delete. */
public final class WebhooksViewModel extends ViewModel {
    private final ObservableList<Webhook> webhooks = FXCollections.observableArrayList();
    private final ObservableList<PhoneChoice> phones = FXCollections.observableArrayList(PhoneChoice.ANY);
    private final StringProperty editId = new SimpleStringProperty(this, "editId");
    private final StringProperty url = new SimpleStringProperty(this, "url", "");
    private final StringProperty event = new SimpleStringProperty(this, "event", "sms:received");
    private final ObjectProperty<PhoneChoice> phone = new SimpleObjectProperty<>(this, "phone", PhoneChoice.ANY);
    private final ReadOnlyStringWrapper urlProblem = new ReadOnlyStringWrapper(this, "urlProblem", "");
    private final ReadOnlyBooleanWrapper canSave = new ReadOnlyBooleanWrapper(this, "canSave", false);

    public WebhooksViewModel(Console console) {
        super(console);
        url.addListener((o, a, b) -> validate());
        event.addListener((o, a, b) -> validate());
        validate();
    }

    public void refresh() {
        call("Could not load the webhooks", () -> console.services().webhooks().list(console.principal()),
                webhooks::setAll);
        call("Could not load the phones", () -> console.services().devices().list(console.principal()),
                d -> phones.setAll(PhoneChoice.of(d)));
    }

    /** Empties the form for a new webhook. */
    public void startNew() {
        editId.set(null);
        url.set("");
        event.set("sms:received");
        phone.set(PhoneChoice.ANY);
    }

    /** Fills the form with an existing webhook. */
    public void startEdit(Webhook w) {
        editId.set(w.id());
        url.set(w.url());
        event.set(w.event());
        phone.set(phones.stream().filter(p -> Objects.equals(p.deviceId(), w.deviceId())).findFirst()
                .orElse(PhoneChoice.ANY));
    }

    static String urlProblem(String u) {
        if (u == null || u.isBlank()) {
            return "Enter the address that receives the events.";
        }
        if (!u.strip().toLowerCase(Locale.ROOT).startsWith("https://")) {
            return "Phones deliver webhooks over HTTPS only: the address must start with https://";
        }
        try {
            URI uri = new URI(u.strip());
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                return "The address needs a host name, e.g. https://example.com/sms";
            }
        } catch (URISyntaxException e) {
            return "This is not a valid address.";
        }
        return "";
    }

    private void validate() {
        urlProblem.set(urlProblem(url.get()));
        canSave.set(urlProblem.get().isEmpty() && event.get() != null);
    }

    /** Saves the form; returns through the list refresh. */
    public void save(Runnable onSaved) {
        validate();
        if (!canSave.get()) {
            return;
        }
        String id = editId.get();
        String u = url.get().strip();
        String e = event.get();
        String device = phone.get() == null ? null : phone.get().deviceId();
        call("Could not save the webhook", () -> console.services().webhooks().upsert(console.principal(), id, device,
                u, e), w -> {
                    refresh();
                    onSaved.run();
                });
    }

    public void delete(Webhook w) {
        if (w == null || !console.dialogs().confirm("Delete webhook?", "Phones stop calling " + w.url() + " for "
                + w.event() + " events.", "Delete")) {
            return;
        }
        call("Could not delete the webhook", () -> {
            console.services().webhooks().delete(console.principal(), w.id());
            return null;
        }, v -> refresh());
    }

    public void copyId(Webhook w) {
        if (w != null) {
            console.clipboard().copy(w.id());
        }
    }

    public String phoneName(String deviceId) {
        if (deviceId == null) {
            return "All phones";
        }
        return phones.stream().filter(p -> deviceId.equals(p.deviceId())).findFirst().map(PhoneChoice::toString)
                .orElse(deviceId);
    }

    public ObservableList<Webhook> webhooks() {
        return webhooks;
    }

    public ObservableList<PhoneChoice> phones() {
        return phones;
    }

    public StringProperty editIdProperty() {
        return editId;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty eventProperty() {
        return event;
    }

    public ObjectProperty<PhoneChoice> phoneProperty() {
        return phone;
    }

    public ReadOnlyStringProperty urlProblemProperty() {
        return urlProblem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSaveProperty() {
        return canSave.getReadOnlyProperty();
    }
}
