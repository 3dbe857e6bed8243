package app.smsdesk.desktop.page.phones;

import app.smsdesk.desktop.ui.QrCodes;
import app.smsdesk.desktop.ui.Themes;
import app.smsdesk.desktop.ui.Ui;
import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

/** The "Pair a phone" wizard. */
public final class PairingDialog {
    private final PairingViewModel model;
    private final boolean https;
    private final Dialog<Void> dialog = new Dialog<>();

    public PairingDialog(PairingViewModel model, Window owner) {
        this.model = model;
        this.https = model.httpsOn();
        dialog.setTitle("Pair a phone");
        dialog.initOwner(owner);
        dialog.getDialogPane().setId("pairing-dialog");
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dialog.getDialogPane().setContent(content());
        dialog.getDialogPane().setPrefWidth(900);
        dialog.getDialogPane().setMinWidth(800);
        dialog.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        dialog.setResizable(true);
        // The addresses, warnings and hints arrive after the dialog opened: grow the window to fit them.
        model.warningProperty().addListener((o, a, b) -> Platform.runLater(this::fit));
        model.addressProperty().addListener((o, a, b) -> Platform.runLater(this::fit));
        model.sseOnlyHintProperty().addListener((o, a, b) -> Platform.runLater(this::fit));
        Themes.style(dialog.getDialogPane().getScene());
        dialog.setOnHidden(e -> model.stop());
    }

    private void fit() {
        if (dialog.getDialogPane().getScene() != null && dialog.getDialogPane().getScene().getWindow() != null) {
            dialog.getDialogPane().getScene().getWindow().sizeToScene();
        }
    }

    public void showAndWait() {
        model.start();
        dialog.showAndWait();
    }

    private VBox content() {
        List<Node> items = new ArrayList<>();
        items.add(text("On the phone, install \u201cSMS Gateway for Android\u201d and open it."));
        if (https) {
            TextField fingerprint = field(model.caFingerprintProperty(), "pair-ca-fingerprint");
            fingerprint.setPrefColumnCount(36);
            items.add(new VBox(6,
                    text("Install this gateway\u2019s certificate: scan the QR code with the phone\u2019s camera "
                            + "(or open its address in the phone\u2019s browser), then open Settings \u203a Security "
                            + "\u203a Encryption & credentials \u203a Install a certificate \u203a CA certificate."),
                    text("Android shows the certificate\u2019s SHA-256 fingerprint: it must be this one."),
                    withCopy(fingerprint, "fingerprint")));
        }
        items.add(new VBox(8, text("In the app, open Settings \u203a Cloud server and set:"), settingsGrid()));
        items.add(text("On the Home tab, switch on \u201cCloud server\u201d, press Start and choose Sign up: the "
                + "phone joins this gateway."));
        GridPane steps = new GridPane();
        steps.setHgap(12);
        steps.setVgap(14);
        for (int i = 0; i < items.size(); i++) {
            steps.addRow(i, number(i + 1), items.get(i));
        }
        ColumnConstraints numbers = new ColumnConstraints(28);
        ColumnConstraints texts = new ColumnConstraints();
        texts.setHgrow(Priority.ALWAYS);
        texts.setFillWidth(true);
        steps.getColumnConstraints().setAll(numbers, texts);
        steps.setPrefWidth(600);

        HBox body = new HBox(20, steps);
        HBox.setHgrow(steps, Priority.ALWAYS);
        if (https) {
            body.getChildren().add(qrBox());
        }
        VBox box = new VBox(14, warning(), body, usb(), check(), sseOnlyHint());
        box.setPadding(new Insets(6, 0, 0, 0));
        return box;
    }

    private GridPane settingsGrid() {
        ComboBox<PairingViewModel.Address> host = new ComboBox<>(model.addresses());
        host.valueProperty().bindBidirectional(model.addressProperty());
        host.setId("pair-host");
        host.setMinWidth(140);
        host.setTooltip(new javafx.scene.control.Tooltip("This computer\u2019s network address the phone can reach"));
        TextField api = field(model.apiUrlProperty(), "pair-api-url");
        HBox apiRow = new HBox(8, host, withCopy(api, "API URL"));
        HBox.setHgrow(apiRow.getChildren().get(1), Priority.ALWAYS);
        TextField token = field(model.privateTokenProperty(), "pair-private-token");
        Label channel = new Label("SSE only");
        channel.setId("pair-channel");
        channel.getStyleClass().add(Styles.TEXT_BOLD);
        Label why = Ui.hint("SMSDesk does not use Firebase: with \u201cSSE only\u201d new messages reach the phone "
                + "at once.");
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.addRow(0, key("API URL"), apiRow);
        g.addRow(1, key("Private token"), withCopy(token, "private token"));
        g.addRow(2, key("Notification channel"), new VBox(2, channel, why));
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().setAll(keys, values);
        return g;
    }

    private VBox qrBox() {
        ImageView qr = new ImageView();
        qr.setId("pair-qr");
        qr.setFitWidth(180);
        qr.setFitHeight(180);
        model.caUrlProperty().addListener((o, a, b) -> qr.setImage(b == null || b.isEmpty() ? null
                : QrCodes.of(b, 360)));
        StackPane frame = new StackPane(qr);
        frame.getStyleClass().add("qr-frame");
        frame.setMaxSize(196, 196);
        Label caUrl = new Label();
        caUrl.setId("pair-ca-url");
        caUrl.getStyleClass().addAll("mono", Styles.TEXT_SMALL);
        caUrl.textProperty().bind(model.caUrlProperty());
        caUrl.setWrapText(true);
        Label hint = Ui.hint("Scan to download the certificate (step 2).");
        hint.setMaxWidth(200);
        VBox box = new VBox(8, frame, caUrl, hint);
        box.setMinWidth(210);
        box.setMaxWidth(210);
        box.setAlignment(Pos.TOP_CENTER);
        return box;
    }

    private TitledPane usb() {
        TextField command = field(new SimpleStringProperty(model.usbCommand()), "pair-usb-command");
        TextField url = field(model.usbApiUrlProperty(), "pair-usb-url");
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.addRow(0, key("On this computer"), withCopy(command, "command"));
        g.addRow(1, key("API URL"), withCopy(url, "USB API URL"));
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().setAll(keys, values);
        VBox box = new VBox(10, text("Connect the phone with a USB cable (USB debugging on) and forward its port to "
                + "this computer. The app then talks plain HTTP to 127.0.0.1, with no certificate to install. Type "
                + "this API URL instead of the one above:"), g);
        TitledPane pane = new TitledPane("No Wi-Fi, or no certificate? Connect by USB", box);
        pane.setId("pair-usb");
        pane.setExpanded(!https);
        pane.expandedProperty().addListener((o, a, b) -> Platform.runLater(this::fit));
        model.warningProperty().addListener((o, a, b) -> pane.setExpanded(pane.isExpanded() || !b.isEmpty()));
        return pane;
    }

    private Label warning() {
        Label warning = new Label();
        warning.setId("pair-warning");
        warning.setWrapText(true);
        warning.setMaxWidth(Double.MAX_VALUE);
        warning.setMinHeight(Region.USE_PREF_SIZE);
        warning.getStyleClass().addAll("callout", "callout-warning");
        warning.setGraphic(Ui.icon(Feather.ALERT_TRIANGLE));
        warning.textProperty().bind(model.warningProperty());
        warning.visibleProperty().bind(model.warningProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());
        return warning;
    }

    private HBox check() {
        ProgressIndicator waiting = new ProgressIndicator();
        waiting.setPrefSize(20, 20);
        waiting.visibleProperty().bind(model.pairedProperty().not());
        waiting.managedProperty().bind(waiting.visibleProperty());
        Label status = new Label();
        status.setId("pair-status");
        status.textProperty().bind(model.statusProperty());
        status.graphicProperty().bind(Bindings.createObjectBinding(
                () -> model.pairedProperty().get() ? Ui.icon(Feather.CHECK_CIRCLE) : null, model.pairedProperty()));
        HBox check = new HBox(10, waiting, status);
        check.setAlignment(Pos.CENTER_LEFT);
        check.getStyleClass().addAll("callout", "callout-accent");
        model.pairedProperty().addListener((o, a, b) -> {
            if (b) {
                check.getStyleClass().setAll("callout", "callout-success");
            }
        });
        return check;
    }

    private Label sseOnlyHint() {
        Label hint = new Label();
        hint.setId("pair-sse-only");
        hint.setWrapText(true);
        hint.setMaxWidth(Double.MAX_VALUE);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.getStyleClass().addAll("callout", "callout-warning");
        hint.setGraphic(Ui.icon(Feather.ZAP));
        hint.textProperty().bind(model.sseOnlyHintProperty());
        hint.visibleProperty().bind(model.sseOnlyHintProperty().isNotEmpty());
        hint.managedProperty().bind(hint.visibleProperty());
        return hint;
    }

    private static TextField field(ObservableStringValue value, String id) {
        TextField f = new TextField();
        f.setId(id);
        f.setEditable(false);
        f.getStyleClass().add("mono");
        f.textProperty().bind(value);
        f.setPrefColumnCount(28);
        return f;
    }

    private HBox withCopy(TextField f, String what) {
        HBox.setHgrow(f, Priority.ALWAYS);
        HBox box = new HBox(4, f, Ui.copyButton(model::copy, f::getText, what));
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Label key(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }

    private static Label number(int n) {
        Label l = new Label(String.valueOf(n));
        l.getStyleClass().add("pair-step-number");
        return l;
    }

    private static Node text(String t) {
        Label l = new Label(t);
        l.setWrapText(true);
        l.setMaxWidth(600);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }
}
