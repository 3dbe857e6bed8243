package app.smsdesk.desktop.page.inbox;

import app.smsdesk.desktop.page.messages.PhoneChoice;
import app.smsdesk.desktop.shell.PageView;
import app.smsdesk.desktop.ui.Formats;
import app.smsdesk.desktop.ui.PagedTables;
import app.smsdesk.desktop.ui.Ui;
import app.smsdesk.gateway.domain.IncomingMessage;
import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import java.io.File;
import app.smsdesk.gateway.domain.InboxQuery;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;

/** The inbox screen. */
public final class InboxView implements PageView {
    private final InboxViewModel model;
    private final VBox root;

    public InboxView(InboxViewModel model) {
        this.model = model;
        Button export = Ui.button("Export CSV", Feather.DOWNLOAD, Styles.BUTTON_OUTLINED);
        export.disableProperty().bind(model.list().exportingProperty());
        export.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName("inbox.csv");
            File f = chooser.showSaveDialog(export.getScene().getWindow());
            if (f != null) {
                model.exportCsv(f.toPath());
            }
        });
        TableView<IncomingMessage> table = new TableView<>();
        table.setId("inbox-table");
        Ui.tableDefaults(table, "No SMS here. Messages your phones receive appear here; if you filtered, clear "
                + "the filters.");
        TableColumn<IncomingMessage, String> when = PagedTables.column("Received", m -> Formats.dateTime(m.receivedAt(),
                model.console().zone()));
        when.setId("col-received");
        when.setPrefWidth(150);
        when.setMinWidth(150);
        TableColumn<IncomingMessage, String> from = PagedTables.column("From", IncomingMessage::sender);
        from.setId("col-from");
        from.setPrefWidth(150);
        TableColumn<IncomingMessage, String> text = PagedTables.column("Message", IncomingMessage::content);
        text.setPrefWidth(460);
        TableColumn<IncomingMessage, String> sim = PagedTables.column("SIM", m -> m.simNumber() == null ? "" : "SIM " + m.simNumber());
        sim.setPrefWidth(60);
        TableColumn<IncomingMessage, String> type = PagedTables.column("Type", IncomingMessage::type);
        TableColumn<IncomingMessage, String> phone = PagedTables.column("Phone", m -> model.phoneName(m.deviceId()));
        phone.setPrefWidth(150);
        table.getColumns().setAll(List.of(when, from, text, phone, sim, type));
        table.setItems(model.list().items());
        PagedTables.sortOnServer(table, model.list(), Map.of(when, InboxQuery.Order.RECEIVED,
                from, InboxQuery.Order.SENDER, sim, InboxQuery.Order.SIM, type, InboxQuery.Order.TYPE));
        model.phones().addListener((javafx.collections.ListChangeListener<PhoneChoice>) c -> table.refresh());
        table.setOnKeyPressed(e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.C) {
                model.copy(table.getSelectionModel().getSelectedItem());
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        HBox footer = PagedTables.pager(model.list());
        footer.getChildren().add(1, PagedTables.exportBar(model.list()));
        root = new VBox(14, Ui.header("Inbox", "SMS your phones received, newest first; click a column to sort.", export), filters(), table,
                footer);
        root.setPadding(new Insets(20, 24, 16, 24));
    }

    private HBox filters() {
        CustomTextField search = new CustomTextField();
        search.setId("inbox-search");
        search.setPromptText("Text or sender");
        search.setLeft(Ui.icon(Feather.SEARCH));
        search.textProperty().bindBidirectional(model.searchProperty());
        search.setOnAction(e -> model.applyFilters());
        HBox.setHgrow(search, Priority.ALWAYS);
        ComboBox<String> type = new ComboBox<>();
        type.setId("inbox-type");
        type.getItems().add(null);
        type.getItems().addAll(InboxViewModel.TYPES);
        type.setConverter(new StringConverter<>() {
            @Override
            public String toString(String t) {
                return t == null ? "Any type" : t;
            }

            @Override
            public String fromString(String s) {
                return "Any type".equals(s) ? null : s;
            }
        });
        type.valueProperty().bindBidirectional(model.typeFilterProperty());
        type.setPrefWidth(150);
        ComboBox<PhoneChoice> phone = new ComboBox<>(model.phones());
        phone.setId("inbox-phone");
        phone.valueProperty().bindBidirectional(model.phoneFilterProperty());
        phone.setPrefWidth(170);
        DatePicker from = new DatePicker();
        from.setId("inbox-from");
        from.setPromptText("From");
        from.setPrefWidth(130);
        from.valueProperty().bindBidirectional(model.fromDateProperty());
        DatePicker to = new DatePicker();
        to.setId("inbox-to");
        to.setPromptText("To");
        to.setPrefWidth(130);
        to.valueProperty().bindBidirectional(model.toDateProperty());
        Button apply = Ui.button("Apply", Feather.FILTER);
        apply.setId("inbox-apply");
        apply.setOnAction(e -> model.applyFilters());
        Button clear = Ui.button("Clear", null, Styles.FLAT);
        clear.setId("inbox-clear");
        clear.setOnAction(e -> model.clearFilters());
        HBox box = new HBox(8, search, type, phone, from, to, apply, clear);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public void onShow() {
        model.start();
    }

    @Override
    public void onHide() {
        model.stop();
    }
}
