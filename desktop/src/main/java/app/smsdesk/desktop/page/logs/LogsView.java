package app.smsdesk.desktop.page.logs;

import app.smsdesk.desktop.shell.PageView;
import app.smsdesk.desktop.ui.Formats;
import app.smsdesk.desktop.ui.Ui;
import app.smsdesk.gateway.domain.LogEntry;
import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The logs screen. */
public final class LogsView implements PageView {
    private final LogsViewModel model;
    private final VBox root;

    public LogsView(LogsViewModel model) {
        this.model = model;
        CustomTextField search = new CustomTextField();
        search.setPromptText("Search messages and details");
        search.setLeft(Ui.icon(Feather.SEARCH));
        search.textProperty().bindBidirectional(model.searchProperty());
        search.setPrefWidth(280);
        ComboBox<String> level = new ComboBox<>();
        level.getItems().setAll(LogsViewModel.levels());
        level.valueProperty().bindBidirectional(model.levelProperty());
        ComboBox<String> module = new ComboBox<>(model.modules());
        module.valueProperty().bindBidirectional(model.moduleProperty());
        ComboBox<LogsViewModel.Range> range = new ComboBox<>();
        range.getItems().setAll(LogsViewModel.Range.values());
        range.valueProperty().bindBidirectional(model.rangeProperty());
        ToggleSwitch live = new ToggleSwitch("Live");
        live.setId("logs-live");
        live.selectedProperty().bindBidirectional(model.liveProperty());
        HBox filters = new HBox(10, search, level, module, range, Ui.spacer(), live);
        filters.setAlignment(Pos.CENTER_LEFT);

        TableView<LogEntry> table = new TableView<>();
        table.setId("log-table");
        Ui.tableDefaults(table, "Nothing logged in this time range.");
        TableColumn<LogEntry, String> time = col("Time", e -> Formats.dateTimeSeconds(e.createdAt(),
                model.console().zone()));
        time.setPrefWidth(165);
        time.setMinWidth(160);
        TableColumn<LogEntry, String> prio = col("Level", LogEntry::priority);
        prio.setPrefWidth(80);
        prio.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                setGraphic(empty || item == null ? null : Ui.badge(item, switch (item) {
                    case "WARN" -> "warning";
                    case "ERROR" -> "danger";
                    default -> "muted";
                }));
            }
        });
        TableColumn<LogEntry, String> area = col("Area", LogEntry::module);
        area.setPrefWidth(90);
        TableColumn<LogEntry, String> msg = col("What happened", LogEntry::message);
        msg.setPrefWidth(280);
        TableColumn<LogEntry, String> ctx = col("Details", LogsViewModel::context);
        ctx.setPrefWidth(420);
        table.getColumns().setAll(List.of(time, prio, area, msg, ctx));
        table.setItems(model.visibleEntries());
        VBox.setVgrow(table, Priority.ALWAYS);
        root = new VBox(14, Ui.header("Logs", "What the gateway did: sign-ins, tokens, messages, settings, phones."),
                filters, table);
        root.setPadding(new Insets(20, 24, 16, 24));
    }

    private static TableColumn<LogEntry, String> col(String title, Function<LogEntry, String> v) {
        TableColumn<LogEntry, String> c = new TableColumn<>(title);
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
