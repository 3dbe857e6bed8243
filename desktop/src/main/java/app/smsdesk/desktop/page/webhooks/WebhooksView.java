package app.smsdesk.desktop.page.webhooks;

import app.smsdesk.desktop.page.messages.PhoneChoice;
import app.smsdesk.desktop.shell.PageView;
import app.smsdesk.desktop.ui.Themes;
import app.smsdesk.desktop.ui.Ui;
import app.smsdesk.gateway.domain.Webhook;
import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The webhooks screen and its add/edit dialog. */
public final class WebhooksView implements PageView {
    private final WebhooksViewModel model;
    private final TableView<Webhook> table = new TableView<>();
    private final VBox root;

    public WebhooksView(WebhooksViewModel model) {
        this.model = model;
        Button add = Ui.button("Add webhook", Feather.PLUS, Styles.ACCENT);
        add.setId("add-webhook");
        add.setOnAction(e -> {
            model.startNew();
            edit("Add webhook");
        });
        Button editButton = Ui.button("Edit", Feather.EDIT_2, Styles.BUTTON_OUTLINED);
        editButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        editButton.setOnAction(e -> {
            model.startEdit(table.getSelectionModel().getSelectedItem());
            edit("Edit webhook");
        });
        Button delete = Ui.button("Delete", Feather.TRASH_2, Styles.DANGER, Styles.BUTTON_OUTLINED);
        delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        delete.setOnAction(e -> model.delete(table.getSelectionModel().getSelectedItem()));
        Ui.tableDefaults(table, "No webhooks. Add one to have the phones call your server when an SMS arrives, "
                + "is sent, delivered or fails.");
        table.setId("webhook-table");
        TableColumn<Webhook, String> event = col("Event", Webhook::event);
        event.setPrefWidth(160);
        TableColumn<Webhook, String> url = col("Address", Webhook::url);
        url.setPrefWidth(420);
        TableColumn<Webhook, String> phone = col("Phones", w -> model.phoneName(w.deviceId()));
        TableColumn<Webhook, String> id = col("ID", Webhook::id);
        table.getColumns().setAll(List.of(event, url, phone, id));
        table.setItems(model.webhooks());
        table.setRowFactory(t -> {
            javafx.scene.control.TableRow<Webhook> row = new javafx.scene.control.TableRow<>();
            javafx.scene.control.MenuItem copy = new javafx.scene.control.MenuItem("Copy ID", Ui.icon(Feather.COPY));
            copy.setOnAction(e -> model.copyId(row.getItem()));
            row.contextMenuProperty().bind(Bindings.when(row.emptyProperty())
                    .then((javafx.scene.control.ContextMenu) null).otherwise(new javafx.scene.control.ContextMenu(copy)));
            return row;
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        HBox actions = new HBox(8, Ui.hint("The phones call these addresses themselves, so they must be reachable "
                + "from the phones' network."), Ui.spacer(), editButton, delete);
        actions.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(14, Ui.header("Webhooks", "Where the phones report incoming SMS and delivery states.", add),
                table, actions);
        root.setPadding(new Insets(20, 24, 16, 24));
    }

    private void edit(String title) {
        Dialog<Void> d = new Dialog<>();
        d.setTitle(title);
        d.initOwner(root.getScene().getWindow());
        ComboBox<String> event = new ComboBox<>();
        event.getItems().setAll(Webhook.EVENTS);
        event.valueProperty().bindBidirectional(model.eventProperty());
        TextField url = new TextField();
        url.setId("webhook-url");
        url.setPromptText("https://example.com/sms-events");
        url.textProperty().bindBidirectional(model.urlProperty());
        ComboBox<PhoneChoice> phone = new ComboBox<>(model.phones());
        phone.valueProperty().bindBidirectional(model.phoneProperty());
        Label problem = new Label();
        problem.getStyleClass().add("field-error");
        problem.textProperty().bind(model.urlProblemProperty());
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(10);
        g.addRow(0, new Label("Event"), event);
        g.addRow(1, new Label("Address"), new VBox(4, url, problem));
        g.addRow(2, new Label("Phones"), phone);
        GridPane.setHgrow(url, Priority.ALWAYS);
        d.getDialogPane().setContent(g);
        d.getDialogPane().setPrefWidth(560);
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, save);
        Button saveButton = (Button) d.getDialogPane().lookupButton(save);
        saveButton.getStyleClass().add(Styles.ACCENT);
        saveButton.disableProperty().bind(model.canSaveProperty().not());
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            model.save(d::close);
        });
        Themes.style(d.getDialogPane().getScene());
        d.showAndWait();
    }

    private static TableColumn<Webhook, String> col(String t, Function<Webhook, String> v) {
        TableColumn<Webhook, String> c = new TableColumn<>(t);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(v.apply(d.getValue())));
        return c;
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public void onShow() {
        model.refresh();
    }
}
