package app.smsdesk.desktop.page.tokens;

import app.smsdesk.desktop.shell.PageView;
import app.smsdesk.desktop.ui.Formats;
import app.smsdesk.desktop.ui.Ui;
import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The token inventory screen. */
public final class TokensView implements PageView {
    private final TokensViewModel model;
    private final ZoneId zone;
    private final TableView<TokenRow> table = new TableView<>();
    private final VBox root;
    private Label summaryLabel;

    /** The selected token's last refusals: one node, filled from the model, moved into each new detail pane. */
    private final VBox refused = new VBox(4);

    public TokensView(TokensViewModel model, ZoneId zone) {
        model.rolledProperty().addListener((o, was, is) -> {
            if (is != null) {
                showRolled(is);
            }
        });
        this.model = model;
        refused.setId("token-refusals");
        model.refusals().addListener((javafx.collections.ListChangeListener<app.smsdesk.gateway.domain.Refusal>)
                c -> fillRefusals());
        this.zone = zone;
        fillRefusals();
        Button newToken = Ui.button("New token", Feather.PLUS, Styles.ACCENT);
        newToken.setId("new-token");
        newToken.setTooltip(new Tooltip("Create an API token (Ctrl+N)"));
        newToken.setOnAction(e -> openNewToken());
        Button reload = Ui.button(null, Feather.REFRESH_CW, Styles.BUTTON_ICON);
        reload.setTooltip(new Tooltip("Reload (F5)"));
        reload.setOnAction(e -> model.refresh());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.busyProperty());

        HBox toolbar = toolbar();
        SplitPane split = new SplitPane(tablePane(), details());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.52);
        VBox.setVgrow(split, Priority.ALWAYS);
        root = new VBox(14, Ui.header("API tokens", "Keys your programs use to call the gateway. "
                + "Name them, limit what they may do, see their use, revoke them.", busy, reload, newToken),
                toolbar, split);
        root.getStyleClass().add("page");
        root.setPadding(new Insets(20, 24, 16, 24));
        root.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), () -> {
                    if (root.isVisible() && root.getParent() != null) {
                        openNewToken();
                    }
                });
            }
        });
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

    private void openNewToken() {
        if (root.getScene() == null || root.getParent() == null) {
            return;
        }
        new NewTokenDialog(model.newToken(), root.getScene().getWindow()).showAndWait();
        model.refresh();
    }

    private HBox toolbar() {
        CustomTextField search = new CustomTextField();
        search.setId("token-search");
        search.setPromptText("Search name, ID or scope");
        search.setLeft(Ui.icon(Feather.SEARCH));
        search.setPrefWidth(280);
        search.textProperty().bindBidirectional(model.searchProperty());
        ComboBox<TokensViewModel.StatusFilter> status = new ComboBox<>();
        status.setId("token-status-filter");
        status.getItems().setAll(TokensViewModel.StatusFilter.values());
        status.valueProperty().bindBidirectional(model.statusProperty());
        CheckBox refresh = new CheckBox("Show refresh tokens");
        refresh.selectedProperty().bindBidirectional(model.showRefreshTokensProperty());
        Button revoke = Ui.button("Revoke", Feather.SLASH, Styles.DANGER);
        revoke.setId("revoke-selected");
        revoke.setTooltip(new Tooltip("Revoke the selected tokens (Delete)"));
        revoke.disableProperty().bind(Bindings.isEmpty(table.getSelectionModel().getSelectedItems()));
        revoke.setOnAction(e -> revokeSelected());
        Button byId = Ui.button("Revoke by ID\u2026", Feather.CLIPBOARD, Styles.BUTTON_OUTLINED);
        byId.setId("revoke-by-id");
        byId.setTooltip(new Tooltip("Paste a token ID (jti) to revoke it"));
        byId.setOnAction(e -> revokeById());
        Label summary = new Label();
        summary.setId("token-summary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(model.summaryProperty());
        for (javafx.scene.control.Control c : List.of(refresh, byId, revoke, status)) {
            c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        this.summaryLabel = summary;
        HBox bar = new HBox(10, search, status, refresh, Ui.spacer(), byId, revoke);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private void revokeSelected() {
        model.revoke(List.copyOf(table.getSelectionModel().getSelectedItems()));
    }

    private void revokeById() {
        TextInputDialog d = new TextInputDialog();
        d.initOwner(root.getScene().getWindow());
        d.setTitle("Revoke a token by ID");
        d.setHeaderText("Paste the token's ID (the jti claim)");
        d.getEditor().setId("pasted-jti");
        d.getEditor().setPromptText("e.g. V1StGXR8_Z5jdHi6B-myT");
        app.smsdesk.desktop.ui.Themes.style(d.getDialogPane().getScene());
        d.showAndWait().ifPresent(model::revokePasted);
    }

    private VBox tablePane() {
        Ui.tableDefaults(table, "No tokens yet. Create one with \u201cNew token\u201d: your programs use it "
                + "instead of the admin password.");
        table.setId("token-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        TableColumn<TokenRow, String> name = text("Name", TokenRow::name);
        name.setPrefWidth(170);
        TableColumn<TokenRow, String> jti = text("ID (jti)", TokenRow::jti);
        jti.setPrefWidth(190);
        jti.setCellFactory(c -> monoCell());
        TableColumn<TokenRow, String> scopes = text("Scopes", TokenRow::scopesText);
        scopes.setPrefWidth(220);
        TableColumn<TokenRow, Instant> created = time("Created", r -> r.info().createdAt(),
                r -> r.createdText());
        TableColumn<TokenRow, Instant> expires = time("Expires", r -> r.info().expiresAt(), TokenRow::expiresText);
        expires.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Instant item, boolean empty) {
                super.updateItem(item, empty);
                TokenRow r = getTableRow() == null ? null : getTableRow().getItem();
                getStyleClass().removeAll("expires-soon");
                if (empty || r == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(r.expiresText());
                setTooltip(new Tooltip(Formats.dateTime(item, zone)));
                if (r.expiresSoon()) {
                    getStyleClass().add("expires-soon");
                }
            }
        });
        TableColumn<TokenRow, Instant> lastUsed = time("Last used", r -> r.info().lastUsedAt(),
                TokenRow::lastUsedText);
        TableColumn<TokenRow, Number> uses = new TableColumn<>("Uses");
        uses.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().info().useCount()));
        uses.setPrefWidth(60);
        uses.setStyle("-fx-alignment: CENTER-RIGHT;");
        TableColumn<TokenRow, String> status = text("Status", TokenRow::status);
        status.setPrefWidth(100);
        status.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                TokenRow r = getTableRow() == null ? null : getTableRow().getItem();
                if (empty || item == null || r == null) {
                    setGraphic(null);
                    return;
                }
                setGraphic(Ui.badge(item, r.expiresSoon() ? "warning" : Ui.tone(item)));
                setText(null);
            }
        });
        table.getColumns().setAll(List.of(name, jti, scopes, created, expires, lastUsed, uses, status));
        SortedList<TokenRow> sorted = new SortedList<>(model.visibleRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (is != null) {
                model.selectedProperty().set(is);
            }
        });
        model.selectedProperty().addListener((o, was, is) -> {
            if (is != null && table.getSelectionModel().getSelectedItems().size() <= 1
                    && table.getSelectionModel().getSelectedItem() != is) {
                table.getSelectionModel().clearSelection();
                table.getSelectionModel().select(is);
            }
        });
        table.setRowFactory(t -> {
            TableRow<TokenRow> row = new TableRow<>() {
                @Override
                protected void updateItem(TokenRow item, boolean empty) {
                    super.updateItem(item, empty);
                    pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("inactive"),
                            item != null && !item.isActive());
                }
            };
            MenuItem copy = new MenuItem("Copy ID", Ui.icon(Feather.COPY));
            copy.setOnAction(e -> model.copyJti(row.getItem()));
            MenuItem revoke = new MenuItem("Revoke\u2026", Ui.icon(Feather.SLASH));
            revoke.setOnAction(e -> revokeSelected());
            row.contextMenuProperty().bind(Bindings.when(row.emptyProperty()).then((ContextMenu) null)
                    .otherwise(new ContextMenu(copy, revoke)));
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) {
                revokeSelected();
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.C) {
                model.copyJti(table.getSelectionModel().getSelectedItem());
            } else if (e.getCode() == KeyCode.F5) {
                model.refresh();
            }
        });
        VBox box = new VBox(6, table, summaryLabel);
        VBox.setVgrow(table, Priority.ALWAYS);
        return box;
    }

    private Node details() {
        VBox box = new VBox(10);
        box.getStyleClass().add("detail-pane");
        box.setPadding(new Insets(14, 4, 4, 4));
        Label empty = Ui.hint("Select a token to see its details and refresh chain.");
        box.getChildren().setAll(empty);
        model.selectedProperty().addListener((o, was, is) -> {
            if (is == null) {
                box.getChildren().setAll(empty);
            } else {
                box.getChildren().setAll(detailOf(is));
            }
        });
        model.chain().addListener((javafx.collections.ListChangeListener<TokenRow>) c -> {
            TokenRow s = model.selectedProperty().get();
            if (s != null) {
                box.getChildren().setAll(detailOf(s));
            }
        });
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        return scroll;
    }

    private List<Node> detailOf(TokenRow r) {
        Label title = new Label(r.name());
        title.getStyleClass().add(Styles.TITLE_4);
        HBox head = new HBox(10, title, Ui.badge(r.status(), r.expiresSoon() ? "warning" : Ui.tone(r.status())),
                Ui.badge(r.kind(), "muted"));
        head.setAlignment(Pos.CENTER_LEFT);
        GridPane g = new GridPane();
        g.setHgap(14);
        g.setVgap(6);
        int row = 0;
        Label id = new Label(r.jti());
        id.getStyleClass().add("mono");
        HBox idBox = new HBox(4, id, Ui.copyButton(text -> model.copyJti(r), () -> r.jti(), "token ID"));
        idBox.setAlignment(Pos.CENTER_LEFT);
        g.addRow(row++, key("ID"), idBox);
        FlowPane scopes = new FlowPane(6, 6);
        r.info().scopes().forEach(s -> scopes.getChildren().add(Ui.badge(s, "accent")));
        g.addRow(row++, key("Scopes"), scopes);
        g.addRow(row++, key("Created"), new Label(Formats.dateTime(r.info().createdAt(), zone) + " by "
                + r.info().mintedBy()));
        g.addRow(row++, key("Expires"), new Label(Formats.dateTime(r.info().expiresAt(), zone) + " ("
                + r.expiresText() + ")"));
        g.addRow(row++, key("Used"), new Label(r.info().useCount() + " requests, last " + r.lastUsedText()));
        if (r.info().revokedAt() != null) {
            g.addRow(row++, key("Revoked"), new Label(Formats.dateTime(r.info().revokedAt(), zone)));
        }
        Label guards = new Label();
        guards.setId("token-guards-summary");
        guards.setWrapText(true);
        guards.textProperty().bind(model.guardSummaryProperty());
        if (r.isActive()) {
            Button edit = Ui.button("Guards\u2026", Feather.SHIELD, Styles.SMALL, Styles.BUTTON_OUTLINED);
            edit.setId("token-guards");
            edit.setTooltip(new Tooltip("Limit where from, when and to whom this token may send, and how much a day"));
            edit.setOnAction(e -> editGuards(r));
            HBox guardBox = new HBox(8, guards, edit);
            guardBox.setAlignment(Pos.CENTER_LEFT);
            g.addRow(row++, key("Guards"), guardBox);
        } else {
            g.addRow(row++, key("Guards"), guards);
        }
        String link = model.rollLink(r);
        if (!link.isEmpty()) {
            Label linked = new Label(link);
            linked.setId("token-roll-link");
            g.addRow(row++, key("Rolled"), linked);
        }
        if (r.isActive() && !r.info().isRefresh()) {
            Button roll = Ui.button("Roll\u2026", Feather.REPEAT, Styles.BUTTON_OUTLINED);
            roll.setId("token-roll");
            roll.setTooltip(new Tooltip("A new token with the same name and scopes; this one keeps working for a "
                    + "grace period, then dies"));
            roll.setOnAction(e -> askRoll(r));
            g.addRow(row, new Label(), roll);
        }
        Label chainTitle = new Label("Refresh chain");
        chainTitle.getStyleClass().add(Styles.TEXT_BOLD);
        VBox chain = new VBox(4);
        for (TokenRow c : model.chain()) {
            Label kind = new Label(c.info().isRefresh() ? "\u21b3 refresh" : "\u25cf access");
            kind.setMinWidth(80);
            Label stepId = new Label(c.jti());
            stepId.getStyleClass().add("mono");
            Label when = new Label(Formats.dateTime(c.info().createdAt(), zone));
            when.getStyleClass().add(Styles.TEXT_MUTED);
            HBox step = new HBox(10, kind, stepId, when, Ui.badge(c.status(), Ui.tone(c.status())));
            step.setAlignment(Pos.CENTER_LEFT);
            if (c.jti().equals(r.jti())) {
                kind.getStyleClass().add(Styles.TEXT_BOLD);
                stepId.getStyleClass().add(Styles.TEXT_BOLD);
            }
            chain.getChildren().add(step);
        }
        Label chainHint = Ui.hint("Each refresh rotates the pair: the old refresh token is revoked and a new "
                + "access + refresh pair joins the chain. Reusing an old refresh token revokes the whole chain.");
        VBox left = new VBox(10, head, g);
        left.setMinWidth(420);
        left.setPrefWidth(480);
        Label refusedTitle = new Label("Last refusals");
        refusedTitle.getStyleClass().add(Styles.TEXT_BOLD);
        VBox right = new VBox(8, chainTitle, chain, chainHint, refusedTitle, refused);
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox columns = new HBox(28, left, right);
        return List.of(columns);
    }

    private void fillRefusals() {
        refused.getChildren().clear();
        for (app.smsdesk.gateway.domain.Refusal f : model.refusals()) {
            Label when = new Label(Formats.dateTimeSeconds(f.at(), zone));
            when.getStyleClass().add(Styles.TEXT_MUTED);
            Label why = new Label(TokensViewModel.explain(f.reason()));
            why.getStyleClass().add(Styles.TEXT_BOLD);
            Label where = new Label(f.request() + " from " + f.address());
            where.getStyleClass().add(Styles.TEXT_MUTED);
            HBox line = new HBox(10, when, why, where);
            line.setAlignment(Pos.CENTER_LEFT);
            refused.getChildren().add(line);
        }
        if (refused.getChildren().isEmpty()) {
            refused.getChildren().add(Ui.hint("No request with this token was refused since SMSDesk started."));
        }
    }

    /** The Guards dialog: the fields filled from the token; Save keeps it open while what was typed is wrong. */
    private void editGuards(TokenRow r) {
        javafx.scene.control.Dialog<Void> d = new javafx.scene.control.Dialog<>();
        d.initOwner(root.getScene().getWindow());
        d.setTitle("Guards of \u201c" + r.name() + "\u201d");
        d.setHeaderText("Empty fields mean no limit. The change holds from the token's next request, also for "
                + "its refreshed successors.");
        Label problem = new Label();
        problem.setId("guards-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        d.getDialogPane().setId("guards-dialog");
        d.getDialogPane().setContent(new VBox(10, GuardsForm.build(model.guardsForm()), problem));
        d.getDialogPane().setPrefWidth(620);
        javafx.scene.control.ButtonType save = new javafx.scene.control.ButtonType("Save",
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(javafx.scene.control.ButtonType.CANCEL, save);
        Button saveButton = (Button) d.getDialogPane().lookupButton(save);
        saveButton.setId("guards-save");
        saveButton.getStyleClass().add(Styles.ACCENT);
        saveButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            String wrong = model.saveGuards(r);
            problem.setText(wrong);
            if (!wrong.isEmpty()) {
                e.consume();
            }
        });
        app.smsdesk.desktop.ui.Themes.style(d.getDialogPane().getScene());
        d.showAndWait();
    }

    /** Asks for the grace period, then rolls; the successor is shown once. */
    private void askRoll(TokenRow r) {
        TextInputDialog d = new TextInputDialog(String.valueOf(TokensViewModel.DEFAULT_ROLL_GRACE.toHours()));
        d.initOwner(root.getScene().getWindow());
        d.setTitle("Roll \u201c" + r.name() + "\u201d");
        d.setHeaderText("A new token with the same name and scopes replaces this one.\nHow many hours may the old "
                + "token keep working, so programs can switch over? (0 to "
                + app.smsdesk.gateway.service.TokenService.MAX_ROLL_GRACE.toHours() + ")");
        d.getEditor().setId("roll-grace");
        app.smsdesk.desktop.ui.Themes.style(d.getDialogPane().getScene());
        d.showAndWait().ifPresent(hours -> model.roll(r, hours));
    }

    /** The rolled successor's token, shown once (it is on the clipboard already). */
    private void showRolled(app.smsdesk.gateway.service.TokenService.IssuedTokens t) {
        javafx.scene.control.TextArea token = new javafx.scene.control.TextArea(t.accessToken());
        token.setId("rolled-token");
        token.setEditable(false);
        token.setWrapText(true);
        token.setPrefRowCount(4);
        token.getStyleClass().add("mono");
        Label warn = Ui.hint("The new token " + t.access().jti() + " is on the clipboard. It is shown only this once; "
                + "put it into your programs before the old one stops working.");
        warn.setWrapText(true);
        warn.setMaxWidth(460);
        javafx.scene.control.Dialog<Void> d = new javafx.scene.control.Dialog<>();
        d.initOwner(root.getScene().getWindow());
        d.setTitle("Token rolled");
        d.getDialogPane().setContent(new VBox(10, warn, token));
        javafx.scene.control.ButtonType done = new javafx.scene.control.ButtonType("Done",
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(done);
        d.getDialogPane().lookupButton(done).setId("rolled-done");
        app.smsdesk.desktop.ui.Themes.style(d.getDialogPane().getScene());
        d.show();
    }

    private static Label key(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.setMinWidth(70);
        return l;
    }

    private static TableColumn<TokenRow, String> text(String title, Function<TokenRow, String> value) {
        TableColumn<TokenRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }

    private TableColumn<TokenRow, Instant> time(String title, Function<TokenRow, Instant> value,
                                                Function<TokenRow, String> shown) {
        TableColumn<TokenRow, Instant> c = new TableColumn<>(title);
        c.setPrefWidth(110);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setComparator(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Instant item, boolean empty) {
                super.updateItem(item, empty);
                TokenRow r = getTableRow() == null ? null : getTableRow().getItem();
                if (empty || r == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(shown.apply(r));
                setTooltip(item == null ? null : new Tooltip(Formats.dateTime(item, zone)));
            }
        });
        return c;
    }

    private static <T> TableCell<T, String> monoCell() {
        TableCell<T, String> cell = new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        };
        cell.getStyleClass().add("mono");
        return cell;
    }
}
