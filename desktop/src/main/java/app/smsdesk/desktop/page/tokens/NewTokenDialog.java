package app.smsdesk.desktop.page.tokens;

import app.smsdesk.desktop.ui.Themes;
import app.smsdesk.desktop.ui.Ui;
import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

/** The "New token" dialog: a form, then (once minted) the token with Copy and a curl example. */
public final class NewTokenDialog {
    private final NewTokenViewModel model;
    private final Dialog<Void> dialog = new Dialog<>();
    private final ButtonType create = new ButtonType("Create token", ButtonBar.ButtonData.OK_DONE);

    public NewTokenDialog(NewTokenViewModel model, Window owner) {
        this.model = model;
        dialog.setTitle("New API token");
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setResizable(true);
        dialog.getDialogPane().setId("new-token-dialog");
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, create);
        dialog.getDialogPane().setContent(form());
        dialog.getDialogPane().setPrefSize(680, 720);
        dialog.getDialogPane().setMinWidth(640);
        Themes.style(dialog.getDialogPane().getScene());
        Button createButton = (Button) dialog.getDialogPane().lookupButton(create);
        createButton.setId("create-token");
        createButton.getStyleClass().add(Styles.ACCENT);
        createButton.disableProperty().bind(model.canMintProperty().not().or(model.busyProperty()));
        createButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume(); // stay open: the result replaces the form
            model.mint();
        });
        model.issuedProperty().addListener((o, was, is) -> {
            if (is != null) {
                showResult();
            }
        });
    }

    public void showAndWait() {
        model.load();
        dialog.showAndWait();
    }

    private Node form() {
        TextField name = new TextField();
        name.setId("token-name");
        name.setPromptText("e.g. Shop website, Backup script");
        name.textProperty().bindBidirectional(model.nameProperty());

        HBox presets = new HBox(6);
        presets.setAlignment(Pos.CENTER_LEFT);
        Label presetLabel = new Label("Presets:");
        presetLabel.getStyleClass().add(Styles.TEXT_MUTED);
        presets.getChildren().add(presetLabel);
        for (NewTokenViewModel.Preset p : NewTokenViewModel.Preset.values()) {
            Button b = new Button(p.toString());
            b.setId("preset-" + p.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            b.getStyleClass().addAll(Styles.SMALL, Styles.BUTTON_OUTLINED);
            b.setTooltip(new Tooltip(String.join(", ", p.scopes())));
            b.setOnAction(e -> model.applyPreset(p));
            presets.getChildren().add(b);
        }

        VBox scopes = new VBox(12);
        for (NewTokenViewModel.ScopeGroup g : model.groups()) {
            Label title = new Label(g.title());
            title.getStyleClass().addAll(Styles.TEXT_BOLD);
            VBox options = new VBox(4);
            for (NewTokenViewModel.ScopeOption o : g.options()) {
                CheckBox c = new CheckBox(o.action());
                c.setId("scope-" + o.scope().replace(':', '-'));
                c.selectedProperty().bindBidirectional(o.selected());
                c.setMinWidth(110);
                Label d = new Label(o.description());
                d.getStyleClass().add(Styles.TEXT_MUTED);
                Label code = new Label(o.scope());
                code.getStyleClass().addAll("mono", "scope-code");
                HBox row = new HBox(10, c, d, Ui.spacer(), code);
                row.setAlignment(Pos.CENTER_LEFT);
                options.getChildren().add(row);
            }
            scopes.getChildren().add(new VBox(4, title, options));
        }
        ScrollPane scroll = new ScrollPane(scopes);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("scope-scroll");
        scroll.setPrefViewportHeight(330);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        Spinner<Integer> amount = new Spinner<>(1, 100_000, 1);
        amount.setId("token-ttl-amount");
        amount.setEditable(true);
        amount.setPrefWidth(110);
        amount.getValueFactory().valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.ttlAmountProperty().set(b);
            }
        });
        model.ttlAmountProperty().addListener((o, a, b) -> amount.getValueFactory().setValue(b.intValue()));
        ComboBox<NewTokenViewModel.TtlUnit> unit = new ComboBox<>();
        unit.setId("token-ttl-unit");
        unit.getItems().setAll(NewTokenViewModel.TtlUnit.values());
        unit.valueProperty().bindBidirectional(model.ttlUnitProperty());
        Label ttlHint = new Label();
        ttlHint.getStyleClass().add(Styles.TEXT_MUTED);
        ttlHint.textProperty().bind(model.ttlHintProperty());
        HBox ttl = new HBox(8, amount, unit, ttlHint);
        ttl.setAlignment(Pos.CENTER_LEFT);

        Label problem = new Label();
        problem.setId("token-problem");
        problem.getStyleClass().addAll(Styles.WARNING);
        problem.textProperty().bind(model.problemProperty());
        problem.setGraphic(Ui.icon(Feather.ALERT_TRIANGLE));
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.addRow(0, new Label("Name"), name);
        grid.addRow(1, new Label("Lifetime"), ttl);
        GridPane.setHgrow(name, Priority.ALWAYS);

        Label scopesLabel = new Label("What the token may do");
        scopesLabel.getStyleClass().add(Styles.TEXT_BOLD);
        javafx.scene.control.TitledPane limits = new javafx.scene.control.TitledPane(
                "Limits (optional): addresses, daily budget, recipients, hours", GuardsForm.build(model.guards()));
        limits.setId("token-limits");
        limits.setExpanded(false);
        limits.setAnimated(false);
        VBox box = new VBox(12, grid, new VBox(6, scopesLabel, presets), scroll, limits, problem);
        box.setPadding(new Insets(4, 0, 0, 0));
        return box;
    }

    private void showResult() {
        Label warn = new Label("Copy the token now. For your safety it is shown only this once: the gateway keeps "
                + "only its ID, never the token itself.");
        warn.setWrapText(true);
        warn.setGraphic(Ui.icon(Feather.ALERT_CIRCLE));
        warn.getStyleClass().addAll("callout", "callout-warning");
        warn.setMaxWidth(Double.MAX_VALUE);

        Label summary = new Label(model.issuedSummary());
        summary.setId("issued-summary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);

        TextArea token = new TextArea(model.issuedProperty().get().accessToken());
        token.setId("issued-token");
        token.setEditable(false);
        token.setWrapText(true);
        token.setPrefRowCount(4);
        token.getStyleClass().add("mono");
        Button copy = Ui.button("Copy token", Feather.COPY, Styles.ACCENT);
        copy.setId("copy-token");
        copy.setOnAction(e -> {
            model.copyToken();
            copy.setText("Copied");
            copy.setGraphic(Ui.icon(Feather.CHECK));
        });

        TextArea refresh = new TextArea(model.issuedProperty().get().refreshToken());
        refresh.setEditable(false);
        refresh.setWrapText(true);
        refresh.setPrefRowCount(2);
        refresh.getStyleClass().addAll("mono", Styles.SMALL);
        Button copyRefresh = Ui.button("Copy refresh token", Feather.COPY, Styles.SMALL);
        copyRefresh.setOnAction(e -> model.copyRefreshToken());

        TextArea curl = new TextArea(model.curlExampleProperty().get());
        curl.setId("curl-example");
        curl.setEditable(false);
        curl.setPrefRowCount(5);
        curl.getStyleClass().add("mono");
        Button copyCurl = Ui.button("Copy command", Feather.TERMINAL, Styles.SMALL);
        copyCurl.setId("copy-curl");
        copyCurl.setOnAction(e -> model.copyCurl());

        Label tokenTitle = new Label("Access token");
        tokenTitle.getStyleClass().add(Styles.TEXT_BOLD);
        Label refreshTitle = new Label("Refresh token (exchanges for a new pair at POST /auth/token/refresh)");
        refreshTitle.getStyleClass().add(Styles.TEXT_BOLD);
        Label curlTitle = new Label("Try it");
        curlTitle.getStyleClass().add(Styles.TEXT_BOLD);
        VBox box = new VBox(10, warn, summary, tokenTitle, token, new HBox(copy), curlTitle, curl,
                new HBox(copyCurl), refreshTitle, refresh, new HBox(copyRefresh));
        box.setPadding(new Insets(4, 0, 0, 0));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        dialog.setTitle("Token created");
        dialog.getDialogPane().setContent(scroll);
        ButtonType done = new ButtonType("Done", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(done);
        dialog.getDialogPane().lookupButton(done).setId("token-done");
        dialog.setResultConverter(b -> null);
    }
}
