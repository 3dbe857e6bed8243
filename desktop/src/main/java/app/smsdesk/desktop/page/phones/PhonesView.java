package app.smsdesk.desktop.page.phones;

import app.smsdesk.desktop.shell.PageView;
import app.smsdesk.desktop.ui.Ui;
import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The phones screen. */
public final class PhonesView implements PageView {
    private final PhonesViewModel model;
    private final TableView<PhonesViewModel.PhoneRow> table = new TableView<>();
    private final VBox root;

    public PhonesView(PhonesViewModel model) {
        this.model = model;
        Button pair = Ui.button("Pair a phone", Feather.PLUS, Styles.ACCENT);
        pair.setId("pair-phone");
        pair.setOnAction(e -> openPairing(pair.getScene().getWindow()));
        pair.setTooltip(new Tooltip("Connect an Android phone to this gateway (Ctrl+P)"));
        Button remove = Ui.button("Remove", Feather.TRASH_2, Styles.DANGER, Styles.BUTTON_OUTLINED);
        remove.setId("remove-phone");
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> model.remove(table.getSelectionModel().getSelectedItem()));
        Ui.tableDefaults(table, "No phones yet. Install \u201cSMS Gateway for Android\u201d on a phone and use "
                + "\u201cPair a phone\u201d to connect it to this gateway.");
        table.setId("phone-table");
        TableColumn<PhonesViewModel.PhoneRow, String> status = col("Status", PhonesViewModel.PhoneRow::status);
        status.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                setGraphic(empty || item == null ? null : "waiting".equals(item) ? waiting(getTableRow().getItem())
                        : Ui.badge(item, Ui.tone(item)));
            }
        });
        status.setPrefWidth(190);
        status.setMinWidth(85);
        TableColumn<PhonesViewModel.PhoneRow, String> name = col("Phone", PhonesViewModel.PhoneRow::name);
        name.setPrefWidth(180);
        name.setMinWidth(120);
        TableColumn<PhonesViewModel.PhoneRow, String> id = col("ID", r -> r.device().id());
        id.setPrefWidth(150);
        TableColumn<PhonesViewModel.PhoneRow, String> seen = col("Last seen", PhonesViewModel.PhoneRow::lastSeen);
        seen.setMinWidth(95);
        TableColumn<PhonesViewModel.PhoneRow, String> app = col("App version",
                r -> r.device().appVersion() == null ? "unknown" : r.device().appVersion());
        app.setMinWidth(110);
        TableColumn<PhonesViewModel.PhoneRow, String> sims = col("SIM cards", PhonesViewModel.PhoneRow::sims);
        sims.setPrefWidth(260);
        table.getColumns().setAll(List.of(status, name, id, seen, channel(), app, sims));
        table.setItems(model.phones());
        table.setRowFactory(t -> {
            TableRow<PhonesViewModel.PhoneRow> row = new TableRow<>();
            MenuItem copy = new MenuItem("Copy ID", Ui.icon(Feather.COPY));
            copy.setOnAction(e -> model.copyId(row.getItem()));
            MenuItem del = new MenuItem("Remove\u2026", Ui.icon(Feather.TRASH_2));
            del.setOnAction(e -> model.remove(row.getItem()));
            MenuItem approve = new MenuItem("Approve", Ui.icon(Feather.CHECK));
            approve.setOnAction(e -> model.approve(row.getItem()));
            row.itemProperty().addListener((o, a, b) -> approve.setVisible(b != null && !b.device().approved()));
            row.contextMenuProperty().bind(Bindings.when(row.emptyProperty()).then((ContextMenu) null)
                    .otherwise(new ContextMenu(approve, copy, del)));
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) {
                model.remove(table.getSelectionModel().getSelectedItem());
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.C) {
                model.copyId(table.getSelectionModel().getSelectedItem());
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        Label sseOnly = Ui.warningCallout("phones-sse-only", Feather.ZAP, model.sseOnlyHintProperty());
        Label waiting = Ui.warningCallout("phones-waiting", Feather.USER_CHECK, model.waitingHintProperty());
        HBox actions = new HBox(8, Ui.hint("A phone counts as online when it contacted the gateway in the last "
                + "15 minutes."), Ui.spacer(), remove);
        actions.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(14, Ui.header("Phones", "The Android phones that send and receive SMS for this gateway.",
                pair), waiting, sseOnly, table, actions);
        root.setPadding(new Insets(20, 24, 16, 24));
        root.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), () -> {
                    if (root.getParent() != null) {
                        openPairing(scene.getWindow());
                    }
                });
            }
        });
    }

    /** The status of a phone waiting for approval: the badge and the one-click Approve. */
    private Node waiting(PhonesViewModel.PhoneRow row) {
        Button approve = Ui.button("Approve", Feather.CHECK, Styles.SUCCESS, Styles.SMALL);
        approve.getStyleClass().add("phone-approve");
        approve.setTooltip(new Tooltip("Let this phone send and receive for the gateway"));
        approve.setOnAction(e -> model.approve(row));
        Node badge = Ui.badge("waiting", Ui.tone("waiting"));
        if (badge instanceof Region r) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        approve.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(6, badge, approve);
        box.setMinWidth(Region.USE_PREF_SIZE);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private void openPairing(javafx.stage.Window owner) {
        new PairingDialog(model.pairing(), owner).showAndWait();
        model.refresh();
    }

    /** How new messages reach the phone: a live event stream, polling (push token), or no stream. */
    private static TableColumn<PhonesViewModel.PhoneRow, PhonesViewModel.Channel> channel() {
        TableColumn<PhonesViewModel.PhoneRow, PhonesViewModel.Channel> c = new TableColumn<>("Real time");
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().channel()));
        c.setCellFactory(t -> new TableCell<>() {
            @Override
            protected void updateItem(PhonesViewModel.Channel item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                setGraphic(empty || item == null ? null : Ui.badge(item.label(), item.tone()));
                setTooltip(empty || item == null ? null : new Tooltip(item.explanation()));
            }
        });
        c.setPrefWidth(100);
        c.setMinWidth(95);
        return c;
    }

    private static TableColumn<PhonesViewModel.PhoneRow, String> col(String title,
                                                                     Function<PhonesViewModel.PhoneRow, String> v) {
        TableColumn<PhonesViewModel.PhoneRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(v.apply(d.getValue())));
        return c;
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
}
