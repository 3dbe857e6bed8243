package app.smsdesk.desktop.page.settings;

import app.smsdesk.desktop.shell.PageView;
import app.smsdesk.desktop.ui.Ui;
import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;

/** The settings screen: a form per section and the "unsaved changes" bar. */
public final class SettingsView implements PageView {
    private static final Map<String, String> SECTIONS = sections();
    private final SettingsViewModel model;
    private final VBox root;

    private static Map<String, String> sections() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("messages", "Sending");
        m.put("ping", "Ping");
        m.put("logs", "Logs");
        m.put("webhooks", "Webhooks");
        m.put("gateway", "Connection");
        m.put("receiver", "Receiving");
        return m;
    }

    public SettingsView(SettingsViewModel model) {
        this.model = model;
        VBox cards = new VBox(16);
        cards.getChildren().addAll(consoleCard(), gatewayCard());
        Label phones = new Label("Phone settings");
        phones.getStyleClass().add(Styles.TITLE_4);
        cards.getChildren().addAll(phones, Ui.hint("Every phone of this account receives these settings. Leave a "
                + "field empty to keep the phone's own default."));
        for (Map.Entry<String, String> s : SECTIONS.entrySet()) {
            cards.getChildren().add(sectionCard(s.getKey(), s.getValue()));
        }
        cards.setPadding(new Insets(0, 8, 16, 0));
        cards.setMaxWidth(860);
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root = new VBox(14, Ui.header("Settings", "How the phones send, and how the gateway issues tokens."),
                unsavedBar(), scroll);
        root.setPadding(new Insets(20, 24, 16, 24));
    }

    private HBox unsavedBar() {
        Label text = new Label("You have unsaved changes.");
        text.setGraphic(Ui.icon(Feather.EDIT_3));
        Button discard = Ui.button("Discard", null, Styles.FLAT);
        discard.setId("settings-discard");
        discard.setOnAction(e -> model.discard());
        Button save = Ui.button("Save changes", Feather.SAVE, Styles.ACCENT);
        save.setId("settings-save");
        save.disableProperty().bind(model.validProperty().not().or(model.busyProperty()));
        save.setOnAction(e -> model.save());
        Label invalid = new Label("Fix the fields marked in red to save.");
        invalid.getStyleClass().add("field-error");
        invalid.visibleProperty().bind(model.validProperty().not());
        invalid.managedProperty().bind(invalid.visibleProperty());
        HBox bar = new HBox(12, text, invalid, Ui.spacer(), discard, save);
        bar.setId("unsaved-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("unsaved-bar");
        bar.visibleProperty().bind(model.dirtyProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    /** The console's own preferences for this computer (saved at once, not by the unsaved-changes bar). */
    private VBox consoleCard() {
        GridPane g = grid();
        ToggleSwitch keep = new ToggleSwitch();
        keep.setId("console-keep-running");
        keep.selectedProperty().bindBidirectional(model.keepRunningProperty());
        keep.disableProperty().bind(model.traySupportedProperty().not());
        Label hint = Ui.hint("");
        hint.setId("console-keep-running-hint");
        hint.textProperty().bind(model.keepRunningHintProperty());
        Label l = new Label("Keep running in background");
        l.setWrapText(true);
        g.addRow(0, l, keep, hint);
        return Ui.card("This computer", g);
    }

    private VBox gatewayCard() {
        GridPane g = grid();
        int r = 0;
        ToggleSwitch jwt = new ToggleSwitch();
        jwt.setId("gateway-jwt");
        jwt.selectedProperty().bindBidirectional(model.jwtEnabledProperty());
        r = row(g, r, "JWT tokens", jwt, "Programs may use API tokens. When off, only Basic auth works.", null);
        r = row(g, r, "Default token lifetime (hours)", bound(model.defaultTtlHoursProperty(), "gateway-default-ttl"),
                "Used when a program asks for a token without a lifetime.", null);
        r = row(g, r, "Longest token lifetime (days)", bound(model.maxTtlDaysProperty(), "gateway-max-ttl"),
                "At most 365. Longer requests are refused; a token made by a token ends with it.", null);
        r = row(g, r, "Refresh token lifetime (days)", bound(model.refreshTtlDaysProperty(), "gateway-refresh-ttl"),
                "How long a refresh token can renew its access token.", null);
        r = row(g, r, "Default phone region", bound(model.regionProperty(), "gateway-region"),
                "Two letters, e.g. US or DE: numbers written without + are read as local to it.", null);
        r = row(g, r, "Keep finished messages (days)", bound(model.retentionDaysProperty(), "gateway-retention"),
                "0 keeps them forever.", null);
        ToggleSwitch approval = new ToggleSwitch();
        approval.setId("gateway-phone-approval");
        approval.selectedProperty().bindBidirectional(model.phoneApprovalProperty());
        r = row(g, r, "Approve new phones", approval, "A phone that signs up with the private token waits on the "
                + "Phones screen until you approve it. Phones that sign in with a code or a password join at once.",
                null);
        r = row(g, r, "Keep event log entries (days)", bound(model.logRetentionDaysProperty(),
                "gateway-log-retention-days"), "1 to 3650.", null);
        r = row(g, r, "Keep at most (log entries)", bound(model.logRetentionEntriesProperty(),
                "gateway-log-retention-entries"), "The newest are kept; 1,000 to 10,000,000.", null);
        Label port = new Label(model.portText());
        port.setId("gateway-port");
        port.setWrapText(true);
        row(g, r, "Ports", port, "Set when SMSDesk starts (--port, --https-port, --host). Programs connect over "
                + "HTTP, phones over HTTPS.", null);
        Label problem = new Label();
        problem.setId("gateway-problem");
        problem.getStyleClass().add("field-error");
        problem.textProperty().bind(model.gatewayProblemProperty());
        problem.visibleProperty().bind(model.gatewayProblemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        return Ui.card("Gateway", g, problem);
    }

    private VBox sectionCard(String section, String title) {
        GridPane g = grid();
        int r = 0;
        for (SettingField f : SettingField.ALL) {
            if (f.section().equals(section)) {
                r = row(g, r, f.label(), editor(f), f.help(), model.error(f.path()));
            }
        }
        return Ui.card(title, g);
    }

    private Control editor(SettingField f) {
        String id = "setting-" + f.path().replace('.', '-').replace('_', '-');
        if (f.kind() == SettingField.Kind.NUMBER || f.kind() == SettingField.Kind.TIME) {
            TextField t = bound(model.value(f.path()), id);
            t.setPromptText(f.kind() == SettingField.Kind.TIME ? "HH:mm" : "phone default");
            return t;
        }
        ComboBox<String> c = new ComboBox<>();
        c.setId(id);
        c.getItems().add("");
        c.getItems().addAll(f.options());
        c.setConverter(new StringConverter<>() {
            @Override
            public String toString(String v) {
                if (v == null || v.isEmpty()) {
                    return "Phone default";
                }
                return f.kind() == SettingField.Kind.SWITCH ? ("true".equals(v) ? "On" : "Off") : v;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        c.valueProperty().bindBidirectional(model.value(f.path()));
        c.setPrefWidth(180);
        return c;
    }

    private static TextField bound(javafx.beans.property.StringProperty p, String id) {
        TextField t = new TextField();
        t.setId(id);
        t.setPrefColumnCount(10);
        t.setMaxWidth(180);
        t.textProperty().bindBidirectional(p);
        return t;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(16);
        g.setVgap(10);
        ColumnConstraints c0 = new ColumnConstraints(230);
        ColumnConstraints c1 = new ColumnConstraints(190);
        ColumnConstraints c2 = new ColumnConstraints();
        c2.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().setAll(c0, c1, c2);
        return g;
    }

    private static int row(GridPane g, int r, String label, Node editor, String help,
                           javafx.beans.value.ObservableStringValue error) {
        Label l = new Label(label);
        l.setWrapText(true);
        Label h = Ui.hint(help);
        VBox right = new VBox(2, h);
        if (error != null) {
            Label e = new Label();
            e.getStyleClass().add("field-error");
            e.textProperty().bind(error);
            e.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(error));
            e.managedProperty().bind(e.visibleProperty());
            right.getChildren().add(0, e);
            e.setId("error-" + (editor.getId() == null ? label : editor.getId()));
            if (editor instanceof Control c) {
                e.visibleProperty().addListener((o, a, b) -> c.pseudoClassStateChanged(Styles.STATE_DANGER, b));
            }
        }
        g.addRow(r, l, editor, right);
        return r + 1;
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public void onShow() {
        if (!model.dirtyProperty().get()) {
            model.load();
        }
    }

    List<String> sectionNames() {
        return List.copyOf(SECTIONS.keySet());
    }
}
