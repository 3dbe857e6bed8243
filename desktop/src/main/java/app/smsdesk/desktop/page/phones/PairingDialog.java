package app.smsdesk.desktop.page.phones;

import app.smsdesk.desktop.ui.QrCodes;
import app.smsdesk.desktop.ui.Themes;
import app.smsdesk.desktop.ui.Ui;
import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

/** The "Pair a phone" wizard. */
public final class PairingDialog {
    private final PairingViewModel model;
    private final Dialog<Void> dialog = new Dialog<>();

    public PairingDialog(PairingViewModel model, Window owner) {
        this.model = model;
        dialog.setTitle("Pair a phone");
        dialog.initOwner(owner);
        dialog.getDialogPane().setId("pairing-dialog");
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dialog.getDialogPane().setContent(content());
        dialog.getDialogPane().setPrefWidth(860);
        dialog.getDialogPane().setMinWidth(780);
        dialog.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        // The addresses and the warning arrive after the dialog opened: grow the window to fit them.
        model.warningProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(this::fit));
        model.hostProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(this::fit));
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
        ComboBox<String> host = new ComboBox<>(model.hosts());
        host.valueProperty().bindBidirectional(model.hostProperty());
        host.setId("pair-host");
        host.setMinWidth(140);
        HBox apiUrl = copyRow(model.apiUrlProperty(), "API URL", "pair-api-url");
        HBox token = Ui.copyField(text -> model.copyPrivateToken(),
                model.privateToken(), "private token");
        token.lookup(".text-field").setId("pair-private-token");

        GridPane steps = new GridPane();
        steps.setHgap(12);
        steps.setVgap(12);
        int r = 0;
        steps.addRow(r++, number(1), text("On the phone, install \u201cSMS Gateway for Android\u201d and open it."));
        steps.addRow(r++, number(2), text("Open Settings \u203a Cloud server, and switch the server to a private "
                + "server."));
        steps.addRow(r++, number(3), new VBox(6, text("Type this API URL (the phone must be on the same network "
                + "as this computer):"), new HBox(8, host, apiUrl)));
        HBox.setHgrow(apiUrl, Priority.ALWAYS);
        steps.addRow(r++, number(4), new VBox(6, text("Type this private token:"), token));
        steps.addRow(r++, number(5), text("Go back, switch on \u201cCloud server\u201d and start the app: it "
                + "registers with this gateway."));
        javafx.scene.layout.ColumnConstraints numbers = new javafx.scene.layout.ColumnConstraints(28);
        javafx.scene.layout.ColumnConstraints texts = new javafx.scene.layout.ColumnConstraints();
        texts.setHgrow(Priority.ALWAYS);
        texts.setFillWidth(true);
        steps.getColumnConstraints().setAll(numbers, texts);
        steps.setPrefWidth(560);

        ImageView qr = new ImageView();
        qr.setId("pair-qr");
        qr.setFitWidth(180);
        qr.setFitHeight(180);
        model.caUrlProperty().addListener((o, a, b) -> qr.setImage(b == null || b.isEmpty() ? null
                : QrCodes.of(b, 360)));
        StackPane qrFrame = new StackPane(qr);
        qrFrame.getStyleClass().add("qr-frame");
        qrFrame.setMaxSize(196, 196);
        Label caUrl = new Label();
        caUrl.getStyleClass().addAll("mono", Styles.TEXT_SMALL);
        caUrl.textProperty().bind(model.caUrlProperty());
        caUrl.setWrapText(true);
        Label qrHint = Ui.hint("For HTTPS: scan with the phone's camera to download this gateway's certificate "
                + "authority, then install it under Settings \u203a Security \u203a Encryption & credentials.");
        qrHint.setMaxWidth(200);
        VBox qrBox = new VBox(8, qrFrame, caUrl, qrHint);
        qrBox.setMaxWidth(210);
        qrBox.setAlignment(Pos.TOP_CENTER);

        ProgressIndicator waiting = new ProgressIndicator();
        waiting.setPrefSize(20, 20);
        waiting.visibleProperty().bind(model.pairedProperty().not());
        waiting.managedProperty().bind(waiting.visibleProperty());
        Label status = new Label();
        status.setId("pair-status");
        status.textProperty().bind(model.statusProperty());
        status.graphicProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> model.pairedProperty().get() ? Ui.icon(Feather.CHECK_CIRCLE) : null, model.pairedProperty()));
        HBox check = new HBox(10, waiting, status);
        check.setAlignment(Pos.CENTER_LEFT);
        check.getStyleClass().addAll("callout", "callout-accent");
        model.pairedProperty().addListener((o, a, b) -> {
            if (b) {
                check.getStyleClass().setAll("callout", "callout-success");
            }
        });
        Label warning = new Label();
        warning.setWrapText(true);
        warning.setMaxWidth(Double.MAX_VALUE);
        warning.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        warning.getStyleClass().addAll("callout", "callout-warning");
        warning.setGraphic(Ui.icon(Feather.ALERT_TRIANGLE));
        warning.textProperty().bind(model.warningProperty());
        warning.visibleProperty().bind(model.warningProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());

        HBox body = new HBox(20, steps, qrBox);
        HBox.setHgrow(steps, Priority.ALWAYS);
        VBox box = new VBox(14, warning, body, check);
        box.setPadding(new Insets(6, 0, 0, 0));
        return box;
    }

    private HBox copyRow(javafx.beans.value.ObservableStringValue value, String what, String id) {
        javafx.scene.control.TextField f = new javafx.scene.control.TextField();
        f.setId(id);
        f.setEditable(false);
        f.getStyleClass().add("mono");
        f.textProperty().bind(value);
        f.setPrefColumnCount(28);
        HBox.setHgrow(f, Priority.ALWAYS);
        HBox box = new HBox(4, f, Ui.copyButton(text -> model.copyApiUrl(), value::get, what));
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Label number(int n) {
        Label l = new Label(String.valueOf(n));
        l.getStyleClass().add("pair-step-number");
        return l;
    }

    private static Label text(String t) {
        Label l = new Label(t);
        l.setWrapText(true);
        l.setMaxWidth(520);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }
}
