package app.smsdesk.desktop.page.settings;

import app.smsdesk.desktop.Console;
import app.smsdesk.desktop.ui.ViewModel;
import app.smsdesk.gateway.domain.GatewayOptions;
import app.smsdesk.gateway.domain.ValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The settings screen: the phones' settings document as a form, and the gateway's own options. Edits are
 * checked as they are typed; an "unsaved changes" bar saves or discards both at once.
 */
public final class SettingsViewModel extends ViewModel {
    static final String HINT_TRAY = "Closing the window then hides it to the system tray; the gateway keeps "
            + "serving phones and programs. Open or quit SMSDesk from its tray icon.";
    static final String HINT_NO_TRAY = "This desktop has no system tray, so closing the window stops the gateway. "
            + "To serve around the clock, run the headless gateway instead.";

    private final Map<String, StringProperty> values = new LinkedHashMap<>();
    private final Map<String, ReadOnlyStringWrapper> errors = new LinkedHashMap<>();
    private final Map<String, String> loaded = new LinkedHashMap<>();
    private final BooleanProperty jwtEnabled = new SimpleBooleanProperty(this, "jwtEnabled", true);
    private final StringProperty defaultTtlHours = new SimpleStringProperty(this, "defaultTtlHours", "");
    private final StringProperty maxTtlDays = new SimpleStringProperty(this, "maxTtlDays", "");
    private final StringProperty refreshTtlDays = new SimpleStringProperty(this, "refreshTtlDays", "");
    private final StringProperty region = new SimpleStringProperty(this, "region", "");
    private final StringProperty retentionDays = new SimpleStringProperty(this, "retentionDays", "");
    private final BooleanProperty phoneApproval = new SimpleBooleanProperty(this, "phoneApproval", true);
    private final StringProperty logRetentionDays = new SimpleStringProperty(this, "logRetentionDays", "");
    private final StringProperty logRetentionEntries = new SimpleStringProperty(this, "logRetentionEntries", "");
    private final ReadOnlyStringWrapper gatewayProblem = new ReadOnlyStringWrapper(this, "gatewayProblem", "");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty", false);
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);
    private final BooleanProperty keepRunning = new SimpleBooleanProperty(this, "keepRunning", false);
    private final ReadOnlyBooleanWrapper traySupported = new ReadOnlyBooleanWrapper(this, "traySupported", true);
    private final ReadOnlyStringWrapper keepRunningHint = new ReadOnlyStringWrapper(this, "keepRunningHint", "");
    private boolean trayChecked;
    private GatewayOptions loadedOptions;
    private Map<String, String> loadedGateway = Map.of();

    public SettingsViewModel(Console console) {
        super(console);
        for (SettingField f : SettingField.ALL) {
            StringProperty p = new SimpleStringProperty(this, f.path(), "");
            p.addListener((o, a, b) -> check());
            values.put(f.path(), p);
            errors.put(f.path(), new ReadOnlyStringWrapper(this, f.path() + ".error", ""));
        }
        for (StringProperty p : gatewayFields().values()) {
            p.addListener((o, a, b) -> check());
        }
        jwtEnabled.addListener((o, a, b) -> check());
        phoneApproval.addListener((o, a, b) -> check());
        // A console preference, not a gateway setting: saved at once, outside the unsaved-changes bar.
        keepRunning.set(console.preferences().keepRunningInBackground());
        keepRunning.addListener((o, a, b) -> console.preferences().setKeepRunningInBackground(b));
        keepRunningHint.set(HINT_TRAY);
    }

    /** Asks (once, off the FX thread: it loads AWT) whether this desktop has a system tray. */
    private void checkTray() {
        if (trayChecked) {
            return;
        }
        trayChecked = true;
        call(() -> console.tray().supported(), supported -> {
            traySupported.set(supported);
            keepRunningHint.set(supported ? HINT_TRAY : HINT_NO_TRAY);
        }, e -> {
            traySupported.set(false);
            keepRunningHint.set(HINT_NO_TRAY);
        });
    }

    private Map<String, StringProperty> gatewayFields() {
        Map<String, StringProperty> m = new LinkedHashMap<>();
        m.put("defaultTtlHours", defaultTtlHours);
        m.put("maxTtlDays", maxTtlDays);
        m.put("refreshTtlDays", refreshTtlDays);
        m.put("region", region);
        m.put("retentionDays", retentionDays);
        m.put("logRetentionDays", logRetentionDays);
        m.put("logRetentionEntries", logRetentionEntries);
        return m;
    }

    public void load() {
        checkTray();
        call("Could not load the settings", () -> new Loaded(console.services().settings().get(console.principal()),
                console.services().gatewaySettings().get()), this::show);
    }

    private record Loaded(ObjectNode document, GatewayOptions options) {
    }

    private void show(Loaded l) {
        loaded.clear();
        for (SettingField f : SettingField.ALL) {
            JsonNode v = l.document().path(f.section()).path(f.key());
            String text = v.isMissingNode() || v.isNull() ? "" : v.asText();
            loaded.put(f.path(), text);
            values.get(f.path()).set(text);
        }
        loadedOptions = l.options();
        jwtEnabled.set(l.options().jwtEnabled());
        defaultTtlHours.set(trim(l.options().defaultTokenTtl().toMinutes() / 60.0));
        maxTtlDays.set(trim(l.options().maxTokenTtl().toHours() / 24.0));
        refreshTtlDays.set(trim(l.options().refreshTokenTtl().toHours() / 24.0));
        region.set(l.options().defaultRegion());
        retentionDays.set(String.valueOf(l.options().messageRetentionDays()));
        phoneApproval.set(l.options().phoneApproval());
        logRetentionDays.set(String.valueOf(l.options().logRetentionDays()));
        logRetentionEntries.set(String.valueOf(l.options().logRetentionEntries()));
        loadedGateway = snapshotGateway();
        check();
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private Map<String, String> snapshotGateway() {
        Map<String, String> m = new LinkedHashMap<>();
        gatewayFields().forEach((k, v) -> m.put(k, v.get()));
        m.put("jwtEnabled", String.valueOf(jwtEnabled.get()));
        m.put("phoneApproval", String.valueOf(phoneApproval.get()));
        return m;
    }

    private void check() {
        boolean ok = true;
        for (SettingField f : SettingField.ALL) {
            String e = error(f, values.get(f.path()).get());
            errors.get(f.path()).set(e);
            ok &= e.isEmpty();
        }
        String min = values.get("messages.send_interval_min").get();
        String max = values.get("messages.send_interval_max").get();
        if (errors.get("messages.send_interval_max").get().isEmpty() && isInt(min) && isInt(max)
                && Integer.parseInt(max) < Integer.parseInt(min)) {
            errors.get("messages.send_interval_max").set("Must be at least the minimum pause.");
            ok = false;
        }
        gatewayProblem.set(gatewayError());
        ok &= gatewayProblem.get().isEmpty();
        valid.set(ok);
        boolean changed = !snapshotGateway().equals(loadedGateway) || values.entrySet().stream()
                .anyMatch(e -> !e.getValue().get().equals(loaded.getOrDefault(e.getKey(), "")));
        dirty.set(loadedOptions != null && changed);
    }

    static String error(SettingField f, String v) {
        if (v == null || v.isEmpty()) {
            return "";
        }
        return switch (f.kind()) {
            case NUMBER -> isInt(v) && Integer.parseInt(v) >= 1 ? "" : "Enter a whole number of at least 1.";
            case TIME -> v.matches("([01]\\d|2[0-3]):[0-5]\\d") ? "" : "Enter a 24-hour time like 08:30.";
            case CHOICE, SWITCH -> f.options().contains(v) ? "" : "Choose one of the options.";
        };
    }

    private static boolean isInt(String v) {
        return v != null && v.matches("\\d{1,9}");
    }

    private String gatewayError() {
        if (loadedOptions == null) {
            return "";
        }
        try {
            options();
            return "";
        } catch (ValidationException e) {
            return e.getMessage();
        } catch (NumberFormatException e) {
            return "Token lifetimes and retention must be numbers.";
        }
    }

    GatewayOptions options() {
        Duration def = Duration.ofMinutes(Math.round(Double.parseDouble(defaultTtlHours.get().strip()) * 60));
        Duration max = Duration.ofHours(Math.round(Double.parseDouble(maxTtlDays.get().strip()) * 24));
        Duration refresh = Duration.ofHours(Math.round(Double.parseDouble(refreshTtlDays.get().strip()) * 24));
        String r = region.get() == null ? "" : region.get().strip().toUpperCase(java.util.Locale.ROOT);
        return new GatewayOptions(jwtEnabled.get(), def, max, refresh, r,
                Integer.parseInt(retentionDays.get().strip()), phoneApproval.get(),
                Integer.parseInt(logRetentionDays.get().strip()), Integer.parseInt(logRetentionEntries.get().strip()));
    }

    /** The document with every form field (empty ones as null, so phones fall back to their defaults). */
    ObjectNode document() {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        for (SettingField f : SettingField.ALL) {
            ObjectNode section = doc.has(f.section()) ? (ObjectNode) doc.get(f.section()) : doc.putObject(f.section());
            String v = values.get(f.path()).get();
            if (v == null || v.isEmpty()) {
                section.putNull(f.key());
            } else if (f.kind() == SettingField.Kind.NUMBER) {
                section.put(f.key(), Integer.parseInt(v));
            } else if (f.kind() == SettingField.Kind.SWITCH) {
                section.put(f.key(), Boolean.parseBoolean(v));
            } else {
                section.put(f.key(), v);
            }
        }
        return doc;
    }

    /** Saves both parts; the phones are told to reload their settings. */
    public void save() {
        check();
        if (!valid.get()) {
            console.dialogs().showInfo("Some values need fixing", "Correct the fields marked in red, then save.");
            return;
        }
        ObjectNode doc = document();
        boolean gatewayChanged = !snapshotGateway().equals(loadedGateway);
        GatewayOptions options = gatewayChanged ? options() : null;
        call("Could not save the settings", () -> {
            console.services().settings().patch(console.principal(), doc);
            if (options != null) {
                console.services().gatewaySettings().update(options, console.principal().actor());
            }
            return new Loaded(console.services().settings().get(console.principal()),
                    console.services().gatewaySettings().get());
        }, this::show);
    }

    public void discard() {
        loaded.forEach((k, v) -> values.get(k).set(v));
        if (loadedOptions != null) {
            show(new Loaded(documentFrom(loaded), loadedOptions));
        }
    }

    private static ObjectNode documentFrom(Map<String, String> flat) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        for (SettingField f : SettingField.ALL) {
            String v = flat.getOrDefault(f.path(), "");
            ObjectNode s = doc.has(f.section()) ? (ObjectNode) doc.get(f.section()) : doc.putObject(f.section());
            if (!v.isEmpty()) {
                s.put(f.key(), v);
            }
        }
        return doc;
    }

    public StringProperty value(String path) {
        return values.get(path);
    }

    public ReadOnlyStringProperty error(String path) {
        return errors.get(path).getReadOnlyProperty();
    }

    /** Whether a phone that signs up with the private token waits for approval on the Phones screen. */
    public BooleanProperty phoneApprovalProperty() {
        return phoneApproval;
    }

    public StringProperty logRetentionDaysProperty() {
        return logRetentionDays;
    }

    public StringProperty logRetentionEntriesProperty() {
        return logRetentionEntries;
    }

    public BooleanProperty jwtEnabledProperty() {
        return jwtEnabled;
    }

    public StringProperty defaultTtlHoursProperty() {
        return defaultTtlHours;
    }

    public StringProperty maxTtlDaysProperty() {
        return maxTtlDays;
    }

    public StringProperty refreshTtlDaysProperty() {
        return refreshTtlDays;
    }

    public StringProperty regionProperty() {
        return region;
    }

    public StringProperty retentionDaysProperty() {
        return retentionDays;
    }

    public ReadOnlyStringProperty gatewayProblemProperty() {
        return gatewayProblem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public String portText() {
        return "HTTP " + console.gateway().port() + (console.gateway().httpsOn() ? ", HTTPS "
                + console.gateway().httpsPort() : ", HTTPS off") + ", on " + console.gateway().bindHost();
    }

    /** "Keep running in background" (a console preference, saved at once). */
    public BooleanProperty keepRunningProperty() {
        return keepRunning;
    }

    public ReadOnlyBooleanProperty traySupportedProperty() {
        return traySupported.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty keepRunningHintProperty() {
        return keepRunningHint.getReadOnlyProperty();
    }
}
