package app.smsdesk.desktop.page.messages;

import app.smsdesk.desktop.ui.Themes;
import app.smsdesk.desktop.ui.Ui;
import atlantafx.base.theme.Styles;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

/** "New message": every option the API offers, with a live segment counter. */
public final class ComposeDialog {
    private final ComposeViewModel model;
    private final Dialog<Void> dialog = new Dialog<>();

    public ComposeDialog(ComposeViewModel model, Window owner) {
        this.model = model;
        dialog.setTitle("New message");
        dialog.initOwner(owner);
        dialog.setResizable(true);
        dialog.getDialogPane().setId("compose-dialog");
        ButtonType send = new ButtonType("Send", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, send);
        Button sendButton = (Button) dialog.getDialogPane().lookupButton(send);
        sendButton.setId("compose-send");
        sendButton.setGraphic(Ui.icon(Feather.SEND));
        sendButton.getStyleClass().add(Styles.ACCENT);
        sendButton.disableProperty().bind(model.canSendProperty().not().or(model.busyProperty()));
        sendButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // closes only once the gateway accepted the message
            model.send();
        });
        model.sentProperty().addListener((o, was, is) -> {
            if (is != null) {
                dialog.setResult(null);
                dialog.close();
            }
        });
        dialog.getDialogPane().setContent(form());
        dialog.getDialogPane().setPrefWidth(620);
        dialog.getDialogPane().setMinWidth(600);
        Themes.style(dialog.getDialogPane().getScene());
    }

    public void showAndWait() {
        model.load();
        dialog.showAndWait();
    }

    private VBox form() {
        TextArea numbers = new TextArea();
        numbers.setId("compose-numbers");
        numbers.setPromptText("+15555550123, +4915112345678 \u2026 (one per line or separated by commas)");
        numbers.setPrefRowCount(2);
        numbers.setWrapText(true);
        numbers.textProperty().bindBidirectional(model.numbersProperty());
        Label count = new Label();
        count.getStyleClass().add("segment-counter");
        count.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            int n = model.recipientCountProperty().get();
            return n == 1 ? "1 recipient" : n + " recipients";
        }, model.recipientCountProperty()));

        TextArea text = new TextArea();
        text.setId("compose-text");
        text.setPromptText("Your message");
        text.setPrefRowCount(5);
        text.setWrapText(true);
        text.textProperty().bindBidirectional(model.textProperty());
        Label segments = new Label();
        segments.setId("compose-segments");
        segments.getStyleClass().add("segment-counter");
        segments.textProperty().bind(model.segmentsProperty());

        ComboBox<PhoneChoice> phone = new ComboBox<>(model.phones());
        phone.setId("compose-phone");
        phone.valueProperty().bindBidirectional(model.phoneProperty());
        phone.setMaxWidth(Double.MAX_VALUE);
        ComboBox<ComposeViewModel.SimChoice> sim = new ComboBox<>(model.sims());
        sim.setId("compose-sim");
        sim.valueProperty().bindBidirectional(model.simProperty());
        CheckBox priority = new CheckBox("High priority (skips the phone's send limits and delays)");
        priority.selectedProperty().bindBidirectional(model.highPriorityProperty());
        ComboBox<ComposeViewModel.Expiry> expiry = new ComboBox<>();
        expiry.getItems().setAll(ComposeViewModel.Expiry.values());
        expiry.valueProperty().bindBidirectional(model.expiryProperty());
        CheckBox scheduled = new CheckBox("Send later, at");
        scheduled.setId("compose-scheduled");
        scheduled.selectedProperty().bindBidirectional(model.scheduledProperty());
        DatePicker date = new DatePicker();
        date.valueProperty().bindBidirectional(model.scheduleDateProperty());
        date.disableProperty().bind(scheduled.selectedProperty().not());
        date.setPrefWidth(140);
        TextField time = new TextField();
        time.setPrefColumnCount(5);
        time.textProperty().bindBidirectional(model.scheduleTimeProperty());
        time.disableProperty().bind(scheduled.selectedProperty().not());
        HBox schedule = new HBox(8, scheduled, date, time);
        schedule.setAlignment(Pos.CENTER_LEFT);
        CheckBox report = new CheckBox("Ask for a delivery report");
        report.selectedProperty().bindBidirectional(model.deliveryReportProperty());

        Label problem = new Label();
        problem.setId("compose-problem");
        problem.getStyleClass().add(Styles.TEXT_MUTED);
        problem.textProperty().bind(model.problemProperty());

        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(8);
        int r = 0;
        g.addRow(r++, new Label("To"), new VBox(4, numbers, count));
        g.addRow(r++, new Label("Message"), new VBox(4, text, segments));
        g.addRow(r++, new Label("Phone"), phone);
        g.addRow(r++, new Label("SIM card"), sim);
        g.addRow(r++, new Label("Expires"), expiry);
        g.addRow(r++, new Label("Schedule"), schedule);
        g.addRow(r++, new Label("Options"), new VBox(6, priority, report));
        GridPane.setHgrow(numbers, Priority.ALWAYS);
        javafx.scene.layout.ColumnConstraints c0 = new javafx.scene.layout.ColumnConstraints();
        c0.setMinWidth(80);
        javafx.scene.layout.ColumnConstraints c1 = new javafx.scene.layout.ColumnConstraints();
        c1.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().setAll(c0, c1);
        return new VBox(12, g, problem);
    }
}
