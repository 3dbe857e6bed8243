package app.smsdesk.desktop.page.phones;

import app.smsdesk.desktop.ui.QrCodes;
import app.smsdesk.desktop.ui.Themes;
import app.smsdesk.desktop.ui.Ui;
import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
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
    private TabPane tabs;

    public PairingDialog(PairingViewModel model, Window owner) {
        this.model = model;
        this.https = model.httpsOn();
        dialog.setTitle("Pair a phone");
        dialog.initOwner(owner);
        dialog.getDialogPane().setId("pairing-dialog");
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dialog.getDialogPane().setContent(content());
        dialog.getDialogPane().setPrefWidth(900);
        dialog.getDialogPane().setMinWidth(860);
        dialog.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        dialog.setResizable(true);
        Themes.style(dialog.getDialogPane().getScene());
        dialog.setOnHidden(e -> model.stop());
        // The addresses, warnings and hints arrive after the dialog opened: grow the window to fit them.
        dialog.setOnShown(e -> dialog.getDialogPane().getScene().addPostLayoutPulseListener(this::fit));
    }

    /**
     * Grows the window until the content fits at its current width. Wrapped text learns its height only in a
     * layout, after the window opened, and the tab pane keeps its first idea of its content's height; so after
     * each layout this pins the tab pane's minimum to what the tallest tab needs and resizes the window to the
     * scene. It does nothing once everything fits.
     */
    private void fit() {
        javafx.scene.Scene scene = dialog.getDialogPane().getScene();
        if (scene == null || !(scene.getWindow() instanceof javafx.stage.Stage stage) || !stage.isShowing()
                || tabs == null) {
            return;
        }
        double need = 0;
        for (Tab t : tabs.getTabs()) {
            Region content = (Region) t.getContent();
            if (content.getWidth() > 0 && content.getParent() instanceof Region room) {
                need = Math.max(need, content.prefHeight(content.getWidth()) + tabs.getHeight() - room.getHeight());
            }
        }
        if (need > tabs.getHeight() + 0.5) {
            tabs.setMinHeight(need);
        }
        if (dialog.getDialogPane().prefHeight(scene.getWidth()) > scene.getHeight() + 0.5) {
            stage.sizeToScene();
        }
    }

    public void showAndWait() {
        model.start();
        dialog.showAndWait();
    }

    private VBox content() {
        Tab wifi = new Tab(https ? "Over Wi-Fi (HTTPS)" : "Over Wi-Fi", wifi());
        wifi.setId("pair-tab-wifi");
        Tab usb = new Tab("Over a USB cable", usb());
        usb.setId("pair-tab-usb");
        tabs = new TabPane(wifi, usb);
        tabs.setId("pair-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("pair-tabs");
        tabs.setMinHeight(Region.USE_PREF_SIZE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        // When phones cannot reach the gateway over the network, the USB way is the one that works.
        model.warningProperty().addListener((o, a, b) -> {
            if (!b.isEmpty()) {
                tabs.getSelectionModel().select(usb);
            }
        });
        VBox box = new VBox(14, warning(), tabs, check(), sseOnlyHint());
        box.setPadding(new Insets(6, 0, 0, 0));
        return box;
    }

    private HBox wifi() {
        List<Node> items = new ArrayList<>();
        items.add(text("On the phone, install \u201cSMS Gateway for Android\u201d and open it. The phone must be on "
                + "the same network as this computer."));
        if (https) {
            items.add(new VBox(6,
                    text("Install this gateway\u2019s certificate: scan the QR code with the phone\u2019s camera "
                            + "(or open its address in the phone\u2019s browser), then open Settings \u203a Security "
                            + "\u203a Encryption & credentials \u203a Install a certificate \u203a CA certificate."),
                    text("Android shows the certificate\u2019s SHA-256 fingerprint: it must be this one."),
                    fingerprint()));
        }
        ComboBox<PairingViewModel.Address> host = new ComboBox<>(model.addresses());
        host.valueProperty().bindBidirectional(model.addressProperty());
        host.setId("pair-host");
        host.setPrefWidth(170);
        Label hostLabel = Ui.hint("This computer has several addresses; pick the one on the phone\u2019s network:");
        hostLabel.setPrefWidth(300);
        hostLabel.setMinHeight(Region.USE_PREF_SIZE);
        HBox hostRow = new HBox(8, hostLabel, host);
        hostRow.setAlignment(Pos.CENTER_LEFT);
        hostRow.visibleProperty().bind(Bindings.size(model.addresses()).greaterThan(1));
        hostRow.managedProperty().bind(hostRow.visibleProperty());
        items.add(appSettings(new VBox(6, withCopy(field(model.apiUrlProperty(), "pair-api-url"), "API URL"),
                hostRow), "pair-private-token"));
        items.add(signUp("pair-"));
        HBox body = new HBox(20, steps(items));
        HBox.setHgrow(body.getChildren().get(0), Priority.ALWAYS);
        if (https) {
            body.getChildren().add(qrBox());
        }
        body.setPadding(new Insets(14, 0, 0, 0));
        return body;
    }

    private GridPane usb() {
        List<Node> items = new ArrayList<>();
        items.add(text("On the phone, install \u201cSMS Gateway for Android\u201d, switch on USB debugging (Settings "
                + "\u203a Developer options) and connect it to this computer with a USB cable."));
        items.add(new VBox(6, text("On this computer, forward the phone\u2019s port to the gateway (adb comes with "
                + "Android\u2019s platform tools; run it again after reconnecting the cable):"),
                withCopy(field(new SimpleStringProperty(model.usbCommand()), "pair-usb-command"), "command")));
        items.add(appSettings(withCopy(field(model.usbApiUrlProperty(), "pair-usb-url"), "USB API URL"),
                "pair-usb-private-token"));
        items.add(signUp("pair-usb-"));
        GridPane steps = steps(items);
        steps.setPadding(new Insets(14, 0, 0, 0));
        return steps;
    }

    private static GridPane steps(List<Node> items) {
        GridPane steps = new GridPane();
        steps.setHgap(12);
        steps.setVgap(14);
        for (int i = 0; i < items.size(); i++) {
            Label n = number(i + 1);
            GridPane.setValignment(n, VPos.TOP);
            steps.addRow(i, n, items.get(i));
        }
        ColumnConstraints numbers = new ColumnConstraints(28);
        ColumnConstraints texts = new ColumnConstraints();
        texts.setHgrow(Priority.ALWAYS);
        texts.setFillWidth(true);
        steps.getColumnConstraints().setAll(numbers, texts);
        steps.setPrefWidth(600);
        return steps;
    }

    /**
     * The last step: sign in with the one-time code (the phone joins approved), or sign up with the private token
     * (the phone then waits for approval, which the live check below offers).
     */
    private Node signUp(String idPrefix) {
        TextField codeField = field(model.codeProperty(), idPrefix + "code");
        codeField.setPrefColumnCount(8);
        codeField.getStyleClass().add("pair-code");
        Button fresh = Ui.button("New code", Feather.REFRESH_CW, Styles.FLAT);
        fresh.setId(idPrefix + "new-code");
        fresh.setOnAction(e -> model.newCode());
        fresh.setMinWidth(Region.USE_PREF_SIZE);
        Label validity = Ui.hint("");
        validity.textProperty().bind(model.codeValidityProperty());
        HBox codeRow = new HBox(8, codeField, Ui.copyButton(model::copy, codeField::getText, "code"), validity,
                fresh);
        codeRow.setAlignment(Pos.CENTER_LEFT);
        return new VBox(8, text("On the Home tab, switch on \u201cCloud server\u201d, press Start and choose Sign in "
                + "\u203a Code, and enter this code: the phone joins this gateway at once."), codeRow,
                Ui.hint("Or choose Sign up: a phone that signs up with the private token waits for your approval."));
    }

    /** Step "In the app, set:" with the given API URL row, the private token and the notification channel. */
    private VBox appSettings(Node apiUrl, String tokenId) {
        Label channel = new Label("SSE only");
        channel.setId(tokenId.replace("private-token", "channel"));
        channel.getStyleClass().add(Styles.TEXT_BOLD);
        Label why = Ui.hint("SMSDesk does not use Firebase: with \u201cSSE only\u201d new messages reach the phone "
                + "at once.");
        why.setMinHeight(Region.USE_PREF_SIZE);
        why.setPrefWidth(340);
        Label apiKey = key("API URL");
        GridPane.setValignment(apiKey, VPos.TOP);
        apiKey.setPadding(new Insets(6, 0, 0, 0));
        Label channelKey = key("Notification channel");
        GridPane.setValignment(channelKey, VPos.TOP);
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.addRow(0, apiKey, apiUrl);
        Button rotate = Ui.button("Replace", Feather.ROTATE_CW, Styles.FLAT);
        rotate.setId(tokenId + "-rotate");
        rotate.setTooltip(new Tooltip("Make a new private token: phones already paired keep working"));
        rotate.setOnAction(e -> model.rotatePrivateToken());
        rotate.setMinWidth(Region.USE_PREF_SIZE);
        HBox token = withCopy(field(model.privateTokenProperty(), tokenId), "private token");
        token.getChildren().add(rotate);
        g.addRow(1, key("Private token"), token);
        g.addRow(2, channelKey, new VBox(2, channel, why));
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().setAll(keys, values);
        return new VBox(8, text("In the app, open Settings \u203a Cloud server and set:"), g);
    }

    /** The fingerprint in two lines of 16 bytes, as readable next to the phone's screen; Copy copies it whole. */
    private HBox fingerprint() {
        Label l = new Label();
        l.setId("pair-ca-fingerprint");
        l.getStyleClass().addAll("mono", "fingerprint");
        l.textProperty().bind(Bindings.createStringBinding(() -> twoLines(model.caFingerprintProperty().get()),
                model.caFingerprintProperty()));
        l.setMinHeight(Region.USE_PREF_SIZE);
        HBox box = new HBox(8, l, Ui.copyButton(model::copy, model.caFingerprintProperty()::get, "fingerprint"));
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    static String twoLines(String fingerprint) {
        int half = fingerprint.length() / 2;
        return fingerprint.length() > 60 && fingerprint.charAt(half) == ':'
                ? fingerprint.substring(0, half) + "\n" + fingerprint.substring(half + 1) : fingerprint;
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
        hint.setPrefWidth(190);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(8, frame, caUrl, hint);
        box.setMinWidth(210);
        box.setMaxWidth(210);
        box.setAlignment(Pos.TOP_CENTER);
        return box;
    }

    private Label warning() {
        return Ui.warningCallout("pair-warning", Feather.ALERT_TRIANGLE, model.warningProperty());
    }

    private HBox check() {
        ProgressIndicator waiting = new ProgressIndicator();
        waiting.setPrefSize(20, 20);
        // Spinning while nothing happened yet: not once paired, nor while a new phone waits for approval.
        waiting.visibleProperty().bind(model.pairedProperty().not().and(model.waitingProperty().isNull()));
        waiting.managedProperty().bind(waiting.visibleProperty());
        Label status = new Label();
        status.setId("pair-status");
        status.textProperty().bind(model.statusProperty());
        status.graphicProperty().bind(Bindings.createObjectBinding(
                () -> model.pairedProperty().get() ? Ui.icon(Feather.CHECK_CIRCLE) : null, model.pairedProperty()));
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        Button approve = Ui.button("Approve", Feather.CHECK, Styles.SUCCESS);
        approve.setId("pair-approve");
        approve.setOnAction(e -> model.approveWaiting());
        approve.visibleProperty().bind(model.waitingProperty().isNotNull());
        approve.managedProperty().bind(approve.visibleProperty());
        HBox check = new HBox(10, waiting, status, Ui.spacer(), approve);
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
        return Ui.warningCallout("pair-sse-only", Feather.ZAP, model.sseOnlyHintProperty());
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
        // A preferred width makes the preferred height that of the wrapped text, so the dialog sizes to fit it.
        l.setPrefWidth(520);
        l.setMaxWidth(640);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }
}
