package app.smsdesk.desktop.page.messages;

import app.smsdesk.desktop.shell.PageView;
import app.smsdesk.desktop.ui.PagedTables;
import app.smsdesk.desktop.ui.Ui;
import app.smsdesk.gateway.domain.OutgoingMessage;
import app.smsdesk.gateway.domain.ProcessingState;
import app.smsdesk.gateway.domain.RecipientState;
import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import java.io.File;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import app.smsdesk.gateway.domain.MessageQuery;
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
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;

/** The messages screen: filters, a paged table, the detail pane, compose and export. */
public final class MessagesView implements PageView {
    private final MessagesViewModel model;
    private final TableView<OutgoingMessage> table = new TableView<>();
    private final VBox detail = new VBox(12);
    private final VBox root;

    public MessagesView(MessagesViewModel model) {
        this.model = model;
        Button compose = Ui.button("New message", Feather.EDIT, Styles.ACCENT);
        compose.setId("compose");
        compose.setOnAction(e -> compose());
        Button export = Ui.button("Export CSV", Feather.DOWNLOAD, Styles.BUTTON_OUTLINED);
        export.setId("export-csv");
        export.disableProperty().bind(model.list().exportingProperty());
        export.setOnAction(e -> export());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.busyProperty());
        SplitPane split = new SplitPane(tablePane(), detailPane());
        split.setDividerPositions(0.68);
        VBox.setVgrow(split, Priority.ALWAYS);
        root = new VBox(14, Ui.header("Messages", "Everything sent through the gateway, newest first.", busy, export,
                compose), filters(), split, PagedTables.exportBar(model.list()));
        root.getStyleClass().add("page");
        root.setPadding(new Insets(20, 24, 16, 24));
        model.selectedProperty().addListener((o, was, is) -> {
            showDetail(is);
            if (is != null && (table.getSelectionModel().getSelectedItem() == null
                    || !table.getSelectionModel().getSelectedItem().id().equals(is.id()))) {
                table.getItems().stream().filter(m -> m.id().equals(is.id())).findFirst()
                        .ifPresent(m -> table.getSelectionModel().select(m));
            }
        });
        model.timeline().addListener((javafx.collections.ListChangeListener<MessagesViewModel.TimelineStep>) c ->
                showDetail(model.selectedProperty().get()));
        showDetail(null);
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public void onShow() {
        model.startLive();
    }

    @Override
    public void onHide() {
        model.stopLive();
    }

    private void compose() {
        ComposeViewModel c = model.compose();
        new ComposeDialog(c, root.getScene().getWindow()).showAndWait();
        if (c.sentProperty().get() != null) {
            model.clearFilters();
            model.selectById(c.sentProperty().get().id());
        }
    }

    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export messages");
        chooser.setInitialFileName("messages.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File f = chooser.showSaveDialog(root.getScene().getWindow());
        if (f != null) {
            model.exportCsv(f.toPath());
        }
    }

    private HBox filters() {
        ComboBox<ProcessingState> state = new ComboBox<>();
        state.setId("filter-state");
        state.getItems().add(null);
        state.getItems().addAll(ProcessingState.values());
        state.setConverter(new StringConverter<>() {
            @Override
            public String toString(ProcessingState s) {
                return s == null ? "Any state" : s.name();
            }

            @Override
            public ProcessingState fromString(String s) {
                return null;
            }
        });
        state.valueProperty().bindBidirectional(model.stateFilterProperty());
        ComboBox<PhoneChoice> phone = new ComboBox<>(model.phones());
        phone.valueProperty().bindBidirectional(model.phoneFilterProperty());
        phone.setPrefWidth(170);
        DatePicker from = new DatePicker();
        from.setPromptText("From");
        from.setPrefWidth(130);
        from.valueProperty().bindBidirectional(model.fromDateProperty());
        DatePicker to = new DatePicker();
        to.setPromptText("To");
        to.setPrefWidth(130);
        to.valueProperty().bindBidirectional(model.toDateProperty());
        CustomTextField search = new CustomTextField();
        search.setId("filter-search");
        search.setPromptText("Text, number or ID");
        search.setLeft(Ui.icon(Feather.SEARCH));
        search.textProperty().bindBidirectional(model.searchProperty());
        search.setOnAction(e -> model.applyFilters());
        HBox.setHgrow(search, Priority.ALWAYS);
        Button apply = Ui.button("Apply", Feather.FILTER);
        apply.setId("filter-apply");
        apply.setDefaultButton(false);
        apply.setOnAction(e -> model.applyFilters());
        Button clear = Ui.button("Clear", null, Styles.FLAT);
        clear.setOnAction(e -> model.clearFilters());
        HBox box = new HBox(8, search, state, phone, from, to, apply, clear);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private VBox tablePane() {
        Ui.tableDefaults(table, "No messages match. Send one with \u201cNew message\u201d, or clear the filters.");
        table.setId("message-table");
        TableColumn<OutgoingMessage, Instant> created = new TableColumn<>("Created");
        created.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().createdAt()));
        created.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Instant item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : model.compactTime(item));
                setTooltip(empty || item == null ? null : new Tooltip(model.timeSeconds(item)));
            }
        });
        created.setId("col-created");
        created.setPrefWidth(100);
        created.setMinWidth(90);
        TableColumn<OutgoingMessage, String> to = PagedTables.column("To", MessagesViewModel::recipients);
        to.setPrefWidth(125);
        to.setMinWidth(110);
        TableColumn<OutgoingMessage, String> text = PagedTables.column("Message", MessagesViewModel::preview);
        text.setPrefWidth(260);
        TableColumn<OutgoingMessage, String> state = PagedTables.column("State", m -> m.state().name());
        state.setId("col-state");
        state.setPrefWidth(105);
        state.setMinWidth(105);
        state.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                setGraphic(empty || item == null ? null : Ui.badge(item, Ui.tone(item)));
            }
        });
        TableColumn<OutgoingMessage, String> sim = PagedTables.column("SIM", m -> m.simNumber() == null ? "auto"
                : String.valueOf(m.simNumber()));
        sim.setPrefWidth(50);
        sim.setMinWidth(50);
        table.getColumns().setAll(List.of(created, to, state, sim, text));
        table.setItems(model.list().items());
        PagedTables.sortOnServer(table, model.list(), Map.of(created, MessageQuery.Order.CREATED,
                state, MessageQuery.Order.STATE));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (is != null && (model.selectedProperty().get() == null
                    || !is.id().equals(model.selectedProperty().get().id()))) {
                model.select(is);
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.C) {
                model.copyId();
            } else if (e.getCode() == KeyCode.F5) {
                model.reload();
            } else if (e.getCode() == KeyCode.PAGE_DOWN && e.isShortcutDown()) {
                model.list().nextPage();
            } else if (e.getCode() == KeyCode.PAGE_UP && e.isShortcutDown()) {
                model.list().previousPage();
            }
        });
        HBox pager = PagedTables.pager(model.list());
        VBox box = new VBox(6, table, pager);
        VBox.setVgrow(table, Priority.ALWAYS);
        return box;
    }

    private Node detailPane() {
        detail.setPadding(new Insets(4, 4, 4, 16));
        detail.setId("message-detail");
        ScrollPane scroll = new ScrollPane(detail);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        return scroll;
    }

    private void showDetail(OutgoingMessage m) {
        if (m == null) {
            detail.getChildren().setAll(Ui.hint("Select a message to see its recipients and its way through the "
                    + "gateway."));
            return;
        }
        Label id = new Label(m.id());
        id.setId("detail-id");
        id.getStyleClass().addAll("mono", Styles.TEXT_BOLD);
        HBox head = new HBox(8, Ui.badge(m.state().name(), Ui.tone(m.state().name())), id,
                Ui.copyButton(t -> model.copyId(), m::id, "message ID"));
        head.setAlignment(Pos.CENTER_LEFT);
        Label body = new Label(m.content().isText() ? m.content().text() : "Data message to port "
                + m.content().port() + ": " + m.content().data());
        body.setWrapText(true);
        body.getStyleClass().add("message-body");
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(4);
        int r = 0;
        g.addRow(r++, key("Phone"), new Label(model.phoneName(m.deviceId())));
        g.addRow(r++, key("SIM"), new Label(m.simNumber() == null ? "phone's choice" : "SIM " + m.simNumber()));
        g.addRow(r++, key("Priority"), new Label(m.priority() >= 100 ? m.priority() + " (bypasses limits)"
                : String.valueOf(m.priority())));
        g.addRow(r++, key("Report"), new Label(m.withDeliveryReport() ? "delivery report requested" : "no report"));
        if (m.scheduleAt() != null) {
            g.addRow(r++, key("Scheduled"), new Label(model.time(m.scheduleAt())));
        }
        if (m.validUntil() != null) {
            g.addRow(r, key("Expires"), new Label(model.time(m.validUntil())));
        }
        VBox recipients = new VBox(4);
        for (RecipientState rs : m.recipients()) {
            Label n = new Label(rs.phoneNumber());
            n.getStyleClass().add("mono");
            HBox row = new HBox(8, n, Ui.spacer(), Ui.badge(rs.state().name(), Ui.tone(rs.state().name())));
            row.setAlignment(Pos.CENTER_LEFT);
            recipients.getChildren().add(row);
            if (rs.error() != null) {
                Label err = new Label(rs.error());
                err.getStyleClass().add("field-error");
                recipients.getChildren().add(err);
            }
        }
        VBox timeline = new VBox(4);
        timeline.setId("detail-timeline");
        for (MessagesViewModel.TimelineStep s : model.timeline()) {
            Label state = new Label(s.state().name());
            state.setMinWidth(90);
            state.getStyleClass().add(Styles.TEXT_BOLD);
            timeline.getChildren().add(new HBox(8, Ui.icon(Feather.CIRCLE), state, new Label(model.timeSeconds(s.at()))));
        }
        Button cancel = Ui.button("Cancel message", Feather.X_CIRCLE, Styles.DANGER, Styles.BUTTON_OUTLINED);
        cancel.setId("cancel-message");
        cancel.disableProperty().bind(model.canCancelProperty().not());
        cancel.setOnAction(e -> model.cancelSelected());
        detail.getChildren().setAll(head, body, g, title("Recipients (" + m.recipients().size() + ")"), recipients,
                title("Timeline"), timeline, cancel);
    }

    private static Label title(String t) {
        Label l = new Label(t);
        l.getStyleClass().addAll(Styles.TEXT_BOLD);
        l.setPadding(new Insets(6, 0, 0, 0));
        return l;
    }

    private static Label key(String t) {
        Label l = new Label(t);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.setMinWidth(70);
        return l;
    }
}
