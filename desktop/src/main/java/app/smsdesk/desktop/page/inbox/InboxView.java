package app.smsdesk.desktop.page.inbox;

import app.smsdesk.desktop.shell.PageView;
import app.smsdesk.desktop.ui.Formats;
import app.smsdesk.desktop.ui.Ui;
import app.smsdesk.gateway.domain.IncomingMessage;
import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import java.io.File;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;

/** The inbox screen. */
public final class InboxView implements PageView {
    private final InboxViewModel model;
    private final VBox root;

    public InboxView(InboxViewModel model) {
        this.model = model;
        CustomTextField search = new CustomTextField();
        search.setPromptText("Search text or sender, then Enter");
        search.setLeft(Ui.icon(Feather.SEARCH));
        search.setPrefWidth(320);
        search.textProperty().bindBidirectional(model.searchProperty());
        search.setOnAction(e -> model.applySearch());
        Button export = Ui.button("Export CSV", Feather.DOWNLOAD, Styles.BUTTON_OUTLINED);
        export.disableProperty().bind(model.exportingProperty());
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
        Ui.tableDefaults(table, "No SMS received yet. Messages your phones receive appear here.");
        TableColumn<IncomingMessage, String> when = col("Received", m -> Formats.dateTime(m.receivedAt(),
                model.console().zone()));
        when.setPrefWidth(140);
        TableColumn<IncomingMessage, String> from = col("From", IncomingMessage::sender);
        from.setPrefWidth(150);
        TableColumn<IncomingMessage, String> text = col("Message", IncomingMessage::content);
        text.setPrefWidth(460);
        TableColumn<IncomingMessage, String> sim = col("SIM", m -> m.simNumber() == null ? "" : "SIM " + m.simNumber());
        sim.setPrefWidth(60);
        TableColumn<IncomingMessage, String> type = col("Type", IncomingMessage::type);
        table.getColumns().setAll(List.of(when, from, text, sim, type));
        table.setItems(model.items());
        table.setOnKeyPressed(e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.C) {
                model.copy(table.getSelectionModel().getSelectedItem());
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        Label page = new Label();
        page.getStyleClass().add(Styles.TEXT_MUTED);
        page.textProperty().bind(model.pageTextProperty());
        Button prev = Ui.button(null, Feather.CHEVRON_LEFT, Styles.BUTTON_ICON, Styles.FLAT);
        prev.disableProperty().bind(model.pageIndexProperty().isEqualTo(0));
        prev.setOnAction(e -> model.previousPage());
        Button next = Ui.button(null, Feather.CHEVRON_RIGHT, Styles.BUTTON_ICON, Styles.FLAT);
        next.disableProperty().bind(model.hasNextProperty().not());
        next.setOnAction(e -> model.nextPage());
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(model.exportProgressProperty());
        progress.visibleProperty().bind(model.exportingProperty());
        Label status = new Label();
        status.textProperty().bind(model.exportStatusProperty());
        HBox footer = new HBox(8, page, progress, status, Ui.spacer(), prev, next);
        footer.setAlignment(Pos.CENTER_LEFT);
        HBox filters = new HBox(8, search);
        root = new VBox(14, Ui.header("Inbox", "SMS your phones received, newest first.", export), filters, table,
                footer);
        root.setPadding(new Insets(20, 24, 16, 24));
    }

    private static TableColumn<IncomingMessage, String> col(String t, Function<IncomingMessage, String> v) {
        TableColumn<IncomingMessage, String> c = new TableColumn<>(t);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(v.apply(d.getValue())));
        return c;
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
